import Foundation
import Hummingbird
import Logging
import NIOCore

/// How the server listens and whom it lets write.
public struct ServerConfiguration: Sendable {
    public var host: String
    /// 0 picks a free port (tests); the bound port is reported through `onRunning`.
    public var port: Int
    public var token: String
    /// Request bodies above this many bytes get 413.
    public var bodyLimit: Int

    public init(host: String = "127.0.0.1", port: Int = 8080, token: String, bodyLimit: Int = 1 << 20) {
        self.host = host
        self.port = port
        self.token = token
        self.bodyLimit = bodyLimit
    }

    /// Whether `host` only accepts connections from this machine.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// A random 40-hex-character token (the length of a NetBox v1 token).
    public static func generateToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<20).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}

/// `orchlab serve`: the orchestrator API (`/api`), the NetBox API (`/netbox`) and the lab API
/// (`/lab`) over one world, on Hummingbird.
public enum OrchLabServer {
    /// The application; `run()` serves until the task is cancelled or the process is signalled.
    public static func application(world: OrchLabWorld, configuration: ServerConfiguration,
                                   onRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        -> some ApplicationProtocol {
        let responder = OrchLabResponder(
            areas: [OrchestratorArea(engine: world.engine), NetBoxArea(netbox: world.lab.netbox),
                    LabArea(control: world.labControl)],
            tokens: TokenCheck(token: configuration.token), bodyLimit: configuration.bodyLimit)
        var logger = Logger(label: "orchlab")
        logger.logLevel = .warning
        return Application(
            responder: responder,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "orchlab"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
    }
}

extension OrchLabServer {
    /// Serves until SIGTERM or SIGINT (then in-flight requests finish), or, with
    /// `handleSignals: false`, until the calling task is cancelled (tests).
    public static func serve(world: OrchLabWorld, configuration: ServerConfiguration, handleSignals: Bool = true,
                             onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let app = application(world: world, configuration: configuration, onRunning: onRunning)
        if handleSignals { try await app.runService() } else { try await app.run() }
    }
}
