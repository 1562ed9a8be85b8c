/// What a workflow step uses to talk to NetBox, mirroring the workshop's NetBox service calls.
///
/// Every call is tagged with `actor` in the change log, advances the virtual clock by `latency`,
/// and passes through the shared `FaultInjector`. Make one client per step with `acting(as:)`;
/// all clients derived from one share its fault plan, call counts and clock.
public struct NetBoxClient: Sendable {
    public let netbox: NetBox
    public let actor: String
    public let faults: FaultInjector
    public let clock: VirtualClock
    public let timeout: Duration
    public let latency: Duration

    public init(
        netbox: NetBox, actor: String = "", faults: FaultInjector = FaultInjector(), clock: VirtualClock = VirtualClock(),
        timeout: Duration = .seconds(30), latency: Duration = .zero
    ) {
        self.netbox = netbox; self.actor = actor; self.faults = faults; self.clock = clock
        self.timeout = timeout; self.latency = latency
    }

    /// The same client acting for another actor (e.g. `"\(processID)/\(stepName)"`).
    public func acting(as actor: String) -> NetBoxClient {
        NetBoxClient(netbox: netbox, actor: actor, faults: faults, clock: clock, timeout: timeout, latency: latency)
    }

    /// Runs one call through the fault plan.
    func call<T>(_ operation: NetBoxOperation, _ body: () throws(NetBoxError) -> T) throws(NetBoxClientError) -> T {
        let fault = faults.nextCall(operation, actor: actor, at: clock.now)
        switch fault {
        case nil:
            clock.advance(by: latency)
        case .status(let status)?:
            clock.advance(by: latency)
            throw .api(NetBoxError(status: status, body: ["detail": .string("Injected fault: HTTP \(status)")]))
        case .timeout(let applied)?:
            if applied { _ = try? body() }
            clock.advance(by: timeout)
            throw .timeout(operation: operation, after: timeout)
        case .delay(let delay)?:
            guard delay < timeout else {
                _ = try? body()
                clock.advance(by: timeout)
                throw .timeout(operation: operation, after: timeout)
            }
            clock.advance(by: delay)
        }
        do throws(NetBoxError) { return try body() } catch { throw .api(error) }
    }

    /// A detail read where 404 means "none" (as pynetbox's `get(id)` returns None).
    func optional<T>(_ operation: NetBoxOperation, _ body: () throws(NetBoxError) -> T) throws(NetBoxClientError) -> T? {
        do { return try call(operation, body) } catch .api(let error) where error.status == 404 { return nil }
    }

    /// Every row of a list, following pages as pynetbox does.
    static func all<T>(_ query: NetBoxQuery, _ list: (NetBoxQuery) throws(NetBoxError) -> Page<T>) throws(NetBoxError) -> [T] {
        var rows: [T] = []
        var offset = 0
        while true {
            let page = try list(query.adding("limit", "0").adding("offset", String(offset)))
            rows += page.results
            offset += page.results.count
            if page.results.isEmpty || offset >= page.count { return rows }
        }
    }
}
