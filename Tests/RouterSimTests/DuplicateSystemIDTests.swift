import Testing
@testable import RouterSim
import IPAddressing

/// Real IS-IS refuses a neighbor with the router's own system ID. The workshop's circuit
/// template gives every router one NET, so as handed out it forms no adjacency at all.
@Suite struct DuplicateSystemIDTests {
    @Test func templateNETLeavesEveryRouterWithoutAdjacencies() throws {
        let fleet = try Workshop.configuredFleet(templateNET: true)
        #expect(fleet.adjacencies().isEmpty)
        let matrix = fleet.reachability()
        // Each router reaches its own loopback only.
        #expect(matrix.unreachablePairs.count == 4 * 3)
        #expect(matrix.isReachable(from: "loc1-core", to: IPv6Address("2001:db8::1")!) == true)
        #expect(matrix.isReachable(from: "loc1-core", to: IPv6Address("2001:db8::2")!) == false)
        #expect(try fleet.routes(on: "loc1-core").allSatisfy { $0.source != .isis })
        #expect(try fleet.path(from: "loc1-core", to: "loc4-core").isEmpty)
    }

    @Test func eachRefusedAdjacencyIsAProblemNamingBothRouters() throws {
        let fleet = try Workshop.configuredFleet(templateNET: true)
        let problems = fleet.problems().filter { $0.kind == .duplicateSystemID }
        #expect(problems.map(\.subjects) == [
            ["loc1-core", "loc2-core"], ["loc1-core", "loc2-core", "loc3-core", "loc4-core"],
            ["loc1-core", "loc3-core"], ["loc2-core", "loc3-core"], ["loc3-core", "loc4-core"],
        ])
        #expect(problems.contains { $0.detail == "loc1-core:1/1/c2/1 <--> loc2-core:1/1/c1/1: loc1-core and loc2-core both use "
                                                  + "system ID 4567.890a.0001; IS-IS refuses the adjacency" })
        #expect(fleet.problems().allSatisfy { $0.kind == .duplicateSystemID })
    }

    @Test func bothRoutersLogTheBadHelloAsIOSDoes() throws {
        let fleet = try Workshop.configuredFleet(templateNET: true)
        let log = try fleet.show("loc1-core", "show logging")
        #expect(log == """
            Syslog logging: enabled

            Log Buffer:
            %CLNS-3-BADPACKET: ISIS: P2P hello, Duplicate system ID detected from 4567.890a.0001 (1/1/c2/1)
            %CLNS-3-BADPACKET: ISIS: P2P hello, Duplicate system ID detected from 4567.890a.0001 (1/1/c3/1)

            """)
        #expect(try fleet.show("loc4-core", "sh logg").contains("detected from 4567.890a.0001 (1/1/c1/1)\n"))
        #expect(try fleet.show("loc1-core", "show isis neighbors").split(separator: "\n").count == 2)
        // A broadcast circuit's hellos are LAN hellos.
        for device in ["loc3-core", "loc4-core"] {
            let port = device == "loc3-core" ? "1/1/c3/1" : "1/1/c1/1"
            _ = try fleet.apply(paste: "interface \(port)\n no isis network point-to-point\n", to: device, actor: "t")
        }
        #expect(try fleet.show("loc4-core", "show logging").contains("ISIS: LAN L2 hello, Duplicate system ID detected from 4567.890a.0001 (1/1/c1/1)"))
    }

    @Test func givingOneRouterItsOwnNETBringsUpItsAdjacenciesOnly() throws {
        let fleet = try Workshop.configuredFleet(templateNET: true)
        // The template's NET is area 49.0001.0123, system ID 4567.890a.0001: keep the area.
        _ = try fleet.apply(paste: "router isis\n no net \(Workshop.net)\n net 49.0001.0123.0100.0000.0003.00\n", to: "loc3-core", actor: "t")
        let pairs = fleet.adjacencies().map { [$0.a.device, $0.b.device].sorted() }.sorted { $0.joined() < $1.joined() }
        #expect(pairs == [["loc1-core", "loc3-core"], ["loc2-core", "loc3-core"], ["loc3-core", "loc4-core"]])
        #expect(fleet.problems().filter { $0.kind == .duplicateSystemID }.map(\.subjects)
                == [["loc1-core", "loc2-core"], ["loc1-core", "loc2-core", "loc4-core"]])
        // Through loc3, whose system ID differs, loc1 reaches loc2 although they share one.
        #expect(fleet.reachability().isFullyReachable)
        #expect(try fleet.show("loc3-core", "show logging").hasSuffix("Log Buffer:\n"))
    }

    @Test func distinctNETsLogNothing() throws {
        let fleet = try Workshop.configuredFleet()
        for device in fleet.deviceNames { #expect(try fleet.show(device, "show logging") == "Syslog logging: enabled\n\nLog Buffer:\n") }
        #expect(throws: RouterError.invalidCommand(device: "loc1-core", command: "show logging buffer")) {
            try fleet.show("loc1-core", "show logging buffer")
        }
    }
}
