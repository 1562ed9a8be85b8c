import Synchronization
import Testing
import WorkflowEngine
import WorkflowEngineTesting

/// The public storage API, through `import WorkflowEngine` alone: a store outlives a crashed
/// engine, and the crash hook kills the engine at the step-log write it was armed for.
@Suite struct EngineStoreTests {
    /// How often each step's work was done, across engines.
    private final class Work: Sendable {
        let counts = Mutex<[String: Int]>([:])
        var done: [String: Int] { counts.withLock { $0 } }
    }

    /// Three steps that count their work.
    private func register(_ engine: Engine, work: Work) throws {
        try registerTestWorkflow(engine, "three_steps") {
            for name in ["One", "Two", "Three"] {
                step(name) { _ in
                    work.counts.withLock { $0[name, default: 0] += 1 }
                    return [name.lowercased(): 1]
                }
            }
            doneStep
        }
    }

    @Test func anArmedCrashKillsTheEngineAtThatStepLogWriteAndANewEngineRecovers() throws {
        let store = try EngineStore(path: ":memory:")
        let work = Work()
        let engine = try Engine(store: store, clock: SteppingClock(), ids: IDGenerator(seed: 1))
        try register(engine, work: work)
        #expect(store.stepLogWritesUntilCrash == nil)
        let before = try store.stepLogCount()

        store.armCrash(atStepLogWrite: 2)
        #expect(store.stepLogWritesUntilCrash == 2)
        #expect(throws: EngineError.self) { try engine.start("three_steps", inputs: [[:]]) }
        #expect(store.hasCrashed)
        #expect(store.stepLogWritesUntilCrash == nil)
        // Step "Two" did its work but was never recorded; the process stays running, as a dead worker leaves it.
        #expect(work.done == ["One": 1, "Two": 1])
        #expect(try store.stepLogCount() == before + 1)
        let process = try #require(try engine.processes().first)
        #expect(process.lastStatus == .running)
        #expect(try engine.stepLog(process.processID).map(\.name) == ["One"])
        // The dead engine writes nothing more.
        #expect(throws: EngineError.self) { try registerTestWorkflow(engine, "after_death") { doneStep } }

        try store.liftCrash()
        #expect(!store.hasCrashed)
        let restarted = try Engine(store: store, clock: SteppingClock(), ids: IDGenerator(seed: 2))
        try register(restarted, work: work)
        #expect(try restarted.recoverInterrupted().map(\.status) == [.completed])
        #expect(try restarted.stepLog(process.processID).map(\.name) == ["One", "Two", "Three", "Done"])
        #expect(work.done == ["One": 1, "Two": 2, "Three": 1], "the killed step runs once more, the others once")
    }

    @Test func anUnarmedStoreNeverCrashesAndCountsEveryStepLogEntry() throws {
        let store = try EngineStore(path: ":memory:")
        let engine = try Engine(store: store, clock: SteppingClock(), ids: IDGenerator(seed: 1))
        try register(engine, work: Work())
        let before = try store.stepLogCount()
        for _ in 0..<3 { try assertComplete(runWorkflow(engine, "three_steps")) }
        #expect(!store.hasCrashed)
        let perRun = try engine.stepLog(engine.processes()[0].processID).count
        #expect(try store.stepLogCount() == before + 3 * perRun)
    }

    @Test func armingCountsFromNowAndAgainReplacesACrashNotFiredYet() throws {
        let store = try EngineStore(path: ":memory:")
        let engine = try Engine(store: store, clock: SteppingClock(), ids: IDGenerator(seed: 1))
        try register(engine, work: Work())
        store.armCrash(atStepLogWrite: 100)
        try assertComplete(runWorkflow(engine, "three_steps"))
        let written = try engine.stepLog(engine.processes()[0].processID).count
        #expect(store.stepLogWritesUntilCrash == 100 - written)
        store.armCrash(atStepLogWrite: 0)
        #expect(store.stepLogWritesUntilCrash == 1, "0 or less means the very next write")
        #expect(throws: EngineError.self) { try engine.start("three_steps", inputs: [[:]]) }
        #expect(store.hasCrashed)
    }

