import ArgumentParser

@main
struct OrchLab: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orchlab",
        abstract: "Network simulation and testing harness for network-service orchestration.",
        subcommands: [RunCommand.self, GradeCommand.self, ServeCommand.self, TopologyCommand.self]
    )
}
