/// A subscription's lifecycle status.
public enum Lifecycle: String, Codable, Sendable, CaseIterable, Comparable {
    case initial, provisioning, active, disabled, terminated

    public static func < (lhs: Lifecycle, rhs: Lifecycle) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Statuses a *using* subscription may be in when this one moves to `self`
    /// (orchestrator-core's SAFE_USED_BY_TRANSITIONS_FOR_STATUS): a Node used by an active
    /// Circuit cannot be terminated.
    public var safeUserStatuses: Set<Lifecycle> {
        switch self {
        case .initial: [.initial]
        case .active: [.initial, .provisioning, .active, .terminated, .disabled]
        case .provisioning: [.initial, .provisioning, .active, .terminated]
        case .terminated: [.initial, .terminated]
        case .disabled: [.initial, .disabled, .terminated]
        }
    }
}

/// In which lifecycles a block field must have a value (not missing, not null, not an empty list).
/// Fields are optional in every other lifecycle, like the reference's `…Inactive` base classes.
public struct Required: Sendable, Hashable {
    public let lifecycles: Set<Lifecycle>

    public init(in lifecycles: Set<Lifecycle>) {
        self.lifecycles = lifecycles
    }

    /// Optional while initial, required in provisioning and active (the workshop's `…Provisioning` and final classes).
    public static let fromProvisioning = Required(in: [.provisioning, .active])
    /// Required only once the subscription is active.
    public static let whenActive = Required(in: [.active])
}
