import ArgumentParser
import Foundation

/// `orchlab serve` in an executable built without the HTTP stack: runs the sibling executable
/// `<name>-serve` (built from the `OrchLabServerCLI` product) with the same arguments, so the
/// main job (`orchlab run`) never has to build Hummingbird.
struct ServeLauncher: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the orchestrator, NetBox and lab APIs over HTTP (runs the <name>-serve executable).",
        discussion: "The server is a separate executable so that `run`, `grade` and `topology` build no HTTP stack. Build it once with `swift build --product orchlab-serve`; `swift run orchlab-serve serve --help` lists its options.")

    @Argument(parsing: .allUnrecognized, help: "Options for the server.")
    var arguments: [String] = []

    func run() throws {
        try SiblingExecutable.replaceProcess(arguments: ["serve"] + arguments, purpose: "the HTTP server")
    }
}

/// `<name>-serve`, the sibling executable built with the HTTP stack.
enum SiblingExecutable {
    /// Replaces this process with `<name>-serve ARGUMENTS`; throws (a usage error naming the
    /// build command) when it is not built.
    static func replaceProcess(arguments: [String], purpose: String) throws -> Never {
        let own = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let server = own.deletingLastPathComponent().appendingPathComponent(own.lastPathComponent + "-serve").path
        guard FileManager.default.isExecutableFile(atPath: server) else {
            throw ValidationError("""
                \(purpose) lives in the separate executable '\(own.lastPathComponent)-serve', which is not built. \
                Run `swift run \((["\(own.lastPathComponent)-serve"] + arguments).joined(separator: " "))` \
                (or `swift build --product \(own.lastPathComponent)-serve` once)
                """)
        }
        let argv = [server] + arguments
        var cArguments = argv.map { strdup($0) } + [nil]
        execv(server, &cArguments)
        throw ValidationError("cannot run \(server): \(String(cString: strerror(errno)))")
    }
}
