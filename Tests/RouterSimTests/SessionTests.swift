import Testing
@testable import RouterSim

@Suite struct SessionTests {
    @Test func invalidInputMarksTheFirstWordNotUnderstood() {
        var harness = SessionHarness()
        harness.run("configure terminal")
        let outcome = harness.run("interface loopback0 bogus")
        #expect(harness.error(outcome)?.kind == .unknownInterface)
        harness.run("interface loopback0")
        let error = harness.error(harness.run(" ipv6 adress 2001:db8::1/128"))
        #expect(error?.kind == .invalidInput)
        #expect(error?.column == 6)
        #expect(error?.message == "% Invalid input detected at '^' marker.")
        #expect(error?.transcript(line: " ipv6 adress 2001:db8::1/128") == " ipv6 adress 2001:db8::1/128\n      ^\n% Invalid input detected at '^' marker.")
        let extra = harness.error(harness.run("shutdown now"))
        #expect(extra?.column == 9)
    }

    @Test func incompleteAndAmbiguousCommandsAreRejected() {
        var harness = SessionHarness()
        harness.run("conf t")
        #expect(harness.error(harness.run("interface"))?.kind == .incompleteCommand)
        #expect(harness.error(harness.run("hostname"))?.message == "% Incomplete command.")
        harness.run("interface loopback 1")
        #expect(harness.error(harness.run("i"))?.kind == .ambiguousCommand)
        #expect(harness.config.interfaces["loopback1"] != nil)
    }

    @Test func keywordsMayBeAbbreviatedToAUniquePrefix() {
        var harness = SessionHarness()
        #expect(harness.run("conf t") == .applied(note: nil))
        #expect(harness.session.mode == .global)
        harness.run("int loopback 7")
        harness.run(" ipv6 addr 2001:db8::7/128")
        harness.run(" shut")
        harness.run("end")
        #expect(harness.run("wr mem") == .applied(note: "[OK] running configuration saved to startup-config"))
        #expect(harness.config.interfaces["loopback7"]?.shutdown == true)
        #expect(harness.session.startup == harness.config)
    }

    @Test func loopbackSpellingsNameTheSameInterface() {
        var harness = SessionHarness()
        harness.run("configure terminal")
        harness.run("interface loopback 0")
        harness.run("ipv6 address 2001:db8::1/128")
        harness.run("interface Loopback0")
        harness.run("description Node loc1-core")
        #expect(harness.config.interfaces.keys.filter { $0.hasPrefix("loopback") } == ["loopback0"])
        #expect(harness.config.interfaces["loopback0"]?.description == "Node loc1-core")
    }

    @Test func portsMustExistOnTheDevice() {
        var harness = SessionHarness()
        harness.run("configure terminal")
        let error = harness.error(harness.run("interface 1/1/c9/1"))
        #expect(error?.kind == .unknownInterface)
        #expect(error?.column == 10)
        #expect(error?.message == "% Interface 1/1/c9/1 does not exist on loc1-core")
        #expect(harness.session.mode == .global)
        #expect(harness.run("interface 1/1/C2/1") == .applied(note: nil))
        #expect(harness.session.mode == .interface("1/1/c2/1"))
    }

    @Test func unknownCommandInASubmodeIsTriedInTheParentMode() {
        var harness = SessionHarness()
        harness.run("configure terminal")
        harness.run("interface 1/1/c2/1")
        harness.run("router isis")
        #expect(harness.session.mode == .router)
        harness.run("address-family ipv6 unicast")
        harness.run("hostname edge-1")
        #expect(harness.session.mode == .global)
        #expect(harness.config.hostname == "edge-1")
    }

