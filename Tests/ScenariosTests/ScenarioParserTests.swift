import Testing
import WorkflowEngine
@testable import Scenarios
import SeededRandom

/// A scenario covering every action kind (the format is described in docs/scenario-format.md).
let fullExample = """
name: workshop build, one circuit
description: Enrol two nodes and connect them.
tags: [workshop, smoke]
topology: workshop
seed: 42
actions:
  - start: create_node
    as: loc1
    form: {select_device_choice: loc1-core}
  - start: create_node
    as: loc2
    form:
      - select_device_choice: loc2-core
    engineer: confirm_only
  - fault: {netbox: {operation: create_cable, status: 503}}
  - start: create_circuit
    as: c12
    form:
      - router_a: ${loc1.subscription_id}
        router_b: ${loc2}
      - a_port: {interface: {device: loc1-core, port: 1/1/c2/1}}
        b_port: {interface: {device: loc2-core, port: 1/1/c1/1}}
    expect: {failed: "503"}
  - retry: c12
    expect: completed
  - start: modify_circuit
    subscription: {ref: c12.subscription_id}
    form: {under_maintenance: false, note: "moved by ${loc1.node_name}", speed: "100"}
    engineer: {apply: [loc1-core]}
  - resume: c12
    engineer: {answer: {confirm_config_put_on_routers: INCOMPLETE}}
  - abort: c12
  - fault: clear
  - fault: {kill_engine: {after_step: 2}}
  - fault: {router_rejects_config: {device: loc3-core, lines: ["^ isis"]}}
  - fault: {link_down: {device: loc1-core, port: 1/1/c2/1}}
  - assert: circuit active
    subscription: ${c12}
    status: active
    insync: true
    fields: {circuit.under_maintenance: false}
    message: The circuit should be active.
  - assert: loc1 active in NetBox
    device: loc1-core
    status: active
  - assert: first /127 allocated
    prefix: 2001:db8:10::/127
  - assert: address on loc1
    address: 2001:db8:10::/127
    assigned_to: {device: loc1-core, port: 1/1/c2/1}
  - assert: cable connected
    cable: [{device: loc1-core, port: 1/1/c2/1}, {device: loc2-core, port: 1/1/c1/1}]
    status: connected
  - assert: loc1 interface config
    config: loc1-core
    section: interface 1/1/c2/1
    contains: [" ipv6 address 2001:db8:10::/127"]
    no_rejected_lines: true
  - assert: adjacency up
    adjacency: [loc1-core, loc2-core]
  - assert: path direct
    path: {from: loc1-core, to: loc2-core}
    via: [loc1-core, loc2-core]
  - assert: loopbacks
    all_loopbacks_reachable: true
  - assert: c12 audit
    process: c12
    outcome: {failed: "NetBox"}
    audit: ["create_cable.*503"]
  - assert: no leaks
    no_leaked_resources: true
"""

