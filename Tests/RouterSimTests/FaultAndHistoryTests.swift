import Testing
@testable import RouterSim
import IPAddressing

@Suite struct FaultAndHistoryTests {
    @Test func historyRecordsActorLinesResultsAndDiff() throws {
        let fleet = Fleet(spec: Workshop.spec())
        let first = try fleet.apply(paste: "hostname edge\nbogus line\n", to: "loc1-core", actor: "process 1234 / Provide Config to User")
        let second = try fleet.apply(paste: "hostname edge\n", to: "loc2-core", actor: "process 1235 / step")
        let history = fleet.history()
        #expect(history.map(\.sequence) == [1, 2])
        #expect([first.sequence, second.sequence] == [1, 2])
        #expect(history[0].actor == "process 1234 / Provide Config to User")
        guard case .paste(let lines, let results, let diff, let saved) = history[0].event else { Issue.record("not a paste"); return }
        #expect(lines == ["hostname edge", "bogus line"])
        #expect(results.map(\.isRejected) == [false, true])
        #expect(diff.contains("-hostname loc1-core\n+hostname edge\n"))
        #expect(diff.hasPrefix("--- loc1-core running-config (before)\n+++ loc1-core running-config (after)\n@@ "))
        #expect(!saved)
        #expect(fleet.history(device: "loc2-core").map(\.sequence) == [2])
    }

    @Test func unreachableDeviceRefusesSessionsAndTakesItsLinksDown() throws {
        let fleet = try Workshop.configuredFleet()
        try fleet.setFaults(DeviceFaults(unreachable: true), on: "loc3-core", actor: "chaos")
        #expect(throws: RouterError.unreachable("loc3-core")) { try fleet.apply(paste: "hostname x\n", to: "loc3-core", actor: "t") }
        #expect(throws: RouterError.unreachable("loc3-core")) { try fleet.show("loc3-core", "show ipv6 route") }
        #expect(try fleet.runningConfig("loc3-core").hostname == "loc3-core")
        #expect(fleet.adjacencies().count == 1)
        #expect(fleet.reachability().isReachable(from: "loc1-core", to: IPv6Address("2001:db8::2")!) == true)
        #expect(fleet.reachability().isReachable(from: "loc1-core", to: IPv6Address("2001:db8::4")!) == false)
        let events = fleet.history().suffix(2).map(\.event)
        #expect(events.first == .faultChanged(device: "loc3-core", faults: DeviceFaults(unreachable: true)))
        #expect(events.last == .refused(lines: ["hostname x"], error: .unreachable("loc3-core")))
        try fleet.setFaults(.none, on: "loc3-core", actor: "chaos")
        #expect(fleet.adjacencies().count == 4)
    }

    @Test func configRejectingDeviceAppliesNothing() throws {
        let fleet = Fleet(spec: Workshop.spec())
        try fleet.setFaults(DeviceFaults(rejectsConfig: true), on: "loc1-core", actor: "chaos")
        #expect(throws: RouterError.configRejected("loc1-core")) { try fleet.apply(paste: "hostname x\n", to: "loc1-core", actor: "t") }
        #expect(try fleet.runningConfig("loc1-core").hostname == "loc1-core")
        #expect(try fleet.show("loc1-core", "show running-config").contains("hostname loc1-core"))
    }

    @Test func slowDeviceAdvancesVirtualTimeOnly() throws {
        let fleet = Fleet(spec: Workshop.spec())
        try fleet.setFaults(DeviceFaults(delay: .seconds(30)), on: "loc2-core", actor: "chaos")
        let result = try fleet.apply(paste: "hostname slow\n", to: "loc2-core", actor: "t")
        #expect(result.delay == .seconds(30))
        _ = try fleet.apply(paste: "hostname fast\n", to: "loc1-core", actor: "t")
        #expect(fleet.now == .seconds(30))
        #expect(fleet.history().map(\.time) == [.zero, .seconds(30), .seconds(30)])
        _ = try fleet.show("loc2-core", "show running-config")
        #expect(fleet.now == .seconds(60))
    }

    @Test func linkDownAndUpAreRecordedAndChangeTheNetwork() throws {
        let fleet = try Workshop.configuredFleet()
        let link = LinkSpec(a: PortRef(device: "loc4-core", port: "1/1/c1/1"), b: PortRef(device: "loc3-core", port: "1/1/c3/1"))
        try fleet.setLink(link, up: false, actor: "chaos")
        #expect(fleet.adjacencies().count == 3)
        #expect(fleet.linkStates().first { !$0.isUp }?.downReason == "link fault: down")
        try fleet.setLink(link, up: true, actor: "chaos")
        #expect(fleet.adjacencies().count == 4)
        let linkEvents = fleet.history().filter { $0.device == nil }.map(\.event)
        #expect(linkEvents == [.linkChanged(Workshop.spec().links[3], up: false), .linkChanged(Workshop.spec().links[3], up: true)])
        let unknown = LinkSpec(a: PortRef(device: "loc1-core", port: "1/1/c4/1"), b: PortRef(device: "loc2-core", port: "1/1/c4/1"))
        #expect(throws: RouterError.unknownLink(unknown)) { try fleet.setLink(unknown, up: false, actor: "chaos") }
    }

    @Test func unknownDevicesAreTypedErrors() {
        let fleet = Fleet(spec: Workshop.spec())
        #expect(throws: RouterError.unknownDevice("nope")) { try fleet.apply(paste: "", to: "nope", actor: "t") }
        #expect(throws: RouterError.unknownDevice("nope")) { try fleet.routes(on: "nope") }
        #expect(throws: RouterError.invalidCommand(device: "loc1-core", command: "show bogus")) { try fleet.show("loc1-core", "show bogus") }
    }

