import NetBoxSim
import Synchronization

/// `--chaos`: plays each scenario cleanly, then once per step row with the engine killed in that
/// step (and recovered from its database), and once per NetBox call with that call timing out
/// after doing its work (and the step retried). Every replay must leave NetBox exactly as the
/// clean run did, with nothing leaked; each step whose retry duplicated, leaked or lost a side
/// effect is reported as a failed assertion of the scenario, with the difference.
public struct ChaosExecutor: Sendable {
    public let executor: ScenarioExecutor
    /// Replays each fault from the checkpoint just before it (see `ChaosReference`); false
    /// replays every fault from the start: the same findings, in time that grows with the
    /// square of the scenario's length (kept to test and measure the checkpoints against).
    public var replaysFromCheckpoints = true

    public init(executor: ScenarioExecutor) {
        self.executor = executor
    }

    public var execution: ScenarioExecution {
        let chaos = self
        return { chaos.execute($0) }
    }

    public func execute(_ scenario: Scenario) -> ScenarioResult {
        let cleanRecorder = ChaosReference.Recorder()
        let clean = executor.play(scenario, injection: nil, atPoint: replaysFromCheckpoints ? cleanRecorder.record : nil)
        var result = clean.result
        guard let world = clean.world, result.error == nil else { return result }
        let baseline: SideEffects
        let injections: [ChaosInjection]
        do {
            baseline = try SideEffects(world)
            injections = try Self.injections(after: world)
        } catch {
            result.error = "chaos: cannot read the clean run's world: \(error)"
            return result
        }
        let reference = !replaysFromCheckpoints ? nil : clean.wouldRetry ? self.reference(scenario, baseline: baseline)
            : cleanRecorder.error == nil ? ChaosReference(checkpoints: cleanRecorder.checkpoints, origin: world, canStopEarly: true, neverRetried: true)
            : nil
        let findings = Mutex([ChaosFinding?](repeating: nil, count: injections.count))
        ReplayThreads.forEach(injections.count) { index in
            let finding = replay(scenario, injections[index], from: reference, against: baseline)
            findings.withLock { $0[index] = finding }
        }
        let found = findings.withLock { $0 }.compactMap { $0 }
        let kills = injections.count { $0.killAfterStep != nil }
        result.assertions.append(Self.summary(scenario, kills: kills, calls: injections.count - kills, failures: found.count))
        result.assertions += found.map { $0.assertionResult(scenario) }
        return result
    }

    /// One kill per step row the clean run wrote, one failure per NetBox call it made.
    static func injections(after world: ScenarioWorld) throws -> [ChaosInjection] {
        var result = (0..<(try world.stepRowCount())).map { ChaosInjection(killAfterStep: $0 + 1) }
        for operation in NetBoxOperation.allCases {
            let calls = world.faults.callCount(operation)
            guard calls > 0 else { continue }
            result += (1...calls).map { ChaosInjection(netboxCall: .init(operation: operation, call: $0)) }
        }
        return result
    }

    /// A run that retries as the replays do, with checkpoints; nil when it cannot be recorded
    /// (every replay then starts from the beginning).
    private func reference(_ scenario: Scenario, baseline: SideEffects) -> ChaosReference? {
        let recorder = ChaosReference.Recorder()
        let played = executor.play(scenario, injection: nil, retrying: true) { recorder.record($0, $1) }
        guard let world = played.world, recorder.error == nil, let final = try? SideEffects(world) else { return nil }
        return ChaosReference(checkpoints: recorder.checkpoints, origin: world, canStopEarly: final == baseline)
    }

    /// Replays one fault from the reference run's checkpoint just before it, stopping as soon as
    /// the replay is back on the reference run's track; from the start when there is no checkpoint.
    func replay(_ scenario: Scenario, _ injection: ChaosInjection, from reference: ChaosReference?,
                against baseline: SideEffects) -> ChaosFinding? {
        guard let reference, let checkpoint = reference.checkpoint(before: injection) else {
            return replayFromStart(scenario, injection, against: baseline)
        }
        let world: ScenarioWorld
        do {
            world = try ScenarioWorld(restoring: checkpoint.world, of: reference.origin, connections: reference.connections)
        } catch {
            return ChaosFinding(injection: injection, where: "?", difference: "cannot restore the checkpoint: \(error)")
        }
        world.arm(injection, afterRows: checkpoint.stepRows)
        var scenario = scenario
        scenario.workflows = world.catalogue.name
        let play = ScenarioPlay(scenario: scenario, world: world, injection: injection)
        if reference.canStopEarly {
            let recoveries = world.recoveries.count
            var memo = checkpoint.memo
            play.atPoint = { point in
                Self.struck(injection, world, recoveriesBefore: recoveries) && reference.rejoins(at: point, world, memo: &memo)
            }
        }
        switch checkpoint.point {
        case .action(let index): play.run(from: index, reporting: false)
        case .round(let round): play.run(resuming: round)
        case .step(let boundary): play.run(continuing: boundary)
        }
        return play.stopped ? nil : finding(injection, in: world, against: baseline)
    }

