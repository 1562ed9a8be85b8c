/// One step of a scenario, in file order.
public struct ScenarioAction: Sendable, Hashable {
    /// Position in the scenario's `actions:` list, from 0.
    public var index: Int
    public var location: SourceLocation
    public var kind: Kind

    public init(index: Int, location: SourceLocation, kind: Kind) {
        self.index = index
        self.location = location
        self.kind = kind
    }

    public enum Kind: Sendable, Hashable {
        case start(StartWorkflow)
        /// Answer the input step a suspended process waits at.
        case resume(ContinueProcess)
        /// Retry a failed process from its failed step.
        case retry(ContinueProcess)
        case abort(process: String)
        case fault(ScenarioFault)
        case assert(Assertion)
    }

    /// A one-line summary for terminal output and reports: `start create_node as node_a`.
    public var summary: String {
        switch kind {
        case .start(let start): return "start \(start.workflow)" + (start.name.map { " as \($0)" } ?? "")
        case .resume(let next): return "resume \(next.process)"
        case .retry(let next): return "retry \(next.process)"
        case .abort(let process): return "abort \(process)"
        case .fault(let fault): return "fault \(fault)"
        case .assert(let assertion): return "assert \(assertion.name)"
        }
    }
}

/// `start: <workflow>`: post the form pages and run the process, playing the engineer at input steps.
public struct StartWorkflow: Sendable, Hashable {
    public var workflow: String
    /// The name later actions use to refer to this process and its subscription (`as:`).
    public var name: String?
    /// The subscription a modify, terminate or validate workflow acts on.
    public var subscription: ScenarioValue?
    /// Form pages after the implied product or subscription page, in order.
    public var pages: [[String: ScenarioValue]]
    public var engineer: EngineerPlay
    public var expect: ExpectedOutcome?

    public init(
        workflow: String, name: String? = nil, subscription: ScenarioValue? = nil, pages: [[String: ScenarioValue]] = [],
        engineer: EngineerPlay = .applyAndConfirm, expect: ExpectedOutcome? = nil
    ) {
        self.workflow = workflow
        self.name = name
        self.subscription = subscription
        self.pages = pages
        self.engineer = engineer
        self.expect = expect
    }
}

/// `resume:` or `retry:` of a process started earlier, by its `as:` name.
public struct ContinueProcess: Sendable, Hashable {
    public var process: String
    public var engineer: EngineerPlay
    public var expect: ExpectedOutcome?

    public init(process: String, engineer: EngineerPlay = .applyAndConfirm, expect: ExpectedOutcome? = nil) {
        self.process = process
        self.engineer = engineer
        self.expect = expect
    }
}

/// How the simulated engineer answers an input step that shows config for routers.
public enum EngineerPlay: Sendable, Hashable, CustomStringConvertible {
    /// Apply each shown config to the router it is for, then confirm (the default).
    case applyAndConfirm
    /// Confirm without applying anything.
    case confirmOnly
    /// Apply the configs for these devices only, then confirm.
    case apply(devices: [String])
    /// Post these values as the input step's form, applying nothing.
    case answer([String: ScenarioValue])
    /// Leave the process waiting at its input step.
    case leaveSuspended

    public var description: String {
        switch self {
        case .applyAndConfirm: return "apply_and_confirm"
        case .confirmOnly: return "confirm_only"
        case .apply(let devices): return "apply \(devices.joined(separator: ", ")) and confirm"
        case .answer(let values): return "answer \(ScenarioValue.map(values))"
        case .leaveSuspended: return "leave_suspended"
        }
    }
}
