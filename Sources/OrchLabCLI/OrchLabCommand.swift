import ArgumentParser
import Catalogues
import Foundation
import Synchronization

/// The whole `orchlab` command line, for this repository's executable and for a package's own:
///
/// ```swift
/// // Sources/my-lab/main.swift
/// import OrchLabCLI
/// await OrchLabCommandLine.main(catalogues: [myServices()])
/// ```
///
/// `run`, `grade`, `topology`, `catalogues` and `report` come with it (`WorkshopCommand` too, for a
/// workshop's executable that passes it in `commands`). `serve` lives in the
/// `OrchLabServerCLI` product, so a package that only runs scenarios never builds the HTTP
/// stack: pass `ServeCommand.self` in `commands` to have it in the same executable, or build a
/// second executable named `<name>-serve`, which `<name> serve` runs.
public enum OrchLabCommandLine {
    /// Parses the command line and runs it. Exit status: 0 success, 1 failures (scenarios,
    /// grades), 2 invalid input (including a malformed command line and bad catalogues).
    /// `connector` makes `run` and `grade` take `--orchestrator` in this executable
    /// (`OrchLabServerCLI.connectOrchestrator`); without one they hand it to `<name>-serve`.
    public static func main(catalogues: [Catalogue], commands: [any ParsableCommand.Type] = [],
                            defaultCommand: String? = nil, arguments: [String]? = nil,
                            connector: ExternalOrchestratorConnector? = nil) async {
        do {
            let registry = try CatalogueRegistry(catalogues)
            CommandLineContext.shared.withLock {
                $0 = CommandLineContext(catalogues: registry, extraCommands: commands, defaultCommand: defaultCommand,
                                        connector: connector)
            }
        } catch {
            FileHandle.standardError.write(Data("orchlab: \(error)\n".utf8))
            exit(ExitStatusCode.invalidInput)
        }
        await OrchLabCommand.main(arguments)
    }

    /// The catalogues `main` registered, for commands a package adds (such as `serve`).
    public static var catalogues: CatalogueRegistry { CommandLineContext.catalogues }
}

/// What `main` was given, read by the commands (ArgumentParser builds them from static types).
struct CommandLineContext: Sendable {
    var catalogues: CatalogueRegistry?
    var extraCommands: [any ParsableCommand.Type] = []
    var defaultCommand: String?
    var connector: ExternalOrchestratorConnector?

    static let shared = Mutex(CommandLineContext())

    static var catalogues: CatalogueRegistry {
        guard let registry = shared.withLock({ $0.catalogues }) else {
            preconditionFailure("OrchLabCommandLine.main(catalogues:) sets the catalogues before any command runs")
        }
        return registry
    }
}

enum ExitStatusCode {
    static let invalidInput: Int32 = 2
}

struct OrchLabCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        let context = CommandLineContext.shared.withLock { $0 }
        let extra = context.extraCommands
        let builtIn: [any ParsableCommand.Type] = [RunCommand.self, GradeCommand.self, TopologyCommand.self,
                                                   CataloguesCommand.self, ReportCommand.self]
        let hasServe = extra.contains { $0.configuration.commandName == "serve" }
        let subcommands = builtIn + (hasServe ? [] : [ServeLauncher.self]) + extra
        return CommandConfiguration(
            commandName: CommandLine.arguments.first.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "orchlab",
            abstract: "Network simulation and testing harness for network-service orchestration.",
            subcommands: subcommands,
            defaultSubcommand: subcommands.first { $0.configuration.commandName == context.defaultCommand })
    }

    /// Like ArgumentParser's own `main`, except that a malformed command line exits 2 (invalid
    /// input), the status every OrchLab command documents, instead of sysexits' 64.
    static func main(_ arguments: [String]?) async {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            guard code == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            exit(withError: ExitCode(ExitStatusCode.invalidInput))
        }
    }
}
