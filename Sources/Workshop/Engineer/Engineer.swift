import RouterSim
import WorkflowEngine

/// A config text a suspended process shows, with the device it is for (read from the field's
/// `meta`, never from the text's comment line).
public struct ConfigToPaste: Sendable, Hashable {
    public let field: String
    public let device: String
    public let text: String
}

public enum EngineerError: Error, Sendable, Equatable, CustomStringConvertible {
    case notSuspended(processID: String, status: ProcessStatus)
    /// The router rejected lines of a pasted text; the process is not confirmed.
    case rejectedLines(device: String, lines: [String])

    public var description: String {
        switch self {
        case .notSuspended(let id, let status): "process \(id) is \(status.rawValue), not waiting for the engineer"
        case .rejectedLines(let device, let lines): "\(device) rejected: " + lines.joined(separator: " | ")
        }
    }
}

/// Plays the engineer at the workshop's input steps: pastes each shown text into its router
/// through the fleet, then confirms `confirm_config_put_on_routers`.
public struct Engineer: Sendable {
    public let fleet: Fleet
    public let actor: String

    public init(fleet: Fleet, actor: String = "engineer") {
        self.fleet = fleet
        self.actor = actor
    }

    /// The texts of a pending form's JSON Schema, in field order.
    public static func configs(in form: JSON) -> [ConfigToPaste] {
        let properties = form["properties"]?.objectValue ?? [:]
        return properties.compactMap { name, property -> (Int, ConfigToPaste)? in
            guard let device = property["meta"]?[ConfigField.deviceMeta]?.stringValue,
                  let text = property["default"]?.stringValue else { return nil }
            return (property["propertyOrder"]?.intValue ?? 0, ConfigToPaste(field: name, device: device, text: text))
        }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// Pastes every text into its device; a rejected line stops before the next text.
    @discardableResult
    public func paste(_ configs: [ConfigToPaste]) throws -> [PasteResult] {
        try configs.map { config in
            let result = try fleet.apply(paste: config.text, to: config.device, actor: actor)
            guard result.isClean else {
                throw EngineerError.rejectedLines(device: config.device, lines: result.rejectedLines.map(\.text))
            }
            return result
        }
    }

    /// At a process suspended on a config page: pastes the texts, then confirms and lets the
    /// process run on. Returns where it stopped next.
    @discardableResult
    public func confirm(_ processID: String, on engine: Engine) throws -> ProcessOutcome {
        guard let pending = try engine.pendingInput(processID) else {
            throw EngineerError.notSuspended(processID: processID, status: try engine.process(processID).lastStatus)
        }
        try paste(Engineer.configs(in: pending.form))
        return try engine.resume(processID, inputs: [[ConfigField.confirm: "ACCEPTED"]], user: actor)
    }
}
