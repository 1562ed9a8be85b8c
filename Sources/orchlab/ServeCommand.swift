import ArgumentParser
import Foundation
import OrchLabServer
import Topology
import Workshop

/// `orchlab serve`: the engine, the simulated NetBox and the lab over HTTP, for real clients
/// (orchestrator-core API clients, pynetbox, scripts).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the orchestrator API (/api), the NetBox API (/netbox) and the lab API (/lab).",
        discussion: """
            Mutating requests (and every NetBox request) need 'Authorization: Token T' or 'Bearer T'.
            With --db the world (processes, subscriptions, NetBox objects, router configs) lives in that
            SQLite file and a restart resumes it.
            """)

    @Option(name: .long, help: "Topology file (native YAML, containerlab or NetBox export).")
    var topology: String

    @Option(name: .long, help: "SQLite database file; in memory when omitted.")
    var db: String?

    @Option(name: .long, help: "Address to bind.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Port (0 picks a free one).")
    var port = 8080

    @Option(name: .long, help: "Workflow set: reference or starter.")
    var workflows = "reference"

    @Option(name: .long, help: "API token (else ORCHLAB_TOKEN, else a generated one is printed).")
    var token: String?

    @Flag(name: .long, help: "Allow binding to a non-loopback address (anyone who can reach it and has the token can change the lab).")
    var allowRemote = false

    @Option(name: .long, help: "Largest accepted request body, in bytes (1024...67108864).")
    var bodyLimit = ServerLimits.defaultBodyLimit

    @Option(name: .long, help: "Seconds before a connection that sends nothing (or only part of a request head) is closed.")
    var idleTimeout = ServerLimits.defaultIdleTimeout

    func validate() throws {
        guard WorkflowSet.named(workflows) != nil else {
            throw ValidationError("--workflows must be one of: \(WorkflowSet.all.map(\.name).joined(separator: ", "))")
        }
        do { _ = try checkedConfiguration() } catch { throw ValidationError(error.description) }
    }

    func checkedConfiguration() throws(ServerConfigurationError) -> ServerConfiguration {
        try ServerConfiguration.checked(host: host, port: port, token: token, environment: ProcessInfo.processInfo.environment,
                                        bodyLimit: bodyLimit, idleTimeoutSeconds: idleTimeout, allowRemote: allowRemote)
    }

    func run() async throws {
        let compiled: CompiledTopology
        do {
            compiled = try TopologyLoader.load(contentsOf: topology)
        } catch {
            throw ValidationError("\(topology): \(error)")
        }
        let world = try OrchLabWorld(topology: compiled, databasePath: db ?? ":memory:",
                                     workflows: WorkflowSet.named(workflows) ?? .reference)
        let configuration = try checkedConfiguration()
        if !ServerConfiguration.isLoopback(host) {
            FileHandle.standardError.write(Data("warning: serving on \(host), reachable from other machines\n".utf8))
        }
        let shownHost = host.contains(":") ? "[\(host)]" : host
        try await OrchLabServer.serve(world: world, configuration: configuration) { bound in
            let base = "http://\(shownHost):\(bound)"
            // Written unbuffered: scripts wait for the "listening on" line.
            FileHandle.standardOutput.write(Data("""
                OrchLab serving \(compiled.fleet.routers.count) routers, workflows '\(workflows)', \
                database \(db ?? "in memory (pass --db FILE to keep the world)")
                  orchestrator API  \(base)/api/
                  NetBox API        \(base)/netbox   (pynetbox.api("\(base)/netbox", token=TOKEN))
                  lab API           \(base)/lab/devices
                  token             \(configuration.tokenSource == .generated ? configuration.token + " (generated)" : "from " + configuration.tokenSource.rawValue)
                listening on \(base)

                """.utf8))
        }
    }
}