    @Test func startupConfigOnlyChangesWhenSaved() throws {
        let fleet = Fleet(spec: Workshop.spec())
        _ = try fleet.apply(paste: "hostname a\n", to: "loc1-core", actor: "t")
        #expect(try fleet.startupConfig("loc1-core").hostname == "loc1-core")
        let saved = try fleet.apply(paste: "do write memory\n", to: "loc1-core", actor: "t")
        #expect(saved.savedStartup && !saved.changedConfig)
        #expect(try fleet.startupConfig("loc1-core").hostname == "a")
        #expect(try fleet.show("loc1-core", "show startup-config").contains("hostname a\n"))
    }
}

@Suite struct ConcurrencyTests {
    /// Pastes and questions from many tasks at once: every paste gets its own sequence number
    /// and the final state is the same whatever the interleaving.
    @Test func concurrentSessionsAreSerialized() async throws {
        let fleet = try Workshop.configuredFleet()
        let before = fleet.history().count
        try await withThrowingTaskGroup(of: Void.self) { group in
            for device in fleet.deviceNames {
                group.addTask {
                    for round in 0..<25 {
                        _ = try fleet.apply(paste: "interface loopback \(round + 1)\n description round \(round)\n", to: device, actor: "task \(device)")
                        _ = fleet.adjacencies()
                    }
                }
            }
            try await group.waitForAll()
        }
        let history = fleet.history()
        #expect(history.count == before + 100)
        #expect(history.map(\.sequence) == Array(1...history.count))
        for device in fleet.deviceNames {
            #expect(try fleet.runningConfig(device).interfaces.keys.filter { $0.hasPrefix("loopback") }.count == 26)
        }
        #expect(fleet.adjacencies().count == 4)
    }
}

@Suite struct LineFaultTests {
    /// Lines matching a rejection pattern fail on their own; the rest applies, including lines
    /// that then land in the wrong mode, which is what makes such a fault realistic.
    @Test func matchingLinesAreRejectedAndTheRestApplies() throws {
        let fleet = Fleet(spec: Workshop.spec())
        try fleet.setFaults(DeviceFaults(rejectedLinePatterns: ["^ ?ipv6 address", "net 49\\.0001"]), on: "loc1-core", actor: "chaos")
        let paste = Workshop.circuit("loc1-core", port: "1/1/c2/1", farNode: "loc2-core", farPort: "1/1/c1/1",
                                     address: "2001:db8:10::/127", metric: 10)
        let result = try fleet.apply(paste: paste, to: "loc1-core", actor: "t")
        #expect(result.rejectedLines.map(\.text) == [" ipv6 address 2001:db8:10::/127", " net 49.0001.0123.4567.890a.0001.00"])
        #expect(result.rejectedLines.allSatisfy { $0.outcome == .rejected(LineRejectionRule.error) })
        let config = try fleet.runningConfig("loc1-core")
        #expect(config.interfaces["1/1/c2/1"]?.ipv6.isEmpty == true)
        #expect(config.interfaces["1/1/c2/1"]?.runsISIS == true)
        #expect(config.isis?.nets.isEmpty == true)
        // A pattern that is not a regular expression matches literally.
        try fleet.setFaults(DeviceFaults(rejectedLinePatterns: ["hostname ("]), on: "loc1-core", actor: "chaos")
        #expect(try fleet.apply(paste: "hostname (x\nhostname ok\n", to: "loc1-core", actor: "t").rejectedLines.map(\.number) == [1])
        #expect(try fleet.runningConfig("loc1-core").hostname == "ok")
    }

    @Test func linkFaultsByPort() throws {
        let fleet = try Workshop.configuredFleet()
        try fleet.setLink(at: PortRef(device: "loc2-core", port: "1/1/c1/1"), up: false, actor: "chaos")
        #expect(!fleet.adjacencies().contains { $0.connects("loc1-core", "loc2-core") })
        try fleet.setLink(at: PortRef(device: "loc1-core", port: "1/1/c2/1"), up: true, actor: "chaos")
        #expect(fleet.adjacencies().count == 4)
        let spare = PortRef(device: "loc1-core", port: "1/1/c4/1")
        #expect(throws: RouterError.noLink(at: spare)) { try fleet.setLink(at: spare, up: false, actor: "chaos") }
    }
}

@Suite struct ReloadTests {
    /// The workshop saves the node config but not the circuit config, so a restart loses the
    /// circuits and the network breaks: a fact scenarios can show.
    @Test func reloadLosesUnsavedCircuitConfig() throws {
        let fleet = try Workshop.configuredFleet()
        try fleet.reload("loc4-core", actor: "power cycle")
        let config = try fleet.runningConfig("loc4-core")
        #expect(config.interfaces["loopback0"]?.ipv6.map(\.description) == ["2001:db8::4/128"])
        #expect(config.isis == nil)
        #expect(fleet.adjacencies().count == 3)
        #expect(fleet.reachability().isReachable(from: "loc1-core", to: IPv6Address("2001:db8::4")!) == false)
        guard case .reloaded(let diff) = fleet.history().last?.event else { Issue.record("no reload entry"); return }
        #expect(diff.contains("-router isis\n"))
        #expect(fleet.history().last?.actor == "power cycle")
        try fleet.setFaults(DeviceFaults(unreachable: true), on: "loc4-core", actor: "chaos")
        #expect(throws: RouterError.unreachable("loc4-core")) { try fleet.reload("loc4-core", actor: "t") }
    }
}