@Suite struct ScenarioParserTests {
    @Test func parsesEveryActionKind() throws {
        let workspace = try TestWorkspace()
        let scenario = try workspace.parse(fullExample)
        #expect(scenario.name == "workshop build, one circuit")
        #expect(scenario.tags == ["workshop", "smoke"])
        #expect(scenario.seed == 42)
        #expect(scenario.workflows == nil, "no `workflows:`: the run's default catalogue")
        #expect(scenario.topologyPath == workspace.path("Topologies/workshop.yaml"))
        #expect(scenario.actions.count == 23)
        #expect(scenario.actions[3].location.line == 16)
        #expect(scenario.actions[3].location.column == 5)
        #expect(scenario.actions.map(\.index) == Array(0..<23))

        guard case .start(let circuit) = scenario.actions[3].kind else { Issue.record("not a start"); return }
        #expect(circuit.workflow == "create_circuit")
        #expect(circuit.name == "c12")
        #expect(circuit.pages.count == 2)
        #expect(circuit.pages[0]["router_a"] == .reference(ResultReference(name: "loc1", path: ["subscription_id"])))
        #expect(circuit.pages[0]["router_b"] == .reference(ResultReference(name: "loc2")))
        #expect(circuit.pages[1]["a_port"] == .interface(InterfaceRef(device: "loc1-core", port: "1/1/c2/1")))
        #expect(circuit.expect == ExpectedOutcome(.failed, messagePattern: "503"))
        #expect(circuit.engineer == .applyAndConfirm)

        guard case .start(let modify) = scenario.actions[5].kind else { Issue.record("not a start"); return }
        #expect(modify.subscription == .reference(ResultReference(name: "c12", path: ["subscription_id"])))
        #expect(modify.pages[0]["under_maintenance"] == .bool(false))
        #expect(modify.pages[0]["speed"] == .string("100"), "a quoted number stays a string")
        #expect(modify.pages[0]["note"] == .template([.text("moved by "), .reference(ResultReference(name: "loc1", path: ["node_name"]))]))
        #expect(modify.engineer == .apply(devices: ["loc1-core"]))

        guard case .start(let second) = scenario.actions[1].kind else { Issue.record("not a start"); return }
        #expect(second.engineer == .confirmOnly)
        #expect(scenario.actions[6].kind == .resume(ContinueProcess(
            process: "c12", engineer: .answer(["confirm_config_put_on_routers": .string("INCOMPLETE")]))))
        #expect(scenario.actions[7].kind == .abort(process: "c12"))
        #expect(scenario.actions[2].kind == .fault(.netbox(PlannedNetBoxFault(operation: "create_cable", occurrence: 1, status: 503))))
        #expect(scenario.actions[8].kind == .fault(.clear))
        #expect(scenario.actions[9].kind == .fault(.killEngine(afterStep: 2)))
        #expect(scenario.actions[10].kind == .fault(.routerRejectsConfig(device: "loc3-core", linePatterns: ["^ isis"])))
        #expect(scenario.actions[11].kind == .fault(.linkDown(InterfaceRef(device: "loc1-core", port: "1/1/c2/1"))))
    }

    @Test func parsesEveryAssertionSubject() throws {
        let scenario = try TestWorkspace().parse(fullExample)
        let checks = scenario.assertions.map(\.check)
        #expect(scenario.assertions.count == 11)
        #expect(scenario.assertions[0].message == "The circuit should be active.")
        #expect(checks[0] == .subscription(SubscriptionCheck(
            subscription: .reference(ResultReference(name: "c12")), status: "active", insync: true,
            fields: ["circuit.under_maintenance": .bool(false)])))
        #expect(checks[1] == .device(name: "loc1-core", status: "active"))
        #expect(checks[2] == .prefix(PrefixCheck(prefix: "2001:db8:10::/127")))
        #expect(checks[3] == .address(AddressCheck(address: "2001:db8:10::/127", assignedTo: InterfaceRef(device: "loc1-core", port: "1/1/c2/1"))))
        #expect(checks[4] == .cable(CableCheck(between: [InterfaceRef(device: "loc1-core", port: "1/1/c2/1"),
                                                         InterfaceRef(device: "loc2-core", port: "1/1/c1/1")], status: "connected")))
        #expect(checks[5] == .config(ConfigCheck(device: "loc1-core", section: "interface 1/1/c2/1",
                                                 contains: [" ipv6 address 2001:db8:10::/127"], noRejectedLines: true)))
        #expect(checks[6] == .adjacency(a: "loc1-core", b: "loc2-core", up: true))
        #expect(checks[7] == .path(PathCheck(from: "loc1-core", to: "loc2-core", via: ["loc1-core", "loc2-core"])))
        #expect(checks[8] == .allLoopbacksReachable)
        #expect(checks[9] == .process(ProcessCheck(process: "c12", outcome: ExpectedOutcome(.failed, messagePattern: "NetBox"),
                                                   audit: ["create_cable.*503"])))
        #expect(checks[10] == .noLeakedResources)
    }

    @Test func unknownKeyNamesLineColumnFieldAndSuggestion() throws {
        let yaml = """
        name: typo
        topology: workshop
        actions:
          - start: create_node
            from: {select_device_choice: loc1-core}
        """
        let issues = rejection(yaml)
        #expect(issues.count == 1)
        let issue = try #require(issues.first)
        #expect(issue.location.line == 5)
        #expect(issue.location.column == 5)
        #expect(issue.field == "actions[0].from")
        #expect(issue.message.contains("unknown key 'from'"))
        #expect(issue.message.contains("did you mean 'form'?"))
        #expect(issue.description.hasSuffix("test.yaml:5:5: actions[0].from: " + issue.message))
    }

    @Test func unknownActionSuggestsTheKind() throws {
        let issues = rejection("name: a\ntopology: workshop\nactions:\n  - strat: create_node\n")
        #expect(issues.map(\.location.line) == [4])
        #expect(issues[0].message.contains("did you mean 'start' for 'strat'?"))
    }

    @Test func reportsEveryProblemInOneRun() throws {
        let yaml = """
        name: many
        topology: no-such-lab
        workflows: "my services!"
        seed: -1
        actions:
          - start: create_circuit
            form: {router_a: "${node_x.subscription_id}"}
            expect: finished
          - retry: nobody
          - assert: bad subject
            device: loc1-core
            contains: [x]
            status: active
          - assert: two subjects
            device: loc1-core
            config: loc1-core
          - fault: {netbox: {operation: create_cable, status: "x"}}
          - assert: bad regex
            process: nobody
            audit: ["("]
        """
        let issues = rejection(yaml)
        let byLine = Dictionary(grouping: issues, by: \.location.line)
        #expect(byLine[2]?.first?.message.contains("topology 'no-such-lab' not found") == true)
        #expect(byLine[3]?.first?.message.contains("is not a catalogue name") == true)
        #expect(byLine[4]?.first?.message.contains("integer ≥ 0") == true)
        #expect(byLine[7]?.first?.message.contains("unknown name 'node_x'") == true)
        #expect(byLine[8]?.first?.message.contains("unknown outcome 'finished'") == true)
        #expect(byLine[9]?.first?.message.contains("unknown name 'nobody'") == true)
        #expect(byLine[12]?.first?.message.contains("belongs to config") == true)
        #expect(byLine[14]?.first?.message.contains("found device and config") == true)
        #expect(byLine[17]?.first?.field == "actions[4].fault.netbox.status")
        #expect(byLine[19]?.first?.message.contains("unknown name 'nobody'") == true)
        #expect(byLine[20]?.first?.message.contains("invalid regular expression") == true)
        #expect(issues.map(\.location.line) == issues.map(\.location.line).sorted(), "issues come in file order")
    }

    @Test func referencesMustNameEarlierActions() throws {
        let yaml = """
        name: self reference
        topology: workshop
        actions:
          - start: create_node
            as: node
            form: {select_device_choice: "${node.node_name}"}
          - start: create_node
            as: node
        """
        let issues = rejection(yaml)
        #expect(issues.map(\.location.line) == [6, 8])
        #expect(issues[0].message.contains("no earlier action has an as: name"))
        #expect(issues[1].message.contains("already used"))
    }

    @Test func yamlSyntaxErrorsAreLocated() throws {
        let issues = rejection("name: a\nactions:\n  - start: [unclosed\n")
        #expect(issues.count == 1)
        #expect(issues[0].message.hasPrefix("invalid YAML: "))
        #expect(issues[0].location.line >= 3)
    }

    @Test func duplicateKeysAndEmptyFilesAreRejected() throws {
        #expect(rejection("name: a\nname: b\ntopology: workshop\nactions: [{abort: x}]\n").first?.message.contains("duplicate key 'name'") == true)
        #expect(rejection("").first?.message.contains("empty") == true)
        #expect(rejection("- just\n- a list\n").first?.message == "wrong type: found a list (expected a scenario)")
    }

    @Test func missingRequiredKeysAndEmptyActions() throws {
        let issues = rejection("description: nothing\nactions: []\n")
        let messages = issues.map(\.message)
        #expect(messages.contains("missing required key 'name' in scenario"))
        #expect(messages.contains("missing required key 'topology' in scenario"))
        #expect(messages.contains { $0.contains("non-empty list of actions") })
    }

    @Test func assertionNamesAreUniqueAndNeedSomethingToCheck() throws {
        let yaml = """
        name: a
        topology: workshop
        actions:
          - assert: same
            no_leaked_resources: true
          - assert: same
            all_loopbacks_reachable: true
          - assert: empty
            config: loc1-core
        """
        let issues = rejection(yaml)
        #expect(issues.map(\.location.line) == [6, 8])
        #expect(issues[0].message.contains("already named 'same'"))
        #expect(issues[1].message.contains("needs something to check"))
    }

    @Test func engineerAndOutcomeForms() throws {
        let yaml = """
        name: forms
        topology: workshop
        actions:
          - start: create_node
            as: n
            engineer: leave_suspended
            expect: suspended
          - resume: n
            engineer: {apply: loc1-core}
            expect: {refused: "already enrolled"}
        """
        let scenario = try TestWorkspace().parse(yaml)
        guard case .start(let start) = scenario.actions[0].kind else { Issue.record("not a start"); return }
        #expect(start.engineer == .leaveSuspended)
        #expect(start.expect == ExpectedOutcome(.suspended))
        #expect(scenario.actions[1].kind == .resume(ContinueProcess(
            process: "n", engineer: .apply(devices: ["loc1-core"]), expect: ExpectedOutcome(.refused, messagePattern: "already enrolled"))))
    }

    @Test func expectedOutcomeMatching() {
        let expected = ExpectedOutcome(.refused, messagePattern: "enrolled by [0-9a-f-]+")
        #expect(expected.isMet(by: .refused, message: "loc1-core is already enrolled by 1234-abcd"))
        #expect(!expected.isMet(by: .refused, message: "device not found"))
        #expect(!expected.isMet(by: .completed, message: nil))
        #expect(ExpectedOutcome(.completed).isMet(by: .completed, message: nil))
    }

    @Test func unreadableFileIsAnIssue() throws {
        let workspace = try TestWorkspace()
        #expect(throws: ScenarioFileError.self) { try ScenarioParser().load(file: workspace.path("missing.yaml")) }
    }

    /// The issues the parser finds in `yaml`; records a test issue if it finds none.
    private func rejection(_ yaml: String) -> [ScenarioIssue] {
        do {
            _ = try TestWorkspace().parse(yaml)
            Issue.record("expected the scenario to be rejected")
        } catch let error as ScenarioFileError {
            return error.issues
        } catch {
            Issue.record("unexpected error \(error)")
        }
        return []
    }
}

