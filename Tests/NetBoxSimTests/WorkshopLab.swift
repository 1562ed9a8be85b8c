import Foundation
@testable import NetBoxSim

/// The workshop objects as loaded in the semantics recordings: devices 1…5 (`locN-core`),
/// interfaces 1…365 (73 per device; interface 73·N is device N's loopback `system`), prefixes
/// 1 `2001:db8::/44` (pool), 2 `2001:db8::/32`, 3 `2001:db8:10::/44` (circuit pool, not a pool),
/// 4 `10.0.0.0/8`, 5 `10.0.0.0/24` (pool), loopbacks 10.0.0.N/32 and 2001:db8::N/128 as primary IPs.
enum WorkshopLab {
    static let epoch = Date(timeIntervalSince1970: 1_795_768_578.190333)

    /// A clock that ticks one second per reading, so timestamps are deterministic and ordered.
    static func tickingClock() -> @Sendable () -> Date {
        let ticks = Counter()
        return { epoch.addingTimeInterval(TimeInterval(ticks.next())) }
    }

    static func seed(routers: Int = 5) -> NetBoxSeed {
        var seed = NetBoxSeed()
        seed.manufacturers = [.init(id: 1, name: "Nokia", slug: "nokia")]
        seed.deviceTypes = [.init(id: 1, manufacturer: "nokia", model: "7750 SR-2s", slug: "7750-sr-2s")]
        seed.deviceRoles = [.init(id: 1, name: "Core Router", slug: "core-router")]
        seed.prefixes = [
            .init(id: 1, prefix: "2001:db8::/44", isPool: true, description: "IPv6 Management Address Pool"),
            .init(id: 2, prefix: "2001:db8::/32"),
            .init(id: 3, prefix: "2001:db8:10::/44", description: "Circuit Address Pool"),
            .init(id: 4, prefix: "10.0.0.0/8"),
            .init(id: 5, prefix: "10.0.0.0/24", isPool: true, description: "IPv4 Management Address Pool"),
        ]
        var interfaceID = 0
        for n in 1...routers {
            let name = "loc\(n)-core"
            seed.sites.append(.init(id: n, name: "Location \(n)", slug: "location-\(n)"))
            seed.devices.append(.init(
                id: n, name: name, deviceType: "7750-sr-2s", role: "core-router", site: "location-\(n)", status: "planned",
                primaryIPv4: "10.0.0.\(n)/32", primaryIPv6: "2001:db8::\(n)/128"))
            for (slot, type, speed) in [(1, "400gbase-x-qsfpdd", 400_000_000), (2, "100gbase-x-qsfp28", 100_000_000)] {
                for port in 1...36 {
                    interfaceID += 1
                    seed.interfaces.append(.init(id: interfaceID, device: name, name: "\(slot)/1/c\(port)/1", type: type, speedKbps: speed))
                }
            }
            interfaceID += 1
            seed.interfaces.append(.init(id: interfaceID, device: name, name: "system", type: "virtual"))
            let loopback = NetBoxSeed.InterfaceRef(device: name, interface: "system")
            seed.ipAddresses.append(.init(id: 2 * n - 1, address: "10.0.0.\(n)/32", assignedInterface: loopback))
            seed.ipAddresses.append(.init(id: 2 * n, address: "2001:db8::\(n)/128", assignedInterface: loopback))
        }
        return seed
    }

    static func netbox(routers: Int = 5) throws -> NetBox {
        let netbox = NetBox(clock: tickingClock())
        try netbox.load(seed(routers: routers))
        return netbox
    }

    /// Interface id of `slot/1/cPORT/1` on device N (1-based), as numbered by `seed`.
    static func interfaceID(device: Int, slot: Int = 1, port: Int) -> Int { (device - 1) * 73 + (slot - 1) * 36 + port }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int {
        lock.lock(); defer { lock.unlock() }
        value += 1
        return value
    }
}
