import Testing
import Workshop

@Suite struct NetworkEntityTitleTests {
    @Test(arguments: [
        ("10.0.0.1", "0100.0000.0001", "49.0001.0100.0000.0001.00"),
        ("10.0.0.1/32", "0100.0000.0001", "49.0001.0100.0000.0001.00"),
        ("10.0.0.12", "0100.0000.0012", "49.0001.0100.0000.0012.00"),
        ("192.168.1.254", "1921.6800.1254", "49.0001.1921.6800.1254.00"),
        ("0.0.0.0", "0000.0000.0000", "49.0001.0000.0000.0000.00"),
        ("255.255.255.255", "2552.5525.5255", "49.0001.2552.5525.5255.00"),
    ])
    func derivesTheSystemIDFromTheLoopbackDigits(loopback: String, systemID: String, net: String) throws {
        let title = try NetworkEntityTitle(loopback: loopback)
        #expect(title.systemID == systemID)
        #expect(title.area == NetworkEntityTitle.workshopArea)
        #expect(title.description == net)
    }

    @Test func everyWorkshopLoopbackGetsItsOwnNETUnlikeTheTemplate() throws {
        let nets = try (1...254).map { try NetworkEntityTitle(loopback: "10.0.0.\($0)/32").description }
        #expect(Set(nets).count == nets.count)
        #expect(!nets.contains(ISISMetric.net))
    }

    @Test func anotherAreaIsKept() throws {
        #expect(try NetworkEntityTitle(loopback: "10.1.2.3", area: "49.0002").description == "49.0002.0100.0100.2003.00")
    }

    @Test(arguments: ["", "10.0.0", "10.0.0.256", "10.0.0.1/33", "10.0.0.1/", "10.0.0.1/x", "2001:db8::1", " 10.0.0.1", "10.0.0.1/32/1"])
    func badLoopbacksAreNamedInTheError(loopback: String) {
        #expect(throws: NetworkEntityTitleError.self) { try NetworkEntityTitle(loopback: loopback) }
        do {
            _ = try NetworkEntityTitle(loopback: loopback)
        } catch {
            #expect(error.description.contains("'\(loopback)'"))
        }
    }

    @Test(arguments: ["49", "49.001", "zz.0001", "", "49.0001."])
    func badAreasAreNamedInTheError(area: String) {
        #expect(throws: NetworkEntityTitleError("'\(area)' is not an IS-IS area such as 49.0001")) {
            try NetworkEntityTitle(loopback: "10.0.0.1", area: area)
        }
    }
}
