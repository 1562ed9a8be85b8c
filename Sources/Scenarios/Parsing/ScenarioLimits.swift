/// Every bound on what a scenario or exercise file can ask for, checked before the work it would cost;
/// each one exceeded is an issue at the file, line and field. docs/limits-files.md explains them.
public enum ScenarioLimits {
    /// Bytes of one scenario or exercise file (the largest shipped one is under 8 KB); checked before
    /// the file is read, and for YAML given as text.
    public static let maximumFileBytes = 1 << 20
    /// YAML nodes of one file once its aliases are expanded, counted from the parser's events before any
    /// tree is built (see `YAMLNodeBudget`), so an alias bomb is refused at the alias that crosses it.
    public static let maximumYAMLNodes = 100_000
    /// Actions of one scenario (the largest shipped one has 49); each can start a workflow, and a chaos
    /// run replays the scenario once per step.
    public static let maximumActions = 1_000
}
