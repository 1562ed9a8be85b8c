import Testing
@testable import NetBoxSim

@Suite struct SeedLoadTests {
    @Test func fixedIdsAreKeptAndSequencesContinue() throws {
        let netbox = NetBox()
        var seed = WorkshopLab.seed(routers: 2)
        seed.devices[0].id = 7
        seed.devices[1].id = nil
        try netbox.load(seed)
        #expect(try netbox.devices().results.map(\.id) == [7, 8])
        let created = try netbox.createDevice(["name": "x", "device_type": 1, "role": 1, "site": 1])
        #expect(created.id == 9)
        #expect(try netbox.interface(id: 73).name == "system")
        #expect(try netbox.device(id: 7).primaryIPv4ID == 1)
    }

    @Test(arguments: [
        ("unknown site", "device 'loc9-core': unknown site 'location-9'"),
        ("unknown type", "device 'loc9-core': unknown device type 'nope'"),
        ("duplicate device", "device 'loc1-core': duplicate name"),
        ("bad status", "device 'loc9-core': unknown status 'up' (one of offline, active, planned, staged, failed, inventory, decommissioning)"),
        ("interface on unknown device", "interface 'ghost 1/1/c1/1': unknown device 'ghost'"),
        ("duplicate interface", "interface 'loc1-core 1/1/c1/1': duplicate name on the device"),
        ("host bits", "prefix '10.9.9.9/24': 10.9.9.9/24 is not a valid prefix. Did you mean 10.9.9.0/24?"),
        ("duplicate prefix", "prefix '10.0.0.0/8': duplicate prefix"),
        ("duplicate address", "IP address '10.0.0.1/24': duplicate address"),
        ("cable to missing port", "cable 'loc1-core 1/1/c1/1 – loc2-core 9/9/9': unknown interface 'loc2-core 9/9/9'"),
        ("port cabled twice", "cable 'loc1-core 1/1/c1/1 – loc2-core 1/1/c2/1': interface already cabled by cable 'loc1-core 1/1/c1/1 – loc2-core 1/1/c1/1'"),
        ("foreign primary IP", "device 'loc1-core': primary IP '10.0.0.2/32' is not assigned to one of its interfaces"),
        ("clashing id", "site 'location-x': id 1 is already in use"),
    ])
    func badSeedNamesTheObjectAndLoadsNothing(_ case: String, _ message: String) throws {
        let netbox = NetBox()
        var seed = WorkshopLab.seed(routers: 2)
        let loc9 = NetBoxSeed.Device(name: "loc9-core", deviceType: "7750-sr-2s", role: "core-router", site: "location-1")
        let loc1 = NetBoxSeed.InterfaceRef(device: "loc1-core", interface: "1/1/c1/1")
        switch `case` {
        case "unknown site": var d = loc9; d.site = "location-9"; seed.devices.append(d)
        case "unknown type": var d = loc9; d.deviceType = "nope"; seed.devices.append(d)
        case "duplicate device": var d = loc9; d.name = "loc1-core"; seed.devices.append(d)
        case "bad status": var d = loc9; d.status = "up"; seed.devices.append(d)
        case "interface on unknown device": seed.interfaces.append(.init(device: "ghost", name: "1/1/c1/1", type: "other"))
        case "duplicate interface": seed.interfaces.append(.init(device: "loc1-core", name: "1/1/c1/1", type: "other"))
        case "host bits": seed.prefixes.append(.init(prefix: "10.9.9.9/24"))
        case "duplicate prefix": seed.prefixes.append(.init(prefix: "10.0.0.0/8"))
        case "duplicate address": seed.ipAddresses.append(.init(address: "10.0.0.1/24"))
        case "cable to missing port":
            seed.cables.append(.init(a: loc1, b: .init(device: "loc2-core", interface: "9/9/9")))
        case "port cabled twice":
            seed.cables.append(.init(a: loc1, b: .init(device: "loc2-core", interface: "1/1/c1/1")))
            seed.cables.append(.init(a: loc1, b: .init(device: "loc2-core", interface: "1/1/c2/1")))
        case "foreign primary IP": seed.devices[0].primaryIPv4 = "10.0.0.2/32"
        case "clashing id": seed.sites.append(.init(id: 1, name: "X", slug: "location-x"))
        default: Issue.record("unknown case \(`case`)")
        }
        let error = try #require(throws: NetBoxSeedError.self) { try netbox.load(seed) }
        #expect(error.description == message)
        #expect(try netbox.devices().count == 0)
        #expect(try netbox.interfaces().count == 0)
        #expect(try netbox.prefixes().count == 0)
    }

    @Test func seededCablesOccupyBothEnds() throws {
        let netbox = NetBox()
        var seed = WorkshopLab.seed(routers: 2)
        seed.cables = [.init(a: .init(device: "loc1-core", interface: "1/1/c2/1"), b: .init(device: "loc2-core", interface: "1/1/c1/1"), status: "planned")]
        try netbox.load(seed)
        #expect(try netbox.interfaces(["device": "loc1-core", "occupied": "True"]).results.map(\.name) == ["1/1/c2/1"])
        #expect(try netbox.interface(id: 74).cableEnd == "B")
        #expect(try netbox.cables().results.first?.status == .planned)
    }

    @Test func secondLoadAddsToExistingState() throws {
        let netbox = try WorkshopLab.netbox(routers: 1)
        var more = NetBoxSeed()
        more.devices = [.init(name: "loc2-core", deviceType: "7750-sr-2s", role: "core-router", site: "location-1")]
        more.interfaces = [.init(device: "loc2-core", name: "1/1/c1/1", type: "400gbase-x-qsfpdd", speedKbps: 400_000_000)]
        try netbox.load(more)
        #expect(try netbox.devices(["name": "loc2-core"]).results.first?.id == 2)
        #expect(try netbox.interfaces(["device": "loc2-core"]).results.first?.id == 74)
    }
}
