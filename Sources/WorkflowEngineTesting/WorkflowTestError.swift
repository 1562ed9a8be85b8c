import WorkflowEngine

/// Thrown by the assertions when a process is not where the test expects it; its message shows
/// the status, the last step and the failure so the test report explains itself.
public struct WorkflowTestError: Error, CustomStringConvertible {
    public let description: String
}
