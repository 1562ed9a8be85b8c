import ArgumentParser

struct TopologyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "topology", abstract: "Check, import and generate lab topologies.")
}
