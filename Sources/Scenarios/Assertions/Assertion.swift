/// `assert: <name>`: a named check on the world after the actions before it, with a human message.
public struct Assertion: Sendable, Hashable {
    public var name: String
    /// What the scenario author wants a reader to know when this fails.
    public var message: String?
    public var check: Check
    public var location: SourceLocation

    public init(name: String, message: String? = nil, check: Check, location: SourceLocation) {
        self.name = name
        self.message = message
        self.check = check
        self.location = location
    }

    public enum Check: Sendable, Hashable {
        case subscription(SubscriptionCheck)
        case device(name: String, status: String)
        case prefix(PrefixCheck)
        case address(AddressCheck)
        case cable(CableCheck)
        case config(ConfigCheck)
        case adjacency(a: String, b: String, up: Bool)
        case path(PathCheck)
        case allLoopbacksReachable
        case process(ProcessCheck)
        /// No NetBox prefix, address or cable that no live subscription accounts for.
        case noLeakedResources
    }
}

public struct SubscriptionCheck: Sendable, Hashable {
    /// Usually a reference to an earlier action: `${c1}`.
    public var subscription: ScenarioValue
    public var status: String?
    public var insync: Bool?
    public var description: String?
    /// Model fields by dotted path (`circuit.under_maintenance`) and their expected values.
    public var fields: [String: ScenarioValue]

    public init(
        subscription: ScenarioValue, status: String? = nil, insync: Bool? = nil, description: String? = nil,
        fields: [String: ScenarioValue] = [:]
    ) {
        self.subscription = subscription
        self.status = status
        self.insync = insync
        self.description = description
        self.fields = fields
    }
}

public struct PrefixCheck: Sendable, Hashable {
    public var prefix: String
    /// `false` asserts the prefix does not exist (was released).
    public var allocated: Bool
    public var description: String?

    public init(prefix: String, allocated: Bool = true, description: String? = nil) {
        self.prefix = prefix
        self.allocated = allocated
        self.description = description
    }
}

public struct AddressCheck: Sendable, Hashable {
    public var address: String
    public var allocated: Bool
    public var assignedTo: InterfaceRef?
    public var description: String?

    public init(address: String, allocated: Bool = true, assignedTo: InterfaceRef? = nil, description: String? = nil) {
        self.address = address
        self.allocated = allocated
        self.assignedTo = assignedTo
        self.description = description
    }
}

public struct CableCheck: Sendable, Hashable {
    /// The cable's two ends; order does not matter.
    public var between: [InterfaceRef]
    /// `connected`, `planned`, `decommissioning`; `nil` checks existence only.
    public var status: String?
    public var exists: Bool

    public init(between: [InterfaceRef], status: String? = nil, exists: Bool = true) {
        self.between = between
        self.status = status
        self.exists = exists
    }
}

/// A check on one router's running config. Lines compare after trimming trailing spaces.
public struct ConfigCheck: Sendable, Hashable {
    public var device: String
    /// Restrict the check to the block a line starts (`interface 1/1/c2/1`): that line and the
    /// indented lines under it.
    public var section: String?
    public var contains: [String]
    public var excludes: [String]
    /// Regular expressions each of which some line must match.
    public var matches: [String]
    /// The config (or section) must equal this text exactly, line by line.
    public var equals: String?
    /// No line the router rejected during the scenario.
    public var noRejectedLines: Bool

    public init(
        device: String, section: String? = nil, contains: [String] = [], excludes: [String] = [],
        matches: [String] = [], equals: String? = nil, noRejectedLines: Bool = false
    ) {
        self.device = device
        self.section = section
        self.contains = contains
        self.excludes = excludes
        self.matches = matches
        self.equals = equals
        self.noRejectedLines = noRejectedLines
    }
}

/// The shortest IS-IS path from one router's view to another router's loopback.
public struct PathCheck: Sendable, Hashable {
    public var from: String
    public var to: String
    /// The exact routers hop by hop, both ends included.
    public var via: [String]?
    /// Routers the path must not cross.
    public var avoids: [String]
    public var reachable: Bool

    public init(from: String, to: String, via: [String]? = nil, avoids: [String] = [], reachable: Bool = true) {
        self.from = from
        self.to = to
        self.via = via
        self.avoids = avoids
        self.reachable = reachable
    }
}

public struct ProcessCheck: Sendable, Hashable {
    /// The `as:` name of an earlier start action.
    public var process: String
    public var outcome: ExpectedOutcome?
    /// Step names in run order, exactly.
    public var steps: [String]?
    /// Regular expressions that audit trail entries must match, in this order (other entries may
    /// come between).
    public var audit: [String]

    public init(process: String, outcome: ExpectedOutcome? = nil, steps: [String]? = nil, audit: [String] = []) {
        self.process = process
        self.outcome = outcome
        self.steps = steps
        self.audit = audit
    }
}
