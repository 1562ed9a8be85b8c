import ArgumentParser

@main
struct OrchLab: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orchlab",
        abstract: "Network simulation and testing harness for network-service orchestration.",
        subcommands: []
    )
}
