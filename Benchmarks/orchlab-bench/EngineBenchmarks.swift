import Foundation
import WorkflowEngine
import WorkflowEngineTesting

/// Engine benchmarks: a 10-step workflow and a create-node-shaped workflow (construct model,
/// store, set_status, suspend at an input step, resume, complete), in memory and on a WAL file;
/// time per workflow as existing subscriptions grow from 0 to 100,000; RSS increase. Next to the
/// per-step cost, its floor: a raw SQLite commit of one step-log row (EngineBenchmarks+RawCommit).
enum EngineBenchmarks {
    typealias NodeModel = ExampleNodeModel

    static let tenSteps = workflow("ten_steps", "Ten trivial steps", target: .system, isTask: true) {
        for index in 1...10 { step("Step \(index)") { _ in ["step_\(index)": index] } }
        doneStep
    }

    static let createNode = createWorkflow("create_node", "Create Node", initialForm: Form { form in
        try form.page("Node") { FormField.string("node_name"); FormField.int("node_id") }.values
    }) {
        step("Construct Node model") { context in
            var subscription = try context.newSubscription(NodeModel.self, customerID: "bench")
            subscription.node.node_name = try context.state.string("node_name")
            subscription.node.node_id = try context.state.int("node_id")
            return ["subscription": subscription, "subscription_id": subscription.subscriptionID]
        }
        storeProcessSubscription
        setStatus(.provisioning)
        inputStep("Confirm config") { form in
            try form.page("Confirm") { FormField.accept("confirm_config_put_on_routers") }.values
        }
        step("Assign loopbacks") { context in
            var subscription = try context.subscription(NodeModel.self)
            subscription.node.ipv4_loopback = "10.0.0.1"
            subscription.node.ipv6_loopback = "fd00::1"
            return ["subscription": subscription]
        }
    }

    static let product = Product(name: "node", description: "Node", type: "Node", tag: "NODE",
                                 workflows: ["create_node"], model: NodeModel.self)

    static func run() throws {
        let rssBefore = Measure.currentRSSMiB()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orchlab-engine-bench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        for (label, path) in [("memory", ":memory:"), ("file WAL", directory.appendingPathComponent("bench.sqlite").path)] {
            let engine = try makeEngine(path)
            let tenStep = try timed(iterations: 2_000) { _ = try engine.start("ten_steps", inputs: [[:]]) }
            Figures.shared.timings("10-step workflow, \(label), per workflow", tenStep)
            Figures.shared.timings("10-step workflow, \(label), per step (11 rows)", tenStep.scaled(by: 1.0 / 11))
            try rawCommitFloor(label, engine: engine, perStep: tenStep.scaled(by: 1.0 / 11),
                               path: path == ":memory:" ? path : directory.appendingPathComponent("raw-commit.sqlite").path)

            let node = try engine.product("node").snapshot.productID
            var counter = 0
            let create = try timed(iterations: 2_000) {
                counter += 1
                try createNodeOnce(engine, productID: node, index: counter)
            }
            Figures.shared.timings("create-node workflow (start + resume, 10 rows), \(label)", create)
            let byWall = 1e9 / Measure.median(create.wall), byCPU = 1e9 / Measure.median(create.cpu)
            Figures.shared.line(String(format: "create-node workflows/s, \(label), one thread: %.0f by wall median, %.0f by CPU median", byWall, byCPU),
                                [("create-node workflows/s, \(label), one thread, by wall median", byWall, "1/s"),
                                 ("create-node workflows/s, \(label), one thread, by CPU median", byCPU, "1/s")])
        }

        try flatness(path: directory.appendingPathComponent("flatness.sqlite").path)
        let rss = Measure.currentRSSMiB() - rssBefore
        Figures.shared.line(String(format: "RSS increase over the engine benchmarks: %.1f MiB", rss), [("RSS increase over the engine benchmarks", rss, "MiB")])
    }

    static func makeEngine(_ path: String) throws -> Engine {
        let engine = try Engine(path: path, clock: SteppingClock(), ids: IDGenerator(seed: 42))
        try engine.register([tenSteps, createNode])
        try engine.register(product)
        return engine
    }

    static func createNodeOnce(_ engine: Engine, productID: String, index: Int) throws {
        let started = try engine.start("create_node", inputs: [["product": .string(productID)],
                                                               ["node_name": .string("node-\(index)"), "node_id": .int(index)]])
        let done = try engine.resume(started.processID, inputs: [["confirm_config_put_on_routers": "ACCEPTED"]])
        guard done.status == .completed else { throw BenchmarkFailure(message: "create-node ended \(done.status)") }
    }

    static let flatnessSamples = 1_500

    /// Median create-node time with 0, 10k, 50k and 100k subscriptions already stored, on a WAL
    /// file (the production setup; an in-memory database holds every page in its cache, so it
    /// measures memory growth as much as the engine).
    static func flatness(path: String) throws {
        let engine = try makeEngine(path)
        let productID = try engine.product("node").snapshot.productID
        var stored = 0
        var index = 0
        for target in [0, 10_000, 50_000, 100_000] {
            while stored < target {
                stored += 1
                try engine.createSubscription(NodeModel.self, product: productID, customerID: "seed") { subscription in
                    subscription.node.node_id = stored
                    subscription.node.node_name = "seed-\(stored)"
                    subscription.node.ipv4_loopback = "10.1.0.1"
                    subscription.node.ipv6_loopback = "fd01::1"
                }
            }
            // 1,500 samples (about a second) per level: this shared machine has bursts of a few
            // hundred milliseconds that moved a 500-sample median by 40-80 % at one level.
            let samples = try timed(iterations: Self.flatnessSamples) {
                index += 1
                try createNodeOnce(engine, productID: productID, index: index)
            }
            stored += Self.flatnessSamples + 3
            Figures.shared.timings("create-node, file WAL, with \(try engine.subscriptionCount() - Self.flatnessSamples - 3) existing subscriptions", samples)
        }
    }
}

/// Wall-clock and thread-CPU samples of the same runs. The machine is shared (other builds keep
/// the load above the core count), so CPU time is the steadier measure of the engine's own cost.
struct Timings {
    var wall: [Double] = []
    var cpu: [Double] = []

    func scaled(by factor: Double) -> Timings {
        Timings(wall: wall.map { $0 * factor }, cpu: cpu.map { $0 * factor })
    }
}

func threadCPUNanoseconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) * 1e9 + Double(spec.tv_nsec)
}

func timed(iterations: Int, warmup: Int = 3, _ body: () throws -> Void) rethrows -> Timings {
    for _ in 0..<warmup { try body() }
    var timings = Timings()
    for _ in 0..<iterations {
        let wallStart = Measure.now(), cpuStart = threadCPUNanoseconds()
        try body()
        timings.cpu.append(threadCPUNanoseconds() - cpuStart)
        timings.wall.append(Double(Measure.now() - wallStart))
    }
    return timings
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
