import ArgumentParser
import Foundation
import OrchLabServer
import Topology
import Catalogues
import OrchLabCLI

/// `orchlab serve`: the engine, the simulated NetBox and the lab over HTTP, for real clients
/// (orchestrator-core API clients, pynetbox, scripts).
public struct ServeCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the orchestrator API (/api), the NetBox API (/netbox) and the lab API (/lab).",
        discussion: """
            Mutating requests (and every NetBox request) need 'Authorization: Token T' or 'Bearer T',
            unless --no-auth (loopback hosts only) lets every request through.
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

    @Option(name: .long, help: "Workflow catalogue to serve (default: the first registered; see `catalogues`).")
    var workflows: String?

    @Option(name: .long, help: "API token (else ORCHLAB_TOKEN, else a generated one is printed).")
    var token: String?

    @Flag(name: .long, help: "Allow binding to a non-loopback address (anyone who can reach it and has the token can change the lab).")
    var allowRemote = false

    @Flag(name: .long, help: "Check no token: anyone on this machine may write, as orchestrator-core with OAUTH2_ACTIVE=False (loopback --host only; excludes --token).")
    var noAuth = false

    @Option(name: .long, help: "Largest accepted request body, in bytes (1024...67108864).")
    var bodyLimit = ServerLimits.defaultBodyLimit

    @Option(name: .long, help: "Seconds before a connection that sends nothing (or only part of a request head) is closed.")
    var idleTimeout = ServerLimits.defaultIdleTimeout

    @Option(name: .long, help: "Most connections open at once (1...10000); a new one beyond it is closed at once.")
    var maxConnections = ServerLimits.defaultMaxConnections

    @Option(name: .long, help: "Seconds a client has to send a whole request, head and body (0.05...3600).")
    var requestTimeout = ServerLimits.defaultRequestTimeout

    public init() {}

    public func validate() throws {
        if let workflows, OrchLabCommandLine.catalogues.catalogue(named: workflows) == nil {
            throw ValidationError("--workflows: " + CatalogueError.unknownCatalogue(workflows, known: OrchLabCommandLine.catalogues.names).description)
        }
        do { _ = try checkedConfiguration() } catch { throw ValidationError(error.description) }
    }

    func checkedConfiguration() throws(ServerConfigurationError) -> ServerConfiguration {
        try ServerConfiguration.checked(host: host, port: port, token: token, environment: ProcessInfo.processInfo.environment,
                                        bodyLimit: bodyLimit, idleTimeoutSeconds: idleTimeout, allowRemote: allowRemote, noAuth: noAuth,
                                        maxConnections: maxConnections, requestTimeoutSeconds: requestTimeout)
    }

    public func run() async throws {
        let compiled: CompiledTopology
        do {
            compiled = try TopologyLoader.load(contentsOf: topology)
        } catch {
            throw ValidationError("\(topology): \(error)")
        }
        let catalogue = try workflows.map { try OrchLabCommandLine.catalogues.require($0) } ?? OrchLabCommandLine.catalogues.defaultCatalogue
        let world = try OrchLabWorld(topology: compiled, databasePath: db ?? ":memory:",
                                     catalogue: catalogue)
        let configuration = try checkedConfiguration()
        if !ServerConfiguration.isLoopback(host) {
            FileHandle.standardError.write(Data("warning: serving on \(host), reachable from other machines\n".utf8))
        }
        let shownHost = host.contains(":") ? "[\(host)]" : host
        let (routers, name, database) = (compiled.fleet.routers.count, catalogue.name, db)
        try await OrchLabServer.serve(world: world, configuration: configuration) { bound in
            let base = "http://\(shownHost):\(bound)"
            // Written unbuffered: scripts wait for the "listening on" line.
            FileHandle.standardOutput.write(Data("""
                OrchLab serving \(routers) routers, workflows '\(name)', \
                database \(database ?? "in memory (pass --db FILE to keep the world)")
                  orchestrator API  \(base)/api/
                  NetBox API        \(base)/netbox   (pynetbox.api("\(base)/netbox", token=TOKEN))
                  lab API           \(base)/lab/devices
                  \(Self.tokenLine(configuration))
                listening on \(base)

                """.utf8))
        }
    }

    /// The banner's line on authentication: the token when it was generated, where it came
    /// from otherwise, and a plain warning when nothing is checked.
    static func tokenLine(_ configuration: ServerConfiguration) -> String {
        guard let token = configuration.token else {
            return "token             none (--no-auth): writes are open to anyone on this machine"
        }
        return "token             " + (configuration.tokenSource == .generated ? token + " (generated)" : "from " + configuration.tokenSource.rawValue)
    }
}
