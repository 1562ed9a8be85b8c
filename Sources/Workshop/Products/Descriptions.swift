/// The descriptions the workshop gives its subscriptions, blocks and NetBox objects
/// (docs/workshop.md, "Constants and descriptions").
public enum Descriptions {
    public static func node(_ nodeName: String) -> String { "Node \(nodeName)" }

    /// An interface seen from one side.
    public static func port(farNode: String, farPort: String) -> String {
        "Circuit Connection to \(farNode) port \(farPort)"
    }

    public static func circuitBlock(aNode: String, aPort: String, bNode: String, bPort: String) -> String {
        "\(aNode):\(aPort) <--> \(bNode):\(bPort)"
    }

    public static func circuitSubscription(circuitID: Int, block: String) -> String {
        "Circuit ID \(circuitID): \(block)"
    }

    public static func parentPrefix(_ block: String) -> String { "\(block) Parent /64" }
    public static func pointToPointPrefix(_ block: String) -> String { "\(block) Point-to-Point" }
}