    /// The observer sees every run between two steps; stopping there leaves the process running,
    /// and an engine restored from a checkpoint taken there finishes it by recovering, each step
    /// done once.
    @Test func aRunStoppedBetweenStepsIsCheckpointedAndFinishedByACopy() throws {
        let store = try EngineStore(path: ":memory:")
        let work = Work()
        let engine = try Engine(store: store, clock: SteppingClock(), ids: IDGenerator(seed: 1))
        try register(engine, work: work)
        let seen = Mutex<[Int]>([])
        store.observeStepBoundaries { _, position in
            seen.withLock { $0.append(position) }
            return position == 2
        }
        #expect(throws: StepBoundaryStop.self) { try engine.start("three_steps", inputs: [[:]]) }
        #expect(seen.withLock { $0 } == [1, 2], "after One and after Two")
        let process = try #require(try engine.processes().first)
        #expect(process.lastStatus == .running)
        let detail = try engine.process(process.processID), status = try engine.processStatus(process.processID)
        #expect(status.status == detail.lastStatus && status.lastStep == detail.lastStep && status.failedReason == detail.failedReason)
        #expect(try engine.nextStep(process.processID) == "Three")
        #expect(detail.steps.first { $0.status == .pending }?.name == "Three")
        let checkpoint = try engine.checkpoint()

        let copy = try Engine(restoring: checkpoint, clock: SteppingClock(), ids: IDGenerator(seed: 2))
        try register(copy, work: work)
        #expect(try copy.recoverInterrupted().map(\.status) == [.completed])
        #expect(try copy.stepLog(process.processID).map(\.name) == ["One", "Two", "Three", "Done"])
        #expect(work.done == ["One": 1, "Two": 1, "Three": 1])
        #expect(try engine.processes().first?.lastStatus == .running, "the checkpointed engine is untouched")
    }

    /// An engine opened on a store another registered into takes the stored products (same ids),
    /// and refuses one the store does not hold.
    @Test func aNewEngineRegistersWhatTheStoreHolds() throws {
        let store = try EngineStore(path: ":memory:")
        let first = try Engine(store: store, clock: SteppingClock(), ids: IDGenerator(seed: 1))
        let registered = try first.register(nodeProduct)
        let second = try Engine(store: store, clock: SteppingClock(), ids: IDGenerator(seed: 2))
        let stored = try second.registerStored([], products: [nodeProduct])
        #expect(stored == [registered])
        #expect(try second.product(nodeProduct.name) == registered)
        let other = Product(name: "never registered", description: "", type: "Node", tag: "NODE", workflows: [], model: NodeModel.self)
        #expect(throws: EngineError.self) { try second.registerStored([], products: [other]) }
    }

    /// Restores through `CheckpointConnections` reuse a released copy's connection: the next
    /// copy sees the checkpoint, not what the previous copy wrote, and a copy whose crash fired
    /// does not give its connection back.
    @Test func restoredCopiesReuseAConnectionAndSeeOnlyTheirCheckpoint() throws {
        let store = try EngineStore(path: ":memory:")
        let work = Work()
        let engine = try Engine(store: store, clock: SteppingClock(), ids: IDGenerator(seed: 1))
        try register(engine, work: work)
        store.observeStepBoundaries { _, position in position == 1 }
        #expect(throws: StepBoundaryStop.self) { try engine.start("three_steps", inputs: [[:]]) }
        let process = try #require(try engine.processes().first).processID
        let checkpointed = try engine.stepLog(process).map(\.name)
        let checkpoint = try engine.checkpoint()
        let connections = CheckpointConnections(keeping: 1)

        func finish() throws {
            let copy = try Engine(restoring: checkpoint, clock: SteppingClock(), ids: IDGenerator(seed: 2), connections: connections)
            try register(copy, work: work)
            #expect(try copy.stepLog(process).map(\.name) == checkpointed)
            #expect(try copy.recoverInterrupted().map(\.status) == [.completed])
            #expect(try copy.stepLog(process).map(\.name) == ["One", "Two", "Three", "Done"])
        }
        try finish()
        #expect(connections.spareCount == 1, "the released copy's connection is kept")
        try finish()
        #expect(connections.spareCount == 1)
        #expect(work.done == ["One": 1, "Two": 2, "Three": 2])

        func crash() throws {
            let copy = try Engine(restoring: checkpoint, clock: SteppingClock(), ids: IDGenerator(seed: 3), connections: connections)
            #expect(connections.spareCount == 0)
            try register(copy, work: work)
            copy.store.armCrash(atStepLogWrite: 1)
            _ = try? copy.recoverInterrupted()
            #expect(copy.store.hasCrashed)
        }
        try crash()
        #expect(connections.spareCount == 0, "a connection left read-only by a crash is dropped")
        try finish()
        #expect(try engine.stepLog(process).map(\.name) == checkpointed, "the checkpointed engine is untouched")
    }
}
