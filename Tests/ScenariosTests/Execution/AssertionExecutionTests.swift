import Testing
@testable import Scenarios

/// Every assertion subject evaluated on a real world (two nodes and a circuit), once where it
/// holds and once where it does not, with what was found worded for a reader.
@Suite struct AssertionExecutionTests {
    typealias F = ExecutionFixture
    static let location = SourceLocation(file: "checks.yaml", line: 7, column: 5)

    let world: ScenarioWorld

    init() throws {
        world = try #require(try F.play(F.twoNodes + F.circuit("    expect: completed")).world)
    }

    private func verdict(_ check: Assertion.Check) -> AssertionResult {
        world.evaluate(Assertion(name: "check", check: check, location: Self.location))
    }

    private func expectBoth(_ holds: Assertion.Check, _ fails: Assertion.Check, actual: String,
                            sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(verdict(holds).passed, "\(verdict(holds).actual)", sourceLocation: sourceLocation)
        let failed = verdict(fails)
        #expect(!failed.passed, sourceLocation: sourceLocation)
        #expect(failed.actual.contains(actual), "\(failed.actual)", sourceLocation: sourceLocation)
        #expect(failed.location == Self.location, sourceLocation: sourceLocation)
    }

    @Test func subscriptionStatusInsyncDescriptionAndFields() {
        let c12 = ScenarioValue.reference(ResultReference(name: "c12"))
        expectBoth(.subscription(SubscriptionCheck(subscription: c12, status: "active", insync: true,
                                                   fields: ["circuit.under_maintenance": .bool(true), "circuit.members.0.port.port_name": .string("1/1/c2/1")])),
                   .subscription(SubscriptionCheck(subscription: c12, status: "terminated")), actual: "status active")
        let description = verdict(.subscription(SubscriptionCheck(subscription: c12, description: "nope")))
        #expect(description.actual.hasPrefix("description Circuit ID 1: loc1-core:1/1/c2/1 <--> loc2-core:1/1/c1/1"))
    }

    @Test func deviceStatus() {
        expectBoth(.device(name: "loc1-core", status: "active"), .device(name: "loc3-core", status: "active"),
                   actual: "loc3-core is planned")
    }

    @Test func prefixesAndAddresses() {
        expectBoth(.prefix(PrefixCheck(prefix: "2001:db8:10::/127")), .prefix(PrefixCheck(prefix: "2001:db8:10::/127", allocated: false)),
                   actual: "prefix 2001:db8:10::/127 active")
        let loc1 = InterfaceRef(device: "loc1-core", port: "1/1/c2/1")
        let loc2 = InterfaceRef(device: "loc2-core", port: "1/1/c1/1")
        expectBoth(.address(AddressCheck(address: "2001:db8:10::/127", assignedTo: loc1)),
                   .address(AddressCheck(address: "2001:db8:10::/127", assignedTo: loc2)), actual: "assigned to loc1-core:1/1/c2/1")
    }

    @Test func cables() {
        let ends = [InterfaceRef(device: "loc2-core", port: "1/1/c1/1"), InterfaceRef(device: "loc1-core", port: "1/1/c2/1")]
        expectBoth(.cable(CableCheck(between: ends, status: "connected")), .cable(CableCheck(between: ends, exists: false)),
                   actual: "cable 1 connected")
        let missing = verdict(.cable(CableCheck(between: [InterfaceRef(device: "loc1-core", port: "9/9/9")] + ends.prefix(1))))
        #expect(missing.actual == "NetBox has no interface loc1-core:9/9/9")
    }

    @Test func runningConfigAndRejectedLines() {
        expectBoth(.config(ConfigCheck(device: "loc1-core", section: "interface 1/1/c2/1", contains: [" ipv6 router isis"], noRejectedLines: true)),
                   .config(ConfigCheck(device: "loc1-core", section: "interface 1/1/c2/1", matches: ["metric 10 "])),
                   actual: "no line matches /metric 10 /")
    }

    @Test func adjacencyAndPaths() {
        expectBoth(.adjacency(a: "loc2-core", b: "loc1-core", up: true), .adjacency(a: "loc1-core", b: "loc3-core", up: true),
                   actual: "loc1-core - loc3-core down")
        expectBoth(.path(PathCheck(from: "loc1-core", to: "loc2-core", via: ["loc1-core", "loc2-core"])),
                   .path(PathCheck(from: "loc1-core", to: "loc3-core")), actual: "loc3-core unreachable from loc1-core")
    }

    @Test func allLoopbacksReachableNamesTheUnreachable() {
        let result = verdict(.allLoopbacksReachable)
        #expect(!result.passed, "loc3..loc5 carry no config")
        #expect(result.actual.hasPrefix("6 unreachable: loc3-core -> loc1-core (2001:db8::1)"))
    }

    @Test func processOutcomeStepsAndAuditTrail() {
        expectBoth(.process(ProcessCheck(process: "c12", outcome: ExpectedOutcome(.completed),
                                         audit: ["Reserve IPs in IPAM: success", "netbox create ipam.prefix", "paste loc2-core"])),
                   .process(ProcessCheck(process: "c12", steps: ["Start"])), actual: "steps Start > Construct Circuit model")
        #expect(verdict(.process(ProcessCheck(process: "ghost"))).actual == "no process named 'ghost' was started")
    }

    @Test func leakedResourcesAreListedOnlyWhenNoLiveSubscriptionHoldsThem() throws {
        #expect(verdict(.noLeakedResources).passed)
        let executor = ScenarioExecutor(catalogues: F.leakyCatalogues, topologies: F.topologies)
        let result = try F.run("""
          - start: leaky_task
            expect: completed
          - assert: leak
            no_leaked_resources: true
        """, executor: executor)
        #expect(result.actions.map(\.status) == [.passed])
        #expect(result.assertions.first?.actual == "leaked prefix 2001:db8:10::/127 \"leaky\"")
    }
}
