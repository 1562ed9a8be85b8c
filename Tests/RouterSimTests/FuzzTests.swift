import Testing
@testable import RouterSim
import SeededRandom

@Suite struct FuzzTests {
    /// Thousands of generated and mutated pastes: nothing crashes, a rejected line never changes
    /// the config or the mode, and whatever state results renders to text that parses back to
    /// the same model (render(parse(render(m))) == render(m)).
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func sessionsSurviveGeneratedAndMutatedPastes(seed: UInt64) {
        var fuzzer = PasteFuzzer(random: SplitMix64(seed: seed))
        var applied = 0, rejected = 0
        for round in 0..<500 {
            var harness = SessionHarness()
            let paste = fuzzer.paste(lines: 1 + round % 40)
            let (outcomes, violations) = harness.runCheckingRejections(paste)
            #expect(violations.isEmpty, "seed \(seed) round \(round): rejected lines changed state: \(violations)")
            applied += outcomes.filter { if case .applied = $0 { true } else { false } }.count
            rejected += outcomes.filter(\.isRejection).count

            let rendered = harness.config.render()
            var replay = SessionHarness()
            let (replayed, _) = replay.runCheckingRejections(rendered)
            let replayRejections = replayed.filter(\.isRejection)
            #expect(replayRejections.isEmpty, "seed \(seed) round \(round): rendered config has a rejected line:\n\(rendered)")
            #expect(replay.config == harness.config, "seed \(seed) round \(round): model differs after round trip")
            #expect(replay.config.render() == rendered)
        }
        // The generator must exercise both paths, or the test proves little.
        #expect(applied > 1_000 && rejected > 1_000)
    }

    /// The network model copes with whatever configs the fuzzer leaves on a whole fleet.
    @Test func networkModelCopesWithFuzzedFleets() throws {
        var fuzzer = PasteFuzzer(random: SplitMix64(seed: 99))
        for round in 0..<40 {
            let fleet = try Workshop.configuredFleet()
            for device in fleet.deviceNames {
                let result = try fleet.apply(paste: fuzzer.paste(lines: 30), to: device, actor: "fuzz \(round)")
                #expect(result.lines.map(\.number) == Array(1...result.lines.count))
            }
            let matrix = fleet.reachability()
            #expect(matrix.devices.count == 4)
            for device in fleet.deviceNames {
                for route in try fleet.routes(on: device) { #expect(!route.nextHops.isEmpty) }
                for text in ["show ipv6 route", "show isis database", "show isis neighbors", "show ipv6 interface brief", "show interfaces status"] {
                    let output = try fleet.show(device, text)
                    #expect(!output.isEmpty)
                }
            }
            for path in try fleet.path(from: "loc1-core", to: "loc4-core") {
                #expect(path.devices.first == "loc1-core" && path.devices.last == "loc4-core")
                #expect(path.cost == path.hops.reduce(0) { $0 + UInt64($1.metric) })
            }
            _ = fleet.problems()
        }
    }
}
