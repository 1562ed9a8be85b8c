import Catalogues
import Foundation
import NetBoxSim
import Testing
import WorkflowEngine
import WorkflowEngineTesting
@testable import Scenarios
import WorkshopReference

/// A product of the test's own, registered through the public catalogue API only: a "probe"
/// that records a NetBox device's status. Its create workflow is not one of the workshop's.
enum ProbeCatalogue {
    struct ProbeBlock: ProductBlockModel {
        static let blockName = "Probe"
        static let requirements: [String: Required] = ["device": .fromProvisioning]
        var device: String?
        var seen_status: String?
        init() {}
    }

    struct ProbeModel: ProductModel {
        var probe = Block<ProbeBlock>()
        init() {}
    }

    static let product = Product(name: "Probe", description: "Watches a device", type: "Probe", tag: "PROBE",
                                 workflows: ["create_probe"], model: ProbeModel.self)

    /// `engineer` confirms the probe's input step; `confirmField` is the step's accept field.
    static func catalogue(name: String = "probes", engineer: EngineerPolicy = .pastesDeviceConfigs,
                          confirmField: String = "confirm") -> Catalogue {
        Catalogue(name: name, summary: "a test's own product", products: [product], engineer: engineer) { services in
            [createWorkflow("create_probe", "Create Probe", initialForm: Form.pages(FormPage(title: "Device") {
                FormField.string("device", title: "Device")
            })) {
                step("Construct Probe model") { context in
                    var subscription = try context.newSubscription(ProbeModel.self, customerID: "TEST")
                    subscription.probe.device = try context.state.string("device")
                    return ["subscription": subscription, "subscription_id": subscription.subscriptionID]
                }
                storeProcessSubscription
                step("Read the device in NetBox") { context in
                    var subscription = try context.subscription(ProbeModel.self)
                    let device = try services.netbox(for: context).device(named: subscription.probe.device ?? "")
                    subscription.probe.seen_status = device?.status.rawValue
                    return ["subscription": subscription]
                }
                configInputStep("Probe config", confirm: confirmField) { state in
                    let device = try state.string("device")
                    return [ConfigText(field: "probe_config", device: device, text: "interface loopback 7\n description probe\n")]
                }
                setStatus(.active)
            }]
        }
    }
}

@Suite struct CatalogueTests {
    typealias F = ExecutionFixture

    @Test func registryRefusesNoDuplicateOrMalformedNames() {
        let probes = ProbeCatalogue.catalogue()
        #expect(throws: CatalogueError.noCatalogues) { try CatalogueRegistry([]) }
        #expect(throws: CatalogueError.duplicateCatalogue("probes")) { try CatalogueRegistry([probes, probes]) }
        #expect(throws: CatalogueError.invalidName("my probes")) { try CatalogueRegistry([ProbeCatalogue.catalogue(name: "my probes")]) }
        #expect(throws: CatalogueError.invalidName("")) { try CatalogueRegistry([ProbeCatalogue.catalogue(name: "")]) }
        let registry = try? CatalogueRegistry([probes, WorkshopReference.catalogue()])
        #expect(registry?.defaultCatalogue.name == "probes")
        #expect(throws: CatalogueError.unknownCatalogue("referense", known: ["probes", "reference"])) { try registry?.require("referense") }
    }

    @Test func registrationRefusesWorkflowClashesAndProductsListingMissingWorkflows() throws {
        let engine = try makeTestEngine()
        let lab = try F.topologies.labSeed(at: SchemaSyncTests.packageRoot.appendingPathComponent("Topologies/workshop.yaml").path)
        let world = try ScenarioWorld(lab: lab, catalogue: ProbeCatalogue.catalogue(), seed: 1)
        let twice = ProbeCatalogue.catalogue().adding { _ in [workflow("create_probe", "Again", target: .create) { startStep; doneStep }] }
        #expect(throws: CatalogueError.duplicateWorkflow(catalogue: "probes", workflow: "create_probe")) {
            try twice.register(into: engine, netbox: NetBoxClient(netbox: world.netbox), fleet: world.fleet)
        }
        let orphan = Catalogue(name: "orphan", products: [ProbeCatalogue.product]) { _ in [] }
        #expect(throws: CatalogueError.unknownProductWorkflow(catalogue: "orphan", product: "Probe", workflow: "create_probe")) {
            try orphan.register(into: engine, netbox: NetBoxClient(netbox: world.netbox), fleet: world.fleet)
        }
        #expect(engine.workflows().isEmpty, "a refused catalogue registers nothing")
    }

    @Test func aCreateWorkflowOfAnOwnProductGetsThatProduct() throws {
        let executor = ScenarioExecutor(catalogues: try CatalogueRegistry([ProbeCatalogue.catalogue()]), topologies: F.topologies)
        let result = executor.execute(try F.scenario("""
          - start: create_probe
            as: probe
            form: {device: loc1-core}
            expect: completed
          - assert: the probe is active
            subscription: ${probe}
            status: active
            fields: {probe.seen_status: planned, probe.device: loc1-core}
          - assert: the default engineer pasted the probe config
            config: loc1-core
            matches: [description probe]
        """, workflows: "probes"))
        #expect(result.error == nil)
        #expect(result.actions.map(\.status) == [.passed])
        #expect(result.assertions.map(\.passed) == [true, true])
    }

    @Test func aCatalogueEngineerPolicyAnswersItsOwnInputSteps() throws {
        // The step's accept field is called `looks_good`; a policy that pastes nothing and
        // accepts it completes the process without touching the router.
        let quiet = EngineerPolicy(configs: { _ in [] }, confirmation: { _ in ["looks_good": "ACCEPTED"] })
        let catalogue = ProbeCatalogue.catalogue(engineer: quiet, confirmField: "looks_good")
        let executor = ScenarioExecutor(catalogues: try CatalogueRegistry([catalogue]), topologies: F.topologies)
        let result = executor.execute(try F.scenario("""
          - start: create_probe
            as: probe
            form: {device: loc2-core}
            expect: completed
          - assert: nothing pasted
            config: loc2-core
            excludes: [loopback 7]
        """, workflows: "probes"))
        #expect(result.actions.map(\.status) == [.passed])
        #expect(result.assertions.map(\.passed) == [true])
    }

    @Test func aScenarioNamingAnUnknownCatalogueIsRefusedWithTheRegisteredNames() throws {
        let workspace = try TestWorkspace()
        try workspace.write("Scenarios/mistyped.yaml", """
        name: mistyped
        topology: workshop
        workflows: referense
        actions:
          - start: create_node
            form: {select_device_choice: loc1-core}
        """)
        var options = RunOptions()
        options.paths = [workspace.path("Scenarios")]
        options.reportDirectory = nil
        let console = CapturedConsole()
        #expect(ScenarioRunner.run(options, catalogues: F.catalogues, execution: F.executor.execution, console: console.console()) == 2)
        #expect(console.text.contains("mistyped.yaml:3:12: workflows: no workflow catalogue named 'referense'; registered: reference, starter"))
        #expect(console.text.contains("did you mean 'reference'?"))
    }
}