@Suite struct ScenarioIdentifierTests {
    @Test func identifiers() {
        #expect("node_a".isScenarioIdentifier && "_x-1".isScenarioIdentifier && "c12".isScenarioIdentifier)
        #expect(!"1abc".isScenarioIdentifier && !"a.b".isScenarioIdentifier && !"".isScenarioIdentifier && !"nöde".isScenarioIdentifier)
    }
}

@Suite struct ScenarioParserRobustnessTests {
    /// Mangled scenarios never crash the parser: each either parses or yields located issues.
    @Test func mangledFilesGiveIssuesNotCrashes() throws {
        let workspace = try TestWorkspace()
        var generator = SplitMix64(seed: 42)
        let lines = fullExample.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let fragments = ["", "null", "[]", "{}", "- x", "? [a]: b", "&a x", "*a", "${", "${}", "{ref: }", "9999999999999999999999",
                         "\t", "\"", "start:", "assert:", "  - fault: {}", "form: [1, 2]", "tags: {a: 1}", "expect: {failed: \"(\"}"]
        var rejected = 0
        for _ in 0..<300 {
            var mangled = lines
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let index = Int.random(in: 0..<mangled.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: mangled.remove(at: index)
                case 1: mangled[index] += " " + fragments.randomElement(using: &generator)!
                default: mangled.insert(fragments.randomElement(using: &generator)!, at: index)
                }
            }
            do {
                _ = try workspace.parse(mangled.joined(separator: "\n"))
            } catch {
                rejected += 1
                #expect(!error.issues.isEmpty)
                #expect(error.issues.allSatisfy { $0.location.line >= 1 && $0.location.column >= 1 && !$0.message.isEmpty })
            }
        }
        #expect(rejected > 150, "most mangled files are invalid (\(rejected) of 300 rejected)")
    }
}
