import Hummingbird
import NetBoxSim
import RouterSim
import SQLite
import Synchronization

/// A scenario's NetBox and routers served to an orchestrator outside OrchLab: `/netbox` (with
/// the scenario's NetBox fault plan in front) and `/lab`, on one address for the whole run while
/// the world behind it changes from scenario to scenario (`show`). There is no `/api`: the
/// orchestrator is the other side.
public final class ServedLab: Sendable {
    let configuration: ServerConfiguration
    private let current = Mutex<OrchLabResponder?>(nil)

    public init(configuration: ServerConfiguration) {
        self.configuration = configuration
    }

    /// Serves `netbox` and `fleet` from now on; calls in flight finish on the world they started in.
    public func show(netbox: NetBox, fleet: Fleet, faults: FaultInjector) throws {
        // The lab API journals its changes; a scenario's lab lives for one scenario, in memory.
        let control = try LabControl(fleet: fleet, database: Database(path: ":memory:"))
        let responder = OrchLabResponder(
            areas: [NetBoxFaultGate(NetBoxArea(netbox: netbox), faults: faults), LabArea(control: control)],
            tokens: TokenCheck(token: configuration.token), bodyLimit: configuration.bodyLimit)
        current.withLock { $0 = responder }
    }

    /// Serves until `shutdown` is triggered; `onRunning` gets the bound port.
    public func serve(shutdown: ShutdownSwitch, onRunning: @escaping @Sendable (Int) async -> Void) async throws {
        try configuration.validate(allowRemote: true)
        let app = OrchLabServer.application(responder: ShownWorldResponder(lab: self), configuration: configuration,
                                            onRunning: onRunning)
        try await OrchLabServer.run(app, handleSignals: false, shutdown: shutdown)
    }

    fileprivate var responder: OrchLabResponder? { current.withLock { $0 } }
}

/// Answers with the world `ServedLab` shows at the moment a request arrives.
private struct ShownWorldResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let lab: ServedLab

    func respond(to request: Request, context: Context) async throws -> Response {
        guard let responder = lab.responder else {
            return OrchLabResponder.response(.detail("no scenario is being played yet", status: .serviceUnavailable))
        }
        return try await responder.respond(to: request, context: context)
    }
}
