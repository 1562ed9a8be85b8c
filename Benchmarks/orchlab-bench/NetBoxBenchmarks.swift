import Foundation
import NetBoxSim

enum NetBoxBenchmarks {
    static func run() throws {
        try allocations()
        try seedLoadAndQueries()
        try sqliteWrites()
    }

    /// 100,000 successive /127 allocations from one /44: the cost must not grow with what is
    /// already allocated.
    static func allocations() throws {
        let netbox = NetBox()
        let pool = try netbox.createPrefix(["prefix": "2001:db8:10::/44"])
        let request: [String: JSON] = ["prefix_length": 127]
        var samples: [Double] = []
        samples.reserveCapacity(100_000)
        for _ in 0..<100_000 {
            let start = Measure.now()
            _ = try netbox.allocatePrefix(in: pool.id, request, actor: "bench")
            samples.append(Double(Measure.now() - start))
        }
        Figures.shared.samples("allocate /127 from a /44 (100k successive)", samples)
        Figures.shared.samples("allocate /127 from a /44, first 1,000", Array(samples.prefix(1_000)))
        Figures.shared.samples("allocate /127 from a /44, last 1,000", Array(samples.suffix(1_000)))
        let ipParent = try netbox.createPrefix(["prefix": "10.0.0.0/16"])
        let ips = try Measure.samples(iterations: 10_000) { _ = try netbox.allocateIP(in: ipParent.id) }
        Figures.shared.samples("allocate IP from a /16 (10k successive)", ips)
    }

    static func lab(routers: Int) -> NetBoxSeed {
        var seed = NetBoxSeed()
        seed.manufacturers = [.init(name: "Nokia", slug: "nokia")]
        seed.deviceTypes = [.init(manufacturer: "nokia", model: "7750 SR-2s", slug: "7750-sr-2s")]
        seed.deviceRoles = [.init(name: "Core Router", slug: "core-router")]
        seed.prefixes = [
            .init(prefix: "2001:db8:10::/44"), .init(prefix: "10.0.0.0/16", isPool: true), .init(prefix: "2001:db8::/48", isPool: true),
        ]
        seed.interfaces.reserveCapacity(routers * 73)
        for n in 1...routers {
            let name = "loc\(n)-core"
            let v4 = "10.0.\(n / 256).\(n % 256)/32", v6 = "2001:db8::\(String(n, radix: 16))/128"
            seed.sites.append(.init(name: "Location \(n)", slug: "location-\(n)"))
            seed.devices.append(.init(
                name: name, deviceType: "7750-sr-2s", role: "core-router", site: "location-\(n)", status: "planned",
                primaryIPv4: v4, primaryIPv6: v6))
            for (slot, type, speed) in [(1, "400gbase-x-qsfpdd", 400_000_000), (2, "100gbase-x-qsfp28", 100_000_000)] {
                for port in 1...36 {
                    seed.interfaces.append(.init(device: name, name: "\(slot)/1/c\(port)/1", type: type, speedKbps: speed))
                }
            }
            seed.interfaces.append(.init(device: name, name: "system", type: "virtual"))
            let loopback = NetBoxSeed.InterfaceRef(device: name, interface: "system")
            seed.ipAddresses.append(.init(address: v4, assignedInterface: loopback))
            seed.ipAddresses.append(.init(address: v6, assignedInterface: loopback))
        }
        return seed
    }

    /// Loading a 1,000-router lab (73,000 interfaces) and the queries a workflow makes on it.
    static func seedLoadAndQueries() throws {
        let seed = lab(routers: 1_000)
        let rssBefore = Measure.currentRSSMiB()
        let start = Measure.now()
        let netbox = NetBox()
        try netbox.load(seed)
        let elapsed = Double(Measure.now() - start)
        let rssAfter = Measure.currentRSSMiB()
        Figures.shared.line("load 1,000 routers × 73 interfaces in memory: \(Measure.format(ns: elapsed)), RSS +\(String(format: "%.1f", rssAfter - rssBefore)) MiB",
                            [("load 1,000 routers × 73 interfaces in memory, first load", elapsed, "ns"),
                             ("load 1,000 routers × 73 interfaces in memory, RSS increase", rssAfter - rssBefore, "MiB")])
        let loads = try Measure.samples(iterations: 5, warmup: 1) { try NetBox().load(seed) }
        Figures.shared.samples("load 1,000 routers × 73 interfaces in memory, repeated", loads)

        var n = 0
        let byName = try Measure.samples(iterations: 2_000) {
            n = n % 1_000 + 1
            _ = try netbox.devices(["name": "loc\(n)-core", "limit": "0"])
        }
        Figures.shared.samples("devices(name=X) on 1,000 devices", byName)
        let byStatus = try Measure.samples(iterations: 200) { _ = try netbox.devices(["status": "planned", "limit": "0"]) }
        Figures.shared.samples("devices(status=planned) → 1,000 rows", byStatus)
        let ports = try Measure.samples(iterations: 2_000) {
            n = n % 1_000 + 1
            _ = try netbox.interfaces(["device": "loc\(n)-core", "occupied": "False", "speed": "400000000", "limit": "0"])
        }
        Figures.shared.samples("interfaces(device=X, occupied=False, speed=400G) → 36 rows", ports)
        let serializer = NetBoxSerializer(baseURL: "http://127.0.0.1:8001")
        let page = try netbox.interfaces(["device": "loc1-core", "limit": "0"])
        let render = Measure.samples(iterations: 200) {
            _ = netbox.withReader { reader in
                serializer.list(page, type: .interface, query: ["device": "loc1-core"]) { serializer.interface($0, reader) }.serialized()
            }
        }
        Figures.shared.samples("serialize 73 full interfaces to JSON text", render)
    }

    /// SQLite mode: each call commits its own transaction before returning.
    static func sqliteWrites() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("netbox-bench-\(UUID().uuidString).db").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let netbox = try NetBox(path: path)
        let seedStart = Measure.now()
        try netbox.load(lab(routers: 100))
        let seedTime = Double(Measure.now() - seedStart)
        Figures.shared.line("load 100 routers × 73 interfaces into SQLite: \(Measure.format(ns: seedTime))",
                            [("load 100 routers × 73 interfaces into SQLite", seedTime, "ns")])
        let pool = try netbox.prefixes(["prefix": "2001:db8:10::/44"]).results[0]
        let samples = try Measure.samples(iterations: 2_000) {
            _ = try netbox.allocatePrefix(in: pool.id, ["prefix_length": 127], actor: "bench")
        }
        Figures.shared.samples("allocate /127 with SQLite write-through (2k)", samples)
        let reopenStart = Measure.now()
        let reopened = try NetBox(path: path)
        let reopenTime = Double(Measure.now() - reopenStart)
        Figures.shared.line("reopen (7,300 interfaces, 2k prefixes, 2k changes): \(Measure.format(ns: reopenTime)), \(reopened.changeCount) changes",
                            [("reopen (7,300 interfaces, 2k prefixes, 2k changes)", reopenTime, "ns")])
    }
}
