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
        let own = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let server = own.deletingLastPathComponent().appendingPathComponent(own.lastPathComponent + "-serve").path
        guard FileManager.default.isExecutableFile(atPath: server) else {
            throw ValidationError("""
                the HTTP server is the separate executable '\(own.lastPathComponent)-serve', which is not built. \
                Run `swift run \(own.lastPathComponent)-serve serve \(arguments.joined(separator: " "))` \
                (or `swift build --product \(own.lastPathComponent)-serve` once)
                """)
        }
        let argv = [server, "serve"] + arguments
        var cArguments = argv.map { strdup($0) } + [nil]
        execv(server, &cArguments)
        throw ValidationError("cannot run \(server): \(String(cString: strerror(errno)))")
    }
}
