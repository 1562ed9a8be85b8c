/// What the report draws of the lab at the end of a scenario: routers, links and their circuits.
public struct TopologyDrawing: Sendable, Hashable, Codable {
    public var nodes: [Node]
    public var links: [Link]

    public init(nodes: [Node], links: [Link]) {
        self.nodes = nodes
        self.links = links
    }

    public struct Node: Sendable, Hashable, Codable {
        public var name: String
        /// The NetBox device status (`planned`, `active`).
        public var status: String?

        public init(name: String, status: String? = nil) {
            self.name = name
            self.status = status
        }
    }

    public struct Link: Sendable, Hashable, Codable {
        public var a: InterfaceRef
        public var b: InterfaceRef
        public var state: LinkState
        /// The circuit subscription running over this link, if any.
        public var circuit: Circuit?

        public init(a: InterfaceRef, b: InterfaceRef, state: LinkState, circuit: Circuit? = nil) {
            self.a = a
            self.b = b
            self.state = state
            self.circuit = circuit
        }
    }

    public enum LinkState: String, Sendable, Hashable, Codable {
        case up, down
    }

    public struct Circuit: Sendable, Hashable, Codable {
        public var name: String
        public var status: String
        public var underMaintenance: Bool

        public init(name: String, status: String, underMaintenance: Bool) {
            self.name = name
            self.status = status
            self.underMaintenance = underMaintenance
        }
    }
}
