import Catalogues
import Foundation
import Topology
import WorkflowEngine
import Workshop
import WorkshopReference

/// The workshop's full build (5 create_node, 10 create_circuit, engineer pasting every text)
/// on a fresh lab and engine, in memory and with the engine on a SQLite file.
enum WorkshopBenchmarks {
    static func run() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let topology = try TopologyLoader.load(contentsOf: root.appendingPathComponent("Topologies/workshop.yaml").path)

        var stepCount = 0
        let rssBefore = Measure.currentRSSMiB()
        let inMemory = try Measure.samples(iterations: 15, warmup: 2) {
            stepCount = try build(topology, enginePath: ":memory:")
        }
        let rssAfter = Measure.currentRSSMiB()
        Figures.shared.samples("workshop build in memory (15 processes, \(stepCount) steps)", inMemory)
        Figures.shared.line(String(format: "workshop build: RSS increase over the in-memory runs: %.1f MiB", rssAfter - rssBefore),
                            [("workshop build: RSS increase over the in-memory runs", rssAfter - rssBefore, "MiB")])

        let directory = FileManager.default.temporaryDirectory
        var run = 0
        let onFile = try Measure.samples(iterations: 7, warmup: 1) {
            run += 1
            let path = directory.appendingPathComponent("orchlab-bench-workshop-\(ProcessInfo.processInfo.processIdentifier)-\(run).sqlite").path
            defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
            _ = try build(topology, enginePath: path)
        }
        Figures.shared.samples("workshop build, engine on a SQLite file (WAL)", onFile)

        try circuitLifecycle(topology)
    }

    /// One create_circuit and its terminate_circuit on the built workshop (spare 400G ports),
    /// with the engine in memory: the cost of a single circuit's life.
    static func circuitLifecycle(_ topology: CompiledTopology) throws {
        let lab = try Lab(topology)
        let engine = try Engine(path: ":memory:", clock: SteppingClock(), ids: IDGenerator(seed: 1))
        let catalogue = try WorkshopReference.catalogue().register(into: engine, netbox: lab.client(), fleet: lab.fleet)
        let driver = WorkshopDriver(engine: engine, catalogue: catalogue, engineer: Engineer(fleet: lab.fleet))
        _ = try driver.buildWorkshop()
        var create: [Double] = [], terminate: [Double] = []
        for _ in 0..<30 {
            var start = Measure.now()
            let circuit = try driver.createCircuit(routerA: "loc1-core", routerB: "loc2-core", aPort: "1/1/c10/1", bPort: "1/1/c10/1")
            create.append(Double(Measure.now() - start))
            start = Measure.now()
            _ = try driver.subscription(of: driver.run(WorkflowName.terminateCircuit, [["subscription_id": .string(circuit)]]))
            terminate.append(Double(Measure.now() - start))
        }
        Figures.shared.samples("create_circuit on the built workshop (engineer included)", create)
        Figures.shared.samples("terminate_circuit on the built workshop (engineer included)", terminate)
    }

    /// One full build; returns how many steps the engine ran.
    static func build(_ topology: CompiledTopology, enginePath: String) throws -> Int {
        let lab = try Lab(topology)
        let engine = try Engine(path: enginePath, clock: SteppingClock(), ids: IDGenerator(seed: 1))
        let catalogue = try WorkshopReference.catalogue().register(into: engine, netbox: lab.client(), fleet: lab.fleet)
        let driver = WorkshopDriver(engine: engine, catalogue: catalogue, engineer: Engineer(fleet: lab.fleet))
        _ = try driver.buildWorkshop()
        guard lab.fleet.reachability().isFullyReachable else { throw DriverError.unexpectedPage("build left loopbacks unreachable") }
        return try engine.processes().reduce(0) { $0 + (try engine.process($1.processID).executedSteps.count) }
    }
}
