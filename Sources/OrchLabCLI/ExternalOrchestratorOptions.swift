import ArgumentParser
import Foundation
import Scenarios

/// `--orchestrator URL` and its companions, shared by `run` and `grade`.
struct ExternalOrchestratorOptions: ParsableArguments {
    @Option(name: .long, help: "Play every scenario against this orchestrator-core's REST API (e.g. http://127.0.0.1:8080) instead of OrchLab's engine.")
    var orchestrator: String?

    @Option(name: .customLong("orchestrator-token"), help: "Bearer token for the orchestrator (else ORCHESTRATOR_TOKEN; none when unset).")
    var orchestratorToken: String?

    @Option(name: .customLong("orchestrator-timeout"), help: "Seconds one call may wait for its process to stop moving (1-3600).")
    var orchestratorTimeout: Double = 300

    @Option(name: .customLong("lab-host"), help: "Where the scenario's NetBox (/netbox) and routers (/lab) are served to the orchestrator.")
    var labHost = "127.0.0.1"

    @Option(name: .customLong("lab-port"), help: "Port of the served lab; the orchestrator's NETBOX_URL is http://HOST:PORT/netbox.")
    var labPort = 8090

    @Option(name: .customLong("lab-token"), help: "Token the orchestrator's NetBox client sends (else ORCHLAB_TOKEN; without one the loopback lab needs none).")
    var labToken: String?

    @Flag(name: .customLong("keep-orchestrator-data"), help: "Do not delete the orchestrator's processes and subscriptions before each scenario.")
    var keepData = false

    /// The request for the connector, or nil without `--orchestrator`; a bad value is a usage error.
    func request() throws -> ExternalOrchestratorRequest? {
        guard let orchestrator else { return nil }
        guard let url = URL(string: orchestrator), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            throw ValidationError("--orchestrator must be an http:// or https:// URL, not '\(orchestrator)'")
        }
        guard orchestratorTimeout.isFinite, (1...3_600).contains(orchestratorTimeout) else {
            throw ValidationError("--orchestrator-timeout must be 1...3600 seconds, not \(orchestratorTimeout)")
        }
        guard (1...65_535).contains(labPort) else { throw ValidationError("--lab-port must be 1...65535, not \(labPort)") }
        let environment = ProcessInfo.processInfo.environment
        return ExternalOrchestratorRequest(
            url: url, token: orchestratorToken ?? environment["ORCHESTRATOR_TOKEN"].flatMap { $0.isEmpty ? nil : $0 },
            settleTimeoutSeconds: orchestratorTimeout, labHost: labHost, labPort: labPort,
            labToken: labToken ?? environment["ORCHLAB_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }, keepData: keepData)
    }
}

/// What `--orchestrator` asks for, handed to the connector the executable registered.
public struct ExternalOrchestratorRequest: Sendable {
    public let url: URL
    public let token: String?
    public let settleTimeoutSeconds: Double
    public let labHost: String
    public let labPort: Int
    /// Nil serves the lab without a token (loopback hosts only).
    public let labToken: String?
    public let keepData: Bool
}

/// An external orchestrator ready to play scenarios, with the lab it is served; `close` stops
/// serving the lab.
public struct ExternalOrchestratorConnection: Sendable {
    public let orchestrator: any ExternalOrchestrator
    public let close: @Sendable () -> Void

    public init(orchestrator: any ExternalOrchestrator, close: @escaping @Sendable () -> Void) {
        self.orchestrator = orchestrator
        self.close = close
    }
}

/// Serves the lab and connects to the orchestrator; supplied by the `OrchLabServerCLI` product
/// (it needs the HTTP server), so `run --orchestrator` in an executable without it runs the
/// sibling `<name>-serve` executable instead.
public typealias ExternalOrchestratorConnector = @Sendable (ExternalOrchestratorRequest) throws -> ExternalOrchestratorConnection

extension ExternalOrchestratorOptions {
    /// Runs `body` with the connected orchestrator (or nil without `--orchestrator`). Without a
    /// connector in this executable, replaces the process with `<name>-serve` and the same
    /// arguments, which has one.
    func withOrchestrator<T>(_ body: ((any ExternalOrchestrator)?) throws -> T) throws -> T {
        guard let request = try request() else { return try body(nil) }
        guard let connect = CommandLineContext.shared.withLock({ $0.connector }) else {
            try SiblingExecutable.replaceProcess(arguments: Array(CommandLine.arguments.dropFirst()),
                                                 purpose: "--orchestrator serves the lab over HTTP")
        }
        let connection: ExternalOrchestratorConnection
        do {
            connection = try connect(request)
        } catch {
            print("orchlab: --orchestrator: \(error)")
            throw ExitCode(ExitStatus.invalidInput)
        }
        defer { connection.close() }
        return try body(connection.orchestrator)
    }
}
