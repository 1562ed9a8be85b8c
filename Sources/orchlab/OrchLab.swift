import ArgumentParser
import Foundation

@main
struct OrchLab: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orchlab",
        abstract: "Network simulation and testing harness for network-service orchestration.",
        subcommands: [RunCommand.self, GradeCommand.self, ServeCommand.self, TopologyCommand.self]
    )

    /// Like ArgumentParser's own `main`, except that a malformed command line exits 2 (invalid
    /// input), the status every OrchLab command documents, instead of sysexits' 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            guard code == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            exit(withError: ExitCode(2))
        }
    }
}
