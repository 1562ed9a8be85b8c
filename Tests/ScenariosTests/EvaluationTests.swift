import Testing
@testable import Scenarios

@Suite struct EvaluationTests {
    let config = """
    hostname loc1-core
    interface 1/1/c2/1
     description Circuit Connection to loc2-core port 1/1/c1/1
     ipv6 address 2001:db8:10::/127
     isis metric 10
    !
    interface 1/1/c3/1
     isis metric 15000000
    !
    """

    @Test func configContainsExcludesMatchesWithinASection() {
        let passing = ConfigCheck(device: "loc1-core", section: "interface 1/1/c2/1",
                                  contains: [" ipv6 address 2001:db8:10::/127   "], excludes: [" isis metric 15000000"],
                                  matches: ["metric 10$"])
        #expect(passing.evaluate(runningConfig: config) == CheckVerdict(passed: true, actual: "as expected"))

        let failing = ConfigCheck(device: "loc1-core", section: "interface 1/1/c3/1", contains: [" ipv6 address 2001:db8:10::/127"],
                                  matches: ["metric 10$"])
        let verdict = failing.evaluate(runningConfig: config)
        #expect(!verdict.passed)
        #expect(verdict.actual == "missing \" ipv6 address 2001:db8:10::/127\"; no line matches /metric 10$/")

        let missingSection = ConfigCheck(device: "loc1-core", section: "interface 1/1/c9/1", contains: ["x"])
        #expect(missingSection.evaluate(runningConfig: config).actual == "no line \"interface 1/1/c9/1\" in the running config of loc1-core")
    }

    @Test func configEqualsShowsADiffAndRejectedLinesFail() {
        let equals = ConfigCheck(device: "loc1-core", section: "interface 1/1/c3/1", equals: "interface 1/1/c3/1\n isis metric 10\n")
        let verdict = equals.evaluate(runningConfig: config)
        #expect(!verdict.passed)
        #expect(verdict.actual.contains("- isis metric 10\n+ isis metric 15000000"))
        let rejected = ConfigCheck(device: "loc1-core", noRejectedLines: true)
        #expect(rejected.evaluate(runningConfig: config).passed)
        #expect(rejected.evaluate(runningConfig: config, rejectedLines: ["bogus"]).actual == "rejected \"bogus\"")
    }

    @Test func pathChecks() {
        let via = PathCheck(from: "loc1-core", to: "loc2-core", via: ["loc1-core", "loc3-core", "loc2-core"])
        #expect(via.evaluate(path: ["loc1-core", "loc3-core", "loc2-core"]).passed)
        #expect(via.evaluate(path: ["loc1-core", "loc2-core"]) == CheckVerdict(passed: false, actual: "path loc1-core > loc2-core"))
        #expect(!via.evaluate(path: nil).passed)
        let avoids = PathCheck(from: "loc1-core", to: "loc2-core", avoids: ["loc3-core"])
        #expect(avoids.evaluate(path: ["loc1-core", "loc2-core"]).passed)
        #expect(!avoids.evaluate(path: ["loc1-core", "loc3-core", "loc2-core"]).passed)
        #expect(PathCheck(from: "a", to: "b", reachable: false).evaluate(path: nil).passed)
    }

    @Test func processChecks() {
        let check = ProcessCheck(process: "c12", outcome: ExpectedOutcome(.completed), steps: ["Start", "Done"],
                                 audit: ["create_cable.*503", "retry"])
        let audit = ["start", "create_cable failed: 503", "note", "retry by scenario", "done"]
        #expect(check.evaluate(outcome: .completed, message: nil, steps: ["Start", "Done"], audit: audit).passed)
        let wrongOrder = check.evaluate(outcome: .completed, message: nil, steps: ["Start", "Done"], audit: audit.reversed())
        #expect(!wrongOrder.passed)
        #expect(wrongOrder.actual.hasPrefix("no audit entry matching /retry/ in order"))
        let failed = check.evaluate(outcome: .failed, message: "NetBox 503", steps: ["Start"], audit: audit)
        #expect(failed.actual == "failed: NetBox 503; steps Start")
    }

    @Test func referencesResolveOrNameWhatIsMissing() throws {
        let results: [String: ScenarioValue] = ["loc1.subscription_id": .string("sub-1"), "loc1.node_name": .string("loc1-core")]
        let lookup: (ResultReference) -> ScenarioValue? = { results[([$0.name] + $0.path).joined(separator: ".")] }
        let interfaces: (InterfaceRef) -> ScenarioValue? = { $0.port == "1/1/c2/1" ? .int(38) : nil }
        let page = ScenarioValue.map([
            "router_a": .reference(ResultReference(name: "loc1", path: ["subscription_id"])),
            "a_port": .interface(InterfaceRef(device: "loc1-core", port: "1/1/c2/1")),
            "note": .template([.text("Node "), .reference(ResultReference(name: "loc1", path: ["node_name"]))]),
            "list": .list([.int(1), .null]),
        ])
        #expect(try page.resolved(result: lookup, interface: interfaces) == .map([
            "router_a": .string("sub-1"), "a_port": .int(38), "note": .string("Node loc1-core"), "list": .list([.int(1), .null]),
        ]))
        #expect(page.references.count == 2)
        #expect(throws: UnresolvedReference(reference: "${loc9}", reason: "no such result or field")) {
            try ScenarioValue.reference(ResultReference(name: "loc9")).resolved(result: lookup, interface: interfaces)
        }
        #expect(throws: UnresolvedReference(reference: "loc1-core:9/9", reason: "NetBox has no such interface")) {
            try ScenarioValue.interface(InterfaceRef(device: "loc1-core", port: "9/9")).resolved(result: lookup, interface: interfaces)
        }
    }

    @Test func assertionsDescribeWhatTheyExpect() throws {
        let scenario = try TestWorkspace().parse(fullExample)
        let expectations = scenario.assertions.map(\.expectation)
        #expect(expectations[0] == "subscription ${c12}: status active, insync true, circuit.under_maintenance = false")
        #expect(expectations[3] == "NetBox address 2001:db8:10::/127 allocated to loc1-core:1/1/c2/1")
        #expect(expectations[5] == "loc1-core section \"interface 1/1/c2/1\" contains \" ipv6 address 2001:db8:10::/127\", no rejected lines")
        #expect(expectations[7] == "path loc1-core -> loc2-core via loc1-core > loc2-core")
        #expect(expectations[9] == "process c12: failed matching /NetBox/, audit trail matching /create_cable.*503/")
    }
}
