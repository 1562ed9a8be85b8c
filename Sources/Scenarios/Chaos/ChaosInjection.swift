import NetBoxSim

/// One chaos run's fault, armed when the scenario starts: the engine killed at its N-th step
/// row, or one NetBox call answering with a timeout after doing its work. Either way the play
/// retries what failed, as an operator would, so the run can be compared with the clean one.
struct ChaosInjection: Sendable, Hashable {
    var killAfterStep: Int?
    var netboxCall: NetBoxCall?

    struct NetBoxCall: Sendable, Hashable {
        let operation: NetBoxOperation
        let call: Int
    }

    /// How often the play retries a process that failed under chaos.
    static let retryBudget = 3
}
