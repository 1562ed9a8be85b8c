@testable import RouterSim

/// The workshop's config texts, verbatim from docs/workshop.md ("The config texts"),
/// and a small fleet to paste them into.
enum Workshop {
    /// The NET the workshop's circuit template gives every router.
    static let net = "49.0001.0123.4567.890a.0001.00"

    /// Router `number`'s own NET, derived from its loopback 10.0.0.`number` as operators do
    /// (see Workshop's `NetworkEntityTitle`); `number` is 1 to 9.
    static func net(router number: Int) -> String { "49.0001.0100.0000.000\(number).00" }

    static func node(_ name: String, ipv4: String, ipv6: String) -> String {
        """
        ! Paste the following config into \(name):
        ! to complete configuring the device
        !
        enable
        configure terminal
        !
        hostname \(name)
        !
        interface loopback 0
        !
        ip address \(ipv4)
        ipv6 address \(ipv6)
        !
        exit
        !
        end
        copy running-config startup-config
        """
    }

    static func circuit(_ name: String, port: String, farNode: String, farPort: String, address: String, metric: Int,
                        net: String = Workshop.net) -> String {
        """
        ! Paste the following config into \(name):
        ! to complete configuring the device
        interface \(port)
         description Circuit Connection to \(farNode) port \(farPort)
         ipv6 address \(address)
         ipv6 router isis
         isis network point-to-point
        !
        router isis
         net \(net)
         is-type level-2-only
         metric-style wide
         passive-interface default
         no passive-interface \(port)
         address-family ipv6 unicast
          metric \(metric)
          redistribute connected
          exit-address-family
        !
        end
        !
        """
    }

    static let ports = ["1/1/c1/1", "1/1/c2/1", "1/1/c3/1", "1/1/c4/1"]

    /// loc1, loc2, loc3 in a triangle, plus loc4 hanging off loc3:
    /// loc1 c2 - loc2 c1, loc2 c2 - loc3 c1, loc1 c3 - loc3 c2, loc3 c3 - loc4 c1.
    static func spec() -> FleetSpec {
        let routers = (1...4).map { RouterSpec(name: "loc\($0)-core", ports: ports) }
        func link(_ a: Int, _ pa: String, _ b: Int, _ pb: String) -> LinkSpec {
            LinkSpec(a: PortRef(device: "loc\(a)-core", port: pa), b: PortRef(device: "loc\(b)-core", port: pb))
        }
        return FleetSpec(routers: routers, links: [
            link(1, "1/1/c2/1", 2, "1/1/c1/1"),
            link(2, "1/1/c2/1", 3, "1/1/c1/1"),
            link(1, "1/1/c3/1", 3, "1/1/c2/1"),
            link(3, "1/1/c3/1", 4, "1/1/c1/1"),
        ])
    }

    /// Pastes node config into every router and circuit config into both ends of every link,
    /// as the workshop's workflows would, with `metric` router-wide. Each router gets its own
    /// NET unless `templateNET`, which keeps the template's shared NET (and so no adjacency).
    static func configuredFleet(metric: Int = 10, templateNET: Bool = false) throws -> Fleet {
        let spec = spec()
        let fleet = Fleet(spec: spec)
        for (number, router) in spec.routers.enumerated() {
            _ = try fleet.apply(paste: node(router.name, ipv4: "10.0.0.\(number + 1)/32", ipv6: "2001:db8::\(number + 1)/128"),
                                to: router.name, actor: "test / create node")
        }
        func net(_ device: String) -> String {
            templateNET ? Workshop.net : Workshop.net(router: (spec.routers.firstIndex { $0.name == device } ?? 0) + 1)
        }
        for (number, link) in spec.links.enumerated() {
            let base = "2001:db8:10:\(number)::"
            _ = try fleet.apply(paste: circuit(link.a.device, port: link.a.port, farNode: link.b.device, farPort: link.b.port,
                                               address: base + "/127", metric: metric, net: net(link.a.device)),
                                to: link.a.device, actor: "test / create circuit")
            _ = try fleet.apply(paste: circuit(link.b.device, port: link.b.port, farNode: link.a.device, farPort: link.a.port,
                                               address: base + "1/127", metric: metric, net: net(link.b.device)),
                                to: link.b.device, actor: "test / create circuit")
        }
        return fleet
    }
}