    /// Replays one fault from the beginning of the scenario, as every replay once did.
    func replayFromStart(_ scenario: Scenario, _ injection: ChaosInjection, against baseline: SideEffects) -> ChaosFinding? {
        let played = executor.play(scenario, injection: injection)
        guard let world = played.world else {
            return ChaosFinding(injection: injection, where: "?", difference: played.result.error ?? "the world could not be built")
        }
        return finding(injection, in: world, against: baseline)
    }

    private func finding(_ injection: ChaosInjection, in world: ScenarioWorld, against baseline: SideEffects) -> ChaosFinding? {
        let place = Self.place(of: injection, in: world)
        do {
            let after = try SideEffects(world)
            guard after != baseline else { return nil }
            return ChaosFinding(injection: injection, where: place, difference: baseline.difference(to: after))
        } catch {
            return ChaosFinding(injection: injection, where: place, difference: "cannot read the world: \(error)")
        }
    }

    /// Whether the fault has struck (and the play has carried on past it).
    private static func struck(_ injection: ChaosInjection, _ world: ScenarioWorld, recoveriesBefore: Int) -> Bool {
        if injection.killAfterStep != nil { return world.recoveries.count > recoveriesBefore }
        guard let call = injection.netboxCall else { return true }
        return world.faults.events.contains { $0.operation == call.operation && $0.call == call.call }
    }

    /// The process (by `as:` name) and step the fault hit.
    private static func place(of injection: ChaosInjection, in world: ScenarioWorld) -> String {
        let names = Dictionary(world.processes.compactMap { record in record.processID.map { ($0, record.name) } }) { first, _ in first }
        if injection.killAfterStep != nil {
            guard let recovery = world.recoveries.first else { return "no step (the kill point was never reached)" }
            return "\(recovery.processID.flatMap { names[$0] } ?? "?") / \(recovery.step ?? "?")"
        }
        guard let event = world.faults.events.first(where: { $0.fault == .timeout(applied: true) }) else {
            return "no step (the call was never made)"
        }
        let parts = event.actor.split(separator: "/", maxSplits: 1).map(String.init)
        return parts.count == 2 ? "\(names[parts[0]] ?? parts[0]) / \(parts[1])" : (event.actor.isEmpty ? "a start form" : event.actor)
    }

    private static func summary(_ scenario: Scenario, kills: Int, calls: Int, failures: Int) -> AssertionResult {
        let assertion = Assertion(name: "chaos: every step survives a kill and a failed NetBox call",
                                  check: .noLeakedResources, location: scenario.location)
        return AssertionResult(assertion: assertion, passed: failures == 0,
                               actual: "\(kills) engine kills and \(calls) NetBox call failures replayed; "
                                   + (failures == 0 ? "no step duplicated or leaked a side effect" : "\(failures) did"),
                               expected: "NetBox after each replay as after the clean run, nothing leaked")
    }
}

/// What a run left in NetBox that a retry could duplicate or leak, compared between runs.
struct SideEffects: Equatable {
    let netbox: String
    let leaks: [String]

    init(_ world: ScenarioWorld) throws {
        netbox = try SnapshotWriter(world: world).netboxObjects()
        leaks = try LeakFinder(world: world).leaks()
    }

    init(netbox: String, leaks: [String]) {
        self.netbox = netbox
        self.leaks = leaks
    }

    func difference(to other: SideEffects) -> String {
        var parts: [String] = []
        if netbox != other.netbox {
            parts.append(LineDiff(old: netbox, new: other.netbox).unified(oldName: "NetBox after the clean run",
                                                                          newName: "NetBox after the replay"))
        }
        let leaked = other.leaks.filter { !leaks.contains($0) }
        if !leaked.isEmpty { parts.append("leaked " + leaked.joined(separator: "; ")) }
        return parts.joined(separator: "\n")
    }
}

/// A replay whose side effects differ from the clean run's.
struct ChaosFinding {
    let injection: ChaosInjection
    let `where`: String
    let difference: String

    var fault: String {
        if let step = injection.killAfterStep { return "engine killed in step row \(step)" }
        guard let call = injection.netboxCall else { return "no fault" }
        return "NetBox \(ScenarioPlay.snakeCase(call.operation.rawValue)) call #\(call.call) timed out after applying"
    }

    func assertionResult(_ scenario: Scenario) -> AssertionResult {
        let assertion = Assertion(name: "chaos: \(`where`) (\(fault))",
                                  message: "the step's retry duplicated, leaked or lost a side effect",
                                  check: .noLeakedResources, location: scenario.location)
        return AssertionResult(assertion: assertion, passed: false, actual: difference,
                               expected: "the same NetBox objects as the clean run, nothing leaked")
    }
}
