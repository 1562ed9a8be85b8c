import Foundation
import OrchLabJSON

/// One entry of the object change log: what changed, how it looked before and after, when, and
/// on whose behalf (the actor a client call carried, e.g. `"<process id>/<step>"`).
public struct ObjectChange: Sendable, Equatable {
    public enum Action: String, Sendable, Codable { case create, update, delete }

    public let id: Int
    public let time: Date
    public let actor: String
    public let action: Action
    public let objectType: ObjectType
    public let objectID: Int
    let beforeSnapshot: ObjectSnapshot?
    let afterSnapshot: ObjectSnapshot?

    /// The object's stored fields before the change (nil for a create).
    public var before: JSON? { beforeSnapshot?.json }
    /// The object's stored fields after the change (nil for a delete).
    public var after: JSON? { afterSnapshot?.json }
}

/// A typed copy of an object, turned into JSON only when someone reads it (the change log is
/// written on every allocation and must stay cheap).
enum ObjectSnapshot: Sendable, Equatable {
    case site(Site), manufacturer(Manufacturer), deviceType(DeviceType), deviceRole(DeviceRole)
    case device(Device), interface(Interface), cable(Cable), prefix(Prefix), ipAddress(IPAddress)

    var object: any NetBoxObject {
        switch self {
        case .site(let o): return o
        case .manufacturer(let o): return o
        case .deviceType(let o): return o
        case .deviceRole(let o): return o
        case .device(let o): return o
        case .interface(let o): return o
        case .cable(let o): return o
        case .prefix(let o): return o
        case .ipAddress(let o): return o
        }
    }

    var json: JSON { object.snapshotJSON }
}

/// Which change-log entries to return; nil fields match everything.
public struct ChangeLogQuery: Sendable {
    public var objectType: ObjectType?
    public var objectID: Int?
    public var actor: String?
    public var action: ObjectChange.Action?

    public init(objectType: ObjectType? = nil, objectID: Int? = nil, actor: String? = nil, action: ObjectChange.Action? = nil) {
        self.objectType = objectType; self.objectID = objectID; self.actor = actor; self.action = action
    }

    func matches(_ change: ObjectChange) -> Bool {
        (objectType.map { $0 == change.objectType } ?? true)
            && (objectID.map { $0 == change.objectID } ?? true)
            && (actor.map { $0 == change.actor } ?? true)
            && (action.map { $0 == change.action } ?? true)
    }
}
