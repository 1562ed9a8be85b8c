import Testing
@testable import NetBoxSim

/// The workflow-facing client: the workshop's calls, actor tagging and injected faults.
@Suite struct ClientTests {
    let netbox: NetBox
    let client: NetBoxClient
    init() throws {
        netbox = try WorkshopLab.netbox()
        client = NetBoxClient(netbox: netbox, actor: "p-1/step", timeout: .seconds(10), latency: .milliseconds(100))
    }

    @Test func workshopCircuitSequence() throws {
        let a = try #require(try client.device(named: "loc1-core"))
        let b = try #require(try client.device(named: "loc2-core"))
        let portA = try #require(try client.freeInterfaces(ofDevice: a.name).first { $0.name == "1/1/c2/1" })
        let portB = try #require(try client.freeInterfaces(ofDevice: b.name).first { $0.name == "1/1/c1/1" })
        let pool = try #require(try client.prefix(id: 3))
        let slash64 = try client.allocatePrefix(in: pool.id, length: 64, isPool: true, description: "c Parent /64")
        let slash127 = try client.allocatePrefix(in: slash64.id, length: 127, description: "c Point-to-Point")
        let ipA = try client.allocateIP(in: slash127.id, assignedInterface: portA.id, description: "to loc2")
        let ipB = try client.allocateIP(in: slash127.id, assignedInterface: portB.id, description: "to loc1")
        let cable = try client.createCable(a: portA.id, b: portB.id, status: .planned, description: "c")
        #expect(try client.updateCable(id: cable.id, status: .connected).status == .connected)
        #expect(try client.updateDevice(id: a.id, status: .active).status == .active)
        #expect(ipA.address.description == "2001:db8:10::/127" && ipB.address.description == "2001:db8:10::1/127")
        #expect(try client.freeInterfaces(ofDevice: a.name).count == 35)
        #expect(try client.ipAddresses(["parent": slash127.prefix.description]).count == 2)
        #expect(try client.cables(["device": "loc1-core"]).map(\.id) == [cable.id])
        // 2 prefixes, 2 IPs, the cable and its two ends, the cable status, the device status.
        #expect(netbox.changes(ChangeLogQuery(actor: "p-1/step")).count == 9)
        #expect(client.clock.now == .milliseconds(100) * 15)
    }

    @Test func lookupsReturnNilForMissing() throws {
        #expect(try client.device(named: "nope") == nil)
        #expect(try client.device(id: 99999) == nil)
        #expect(try client.prefix(id: 99999) == nil)
        #expect(try client.devices(status: .planned).count == 5)
    }

    @Test func nthCallFailsThenRetrySucceeds() throws {
        client.faults.inject(.status(503), on: .allocatePrefix, call: 2)
        let first = try client.allocatePrefix(in: 3, length: 64)
        let error = try #require(throws: NetBoxClientError.self) { try client.allocatePrefix(in: 3, length: 64) }
        #expect(error.status == 503)
        let retried = try client.allocatePrefix(in: 3, length: 64)
        #expect(first.prefix.description == "2001:db8:10::/64")
        #expect(retried.prefix.description == "2001:db8:10:1::/64")
        #expect(client.faults.events == [FaultEvent(operation: .allocatePrefix, call: 2, fault: .status(503), actor: "p-1/step", at: .milliseconds(100))])
        #expect(client.faults.callCount(.allocatePrefix) == 3)
    }

    @Test func timeoutAfterApplyLeaksTheAllocation() throws {
        client.faults.injectNext(.timeout(applied: true), on: .allocatePrefix)
        #expect(throws: NetBoxClientError.timeout(operation: .allocatePrefix, after: .seconds(10))) {
            try client.allocatePrefix(in: 3, length: 64)
        }
        #expect(try netbox.prefixes(["within": "2001:db8:10::/44"]).count == 1)
        #expect(client.clock.now == .seconds(10))
        #expect(try client.allocatePrefix(in: 3, length: 64).prefix.description == "2001:db8:10:1::/64")
    }

    @Test func timeoutBeforeApplyChangesNothing() throws {
        client.faults.injectNext(.timeout(applied: false), on: .createCable)
        #expect(throws: NetBoxClientError.self) { try client.createCable(a: 1, b: 74) }
        #expect(try netbox.cables().count == 0)
    }

    @Test func slowAnswerAdvancesVirtualTimeOnly() throws {
        client.faults.injectNext(.delay(.seconds(3)), on: .getDevice)
        #expect(try client.device(id: 1)?.name == "loc1-core")
        #expect(client.clock.now == .seconds(3))
        client.faults.injectNext(.delay(.seconds(12)), on: .updateDevice)
        #expect(throws: NetBoxClientError.timeout(operation: .updateDevice, after: .seconds(10))) {
            try client.updateDevice(id: 1, status: .active)
        }
        #expect(try netbox.device(id: 1).status == .active)
    }

    @Test func derivedClientsShareCountsAndTagTheirActor() throws {
        let other = client.acting(as: "p-2/other")
        client.faults.inject(.status(500), on: .deleteCable, call: 2)
        let c1 = try client.createCable(a: 1, b: 74)
        let c2 = try client.createCable(a: 2, b: 75)
        try client.deleteCable(id: c1.id)
        #expect(throws: NetBoxClientError.self) { try other.deleteCable(id: c2.id) }
        #expect(client.faults.events.map(\.actor) == ["p-2/other"])
        try other.deleteCable(id: c2.id)
        #expect(netbox.changes(ChangeLogQuery(objectType: .cable, actor: "p-2/other")).map(\.action) == [.delete])
    }

    @Test func outageOverSeveralCallsThenRecovery() throws {
        client.faults.inject(.status(500), on: .getDeviceByName, calls: 2...3)
        #expect(try client.device(named: "loc1-core")?.id == 1)
        for _ in 2...3 {
            #expect(throws: NetBoxClientError.api(NetBoxError(status: 500, body: ["detail": "Injected fault: HTTP 500"]))) {
                try client.device(named: "loc1-core")
            }
        }
        #expect(try client.device(named: "loc1-core")?.id == 1)
        #expect(client.faults.events.map(\.call) == [2, 3])
    }

    @Test func apiErrorsPassThrough() throws {
        let error = try #require(throws: NetBoxClientError.self) { try client.updateCable(id: 99999, status: .connected) }
        #expect(error == .api(.notFound("Cable")))
        let p = try client.allocatePrefix(in: 3, length: 127)
        _ = try client.allocateIP(in: p.id)
        _ = try client.allocateIP(in: p.id)
        #expect(throws: NetBoxClientError.api(.insufficientResources)) { try client.allocateIP(in: p.id) }
    }

    @Test func listsFollowPagesBeyondAThousand() throws {
        let big = try WorkshopLab.netbox(routers: 20)
        let all = try NetBoxClient(netbox: big).interfaces([:])
        #expect(all.count == 20 * 73)
        #expect(Set(all.map(\.id)).count == all.count)
    }
}
