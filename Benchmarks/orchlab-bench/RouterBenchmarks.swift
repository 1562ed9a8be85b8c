import Foundation
import RouterSim

/// Router fleet benchmarks: full SPF on a 1,000-router / 3,000-link network, a 20-line paste,
/// and the memory the configured fleet takes.
enum RouterBenchmarks {
    static let routerCount = 1_000
    static let linkCount = 3_000

    static func run() throws {
        let rssBefore = Measure.currentRSSMiB()
        let spec = generatedSpec()
        let fleet = Fleet(spec: spec)
        let configureStart = Measure.now()
        try configure(fleet, spec)
        let configureTime = Double(Measure.now() - configureStart)
        Figures.shared.line("configure \(routerCount) routers (one paste each): \(Measure.format(ns: configureTime))",
                            [("configure \(routerCount) routers (one paste each)", configureTime, "ns")])

        let modelStart = Measure.now()
        let adjacencies = fleet.adjacencies().count
        let modelTime = Double(Measure.now() - modelStart)
        Figures.shared.line("network model (links, \(adjacencies) adjacencies, LSDB): \(Measure.format(ns: modelTime))",
                            [("network model (links, \(adjacencies) adjacencies, LSDB)", modelTime, "ns")])

        var routed = 0
        let spf = Measure.samples(iterations: 5, warmup: 1) { routed = fleet.runFullSPF() }
        Figures.shared.samples("full SPF, every router (\(routed) with IS-IS routes)", spf)

        let routesStart = Measure.now()
        let routes = try fleet.routes(on: "r0").count
        let routesTime = Double(Measure.now() - routesStart)
        Figures.shared.line("route table of one router (\(routes) routes): \(Measure.format(ns: routesTime))",
                            [("route table of one router (\(routes) routes)", routesTime, "ns")])
        _ = try fleet.path(from: "r0", to: "r500")
        let rssAfter = Measure.currentRSSMiB()
        let fleetRSS = rssAfter - rssBefore
        Figures.shared.line(String(format: "RSS increase for the configured %d-router fleet with its network model: %.1f MiB", routerCount, fleetRSS),
                            [("RSS increase for the configured \(routerCount)-router fleet with its network model", fleetRSS, "MiB")])

        var metric = 10
        let paste = twentyLinePaste
        let pastes = try Measure.samples(iterations: 2_000, warmup: 50) {
            metric = metric == 10 ? 20 : 10
            _ = try fleet.apply(paste: paste(metric), to: "r1", actor: "bench")
        }
        Figures.shared.samples("20-line paste (changes the config, diff recorded)", pastes)

        let reachStart = Measure.now()
        let matrix = fleet.reachability()
        let reachTime = Double(Measure.now() - reachStart)
        Figures.shared.line("reachability matrix \(matrix.devices.count)x\(matrix.loopbacks.count): \(Measure.format(ns: reachTime)), fully reachable: \(matrix.isFullyReachable)",
                            [("reachability matrix \(matrix.devices.count)x\(matrix.loopbacks.count)", reachTime, "ns")])
        let totalRSS = Measure.currentRSSMiB() - rssBefore
        Figures.shared.line(String(format: "RSS increase including every router's cached SPF and 2,000 history entries: %.1f MiB", totalRSS),
                            [("RSS increase including every router's cached SPF and 2,000 history entries", totalRSS, "MiB")])
    }

    /// A ring (so the network is connected) plus seeded random chords.
    static func generatedSpec() -> FleetSpec {
        var pairs: [(Int, Int)] = (0..<routerCount).map { ($0, ($0 + 1) % routerCount) }
        var seed: UInt64 = 0x5EED
        func next() -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33)
        }
        while pairs.count < linkCount {
            let a = next() % routerCount, b = next() % routerCount
            if a != b { pairs.append((a, b)) }
        }
        var portsUsed = [Int](repeating: 0, count: routerCount)
        var links: [LinkSpec] = []
        for (a, b) in pairs {
            portsUsed[a] += 1; portsUsed[b] += 1
            links.append(LinkSpec(a: PortRef(device: "r\(a)", port: "1/1/c\(portsUsed[a])/1"),
                                  b: PortRef(device: "r\(b)", port: "1/1/c\(portsUsed[b])/1")))
        }
        let routers = (0..<routerCount).map { router in
            RouterSpec(name: "r\(router)", ports: (1...max(1, portsUsed[router])).map { "1/1/c\($0)/1" })
        }
        return FleetSpec(routers: routers, links: links)
    }

    /// One paste per router: loopback, every linked port with a /127 and IS-IS, the process.
    static func configure(_ fleet: Fleet, _ spec: FleetSpec) throws {
        var perRouter: [String: [String]] = [:]
        for (number, link) in spec.links.enumerated() {
            let prefix = "2001:db8:\(String(number / 65_536 + 1, radix: 16)):\(String(number % 65_536, radix: 16))::"
            for (end, address) in [(link.a, prefix), (link.b, prefix + "1")] {
                perRouter[end.device, default: []] += [
                    "interface \(end.port)", " ipv6 address \(address)/127", " ipv6 router isis", " isis network point-to-point", "!",
                ]
            }
        }
        for (index, router) in spec.routers.enumerated() {
            let systemID = String(format: "%04x.%04x.%04x", 0, index / 65_536, index % 65_536)
            let lines = ["configure terminal", "hostname \(router.name)", "interface loopback 0",
                         " ipv6 address 2001:db8::\(String(index + 1, radix: 16))/128", "!"]
                + (perRouter[router.name] ?? [])
                + ["router isis", " net 49.0001.\(systemID).00", " is-type level-2-only", " metric-style wide",
                   " address-family ipv6 unicast", "  redistribute connected", " exit-address-family", "end"]
            _ = try fleet.apply(paste: lines.joined(separator: "\n"), to: router.name, actor: "bench")
        }
    }

    static func twentyLinePaste(_ metric: Int) -> String {
        """
        ! Paste the following config into r1:
        ! to complete configuring the device
        interface 1/1/c1/1
         description Circuit Connection to r2 port 1/1/c1/1
         ipv6 router isis
         isis network point-to-point
         isis ipv6 metric \(metric) level-2
        !
        router isis
         is-type level-2-only
         metric-style wide
         passive-interface default
         no passive-interface 1/1/c1/1
         no passive-interface 1/1/c2/1
         address-family ipv6 unicast
          metric \(metric)
          redistribute connected
          exit-address-family
        !
        end
        """
    }
}
