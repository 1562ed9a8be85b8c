import RouterSim

/// Reads a router's running config for the validate workflows.
public enum RunningConfigReader {
    /// Opens a CLI session (`show running-config`) so an unreachable or unknown router fails
    /// the step as it would in the field, then takes the structured config the simulation keeps
    /// (the same text, already parsed).
    public static func read(_ device: String, from fleet: Fleet) throws -> RouterConfig {
        _ = try fleet.show(device, "running-config")
        return try fleet.runningConfig(device)
    }
}
