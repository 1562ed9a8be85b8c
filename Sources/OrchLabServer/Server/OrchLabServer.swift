import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// `orchlab serve`: the orchestrator API (`/api`), the NetBox API (`/netbox`) and the lab API
/// (`/lab`) over one world, on Hummingbird.
public enum OrchLabServer {
    /// The application for an already validated configuration (`serve` validates it).
    static func application(world: OrchLabWorld, configuration: ServerConfiguration,
                            onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        application(responder: responder(world: world, configuration: configuration), configuration: configuration,
                    onRunning: onRunning)
    }

    static func application<Responder: HTTPResponder>(responder: Responder, configuration: ServerConfiguration,
                                                      onRunning: @escaping @Sendable (Int) async -> Void)
        -> some ApplicationProtocol where Responder.Context == BasicRequestContext {
        var logger = Logger(label: "orchlab")
        logger.logLevel = .warning
        // The idle timer restarts on every request part the decoder completes, so a client that
        // trickles a request head (slowloris) or sends nothing is closed after `idleTimeout`.
        let http1 = HTTP1Channel.Configuration(
            additionalChannelHandlers: [RequestBoundaryMarker()],
            idleTimeout: TimeAmount(configuration.idleTimeout),
            httpDecoderConfiguration: .init(maxHeaderFieldSize: ServerLimits.maxHeaderFieldSize,
                                            maxHeaderListSize: ServerLimits.maxHeaderListSize))
        let slots = ConnectionSlots(limit: configuration.maxConnections)
        let server = HTTPServerBuilder { responder in
            GuardedHTTP1Channel(http1: HTTP1Channel(responder: responder, configuration: http1), slots: slots,
                                requestTimeout: TimeAmount(configuration.requestTimeout))
        }
        return Application(
            responder: responder,
            server: server,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "orchlab"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
    }

    static func responder(world: OrchLabWorld, configuration: ServerConfiguration) -> OrchLabResponder {
        OrchLabResponder(
            areas: [OrchestratorArea(engine: world.engine), NetBoxArea(netbox: world.lab.netbox), LabArea(control: world.labControl)],
            tokens: TokenCheck(token: configuration.token), bodyLimit: configuration.bodyLimit)
    }

    /// Serves until SIGTERM or SIGINT (with `handleSignals`) or until `shutdown` is triggered:
    /// the listener closes, answers in flight are finished and sent (for at most
    /// `ServerLimits.shutdownDrain`), then this returns. Cancelling the calling task stops at once.
    public static func serve(world: OrchLabWorld, configuration: ServerConfiguration, handleSignals: Bool = true,
                             shutdown: ShutdownSwitch? = nil,
                             onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try configuration.validate(allowRemote: true)
        try await run(application(world: world, configuration: configuration, onRunning: onRunning),
                      handleSignals: handleSignals, shutdown: shutdown)
    }

    static func run(_ app: some ApplicationProtocol, handleSignals: Bool, shutdown: ShutdownSwitch?) async throws {
        var group = ServiceGroupConfiguration(services: [app], logger: app.logger)
        group.gracefulShutdownSignals = handleSignals ? [.sigterm, .sigint] : []
        group.maximumGracefulShutdownDuration = ServerLimits.shutdownDrain
        let services = ServiceGroup(configuration: group)
        await shutdown?.attach(services)
        try await services.run()
    }
}

/// Stops a running server the way SIGTERM does (tests, embedding). Triggering it before the
/// server has started makes the server stop as soon as it starts.
public final class ShutdownSwitch: Sendable {
    private let state = Mutex<(group: ServiceGroup?, triggered: Bool)>((nil, false))

    public init() {}

    public func trigger() async {
        let group = state.withLock { state in
            state.triggered = true
            return state.group
        }
        await group?.triggerGracefulShutdown()
    }

    func attach(_ group: ServiceGroup) async {
        let triggered = state.withLock { state in
            state.group = group
            return state.triggered
        }
        if triggered { await group.triggerGracefulShutdown() }
    }
}