    @Test func noFormsRemoveWhatTheyName() {
        var harness = SessionHarness()
        for line in ["conf t", "interface loopback3", "description x", "ip address 10.1.1.1 255.255.255.255",
                     "ipv6 address 2001:db8::3/128", "ipv6 address 2001:db8:1::3/128", "ipv6 router isis",
                     "isis metric 20", "no description", "no ip address", "no ipv6 address 2001:db8::3/128", "no ipv6 router isis",
                     "no isis metric"] {
            #expect(!(harness.run(line).isRejection), "\(line)")
        }
        let loopback = harness.config.interfaces["loopback3"]
        #expect(loopback?.description == nil && loopback?.ipv4 == nil && loopback?.runsISIS == false && loopback?.isisMetric.isEmpty == true)
        #expect(loopback?.ipv6.map(\.description) == ["2001:db8:1::3/128"])
        harness.run("no interface loopback 3")
        #expect(harness.config.interfaces["loopback3"] == nil)
        #expect(harness.error(harness.run("no interface 1/1/c1/1"))?.kind == .notRemovable)
        harness.run("router isis")
        harness.run("no router isis")
        #expect(harness.config.isis == nil)
    }

    @Test func metricsMayBeScopedToOneLevel() {
        var harness = SessionHarness()
        for line in ["conf t", "interface 1/1/c1/1", "isis metric 30 level-2", "isis ipv6 metric 40", "no isis ipv6 metric level-1"] {
            harness.run(line)
        }
        #expect(harness.config.interfaces["1/1/c1/1"]?.isisMetric == LevelMetric(level1: nil, level2: 30))
        #expect(harness.config.interfaces["1/1/c1/1"]?.isisIPv6Metric == LevelMetric(level1: nil, level2: 40))
        #expect(harness.error(harness.run("isis metric 16777215"))?.kind == .invalidValue)
        #expect(harness.error(harness.run("isis metric 0"))?.kind == .invalidValue)
    }

    @Test func exitAtExecClosesTheSession() throws {
        let fleet = Fleet(spec: Workshop.spec())
        let result = try fleet.apply(paste: "exit\nhostname other\n", to: "loc1-core", actor: "t")
        #expect(result.lines.map(\.outcome).last == .notExecuted)
        #expect(try fleet.runningConfig("loc1-core").hostname == "loc1-core")
    }

    @Test func crlfAndCrLineEndingsSplitLines() throws {
        let fleet = Fleet(spec: Workshop.spec())
        let result = try fleet.apply(paste: "conf t\r\nhostname a1\rinterface loopback 1\r\n", to: "loc1-core", actor: "t")
        #expect(result.lines.map(\.text) == ["conf t", "hostname a1", "interface loopback 1"])
        #expect(result.isClean)
        #expect(try fleet.runningConfig("loc1-core").hostname == "a1")
    }

    @Test func onlyOneISISProcessAndAtMostThreeNETsWithOneSystemID() {
        var harness = SessionHarness()
        harness.run("conf t")
        harness.run("router isis core")
        #expect(harness.error(harness.run("router isis other"))?.kind == .unsupported)
        harness.run("router isis core")
        harness.run("net 49.0001.0000.0000.0001.00")
        #expect(harness.error(harness.run("net 49.0002.0000.0000.0002.00"))?.kind == .invalidValue)
        harness.run("net 49.0002.0000.0000.0001.00")
        harness.run("net 49.0003.0000.0000.0001.00")
        #expect(harness.error(harness.run("net 49.0004.0000.0000.0001.00"))?.message == "% At most 3 NETs per IS-IS process")
        #expect(harness.error(harness.run("net 49.0004.0000.0000.0001.01"))?.kind == .invalidAddress)
        #expect(harness.config.isis?.nets.count == 3)
    }
}

extension LineOutcome {
    var isRejection: Bool { if case .rejected = self { true } else { false } }
}

@Suite struct PortNamingTests {
    @Test func portNamesWithSpacesAndRejectedLineTranscripts() throws {
        let fleet = Fleet(spec: FleetSpec(routers: [RouterSpec(name: "edge", ports: ["Ethernet 1", "et-0/0/1"])]))
        let result = try fleet.apply(paste: "interface ethernet 1\n description uplink\ninterface et-0/0/2\n", to: "edge", actor: "t")
        #expect(try fleet.runningConfig("edge").interfaces["Ethernet 1"]?.description == "uplink")
        #expect(result.lines.map(\.transcript) == [nil, nil, "line 3:\ninterface et-0/0/2\n          ^\n% Interface et-0/0/2 does not exist on edge"])
    }
}
