import Testing
@testable import RouterSim
import SeededRandom

/// Seeded pastes through the whole fleet path: random bytes, generated CLI lines, mutated
/// workshop texts, over-long lines and oversize pastes, into routers with and without a
/// rejected-line fault. Nothing may crash, history and its estimated size stay bounded, and
/// every rejected line gets the router's `%` answer.
@Suite struct PasteFuzzTests {
    private struct Cases {
        var fuzzer: PasteFuzzer

        mutating func randomBytes() -> String {
            let count = Int.random(in: 0...600, using: &fuzzer.random)
            return String(decoding: (0..<count).map { _ in UInt8.random(in: 0...255, using: &fuzzer.random) }, as: UTF8.self)
        }

        /// A structure-aware case: generated and mutated template lines with awkward breaks,
        /// now and then an over-long line or a line of repeated `a`s for the fault pattern.
        mutating func structured() -> String {
            var text = fuzzer.paste(lines: Int.random(in: 1...30, using: &fuzzer.random))
            if fuzzer.chance(10) { text += "\n" + String(repeating: "z", count: RouterLimits.lineBytes + Int.random(in: 0...50, using: &fuzzer.random)) }
            if fuzzer.chance(10) { text += "\r" + String(repeating: "a", count: Int.random(in: 1...300, using: &fuzzer.random)) + "!" }
            if fuzzer.chance(5) { text += String(repeating: "\r\n", count: Int.random(in: 1...5, using: &fuzzer.random)) }
            return text
        }

        mutating func next(_ number: Int) -> String {
            switch number % 3 { case 0: randomBytes(); default: structured() }
        }
    }

    @Test(arguments: [11, 12, 13] as [UInt64])
    func pastesNeverCrashStayBoundedAndAnswerEveryRejection(seed: UInt64) throws {
        let fleet = try Workshop.configuredFleet()
        try fleet.setFaults(DeviceFaults(rejectedLinePatterns: ["^(a+)+$", "^ ?isis metric 6[0-9]"]), on: "loc2-core", actor: "fuzz")
        var cases = Cases(fuzzer: PasteFuzzer(random: SplitMix64(seed: seed)))
        var rejected = 0, applied = 0
        for number in 0..<1_000 {
            let device = fleet.deviceNames[number % 4]
            let paste = cases.next(number)
            let result = try fleet.apply(paste: paste, to: device, actor: "fuzz \(seed)/\(number)")
            #expect(result.lines.count == paste.configLines.count)
            for line in result.lines {
                #expect(line.text.utf8.count <= RouterLimits.echoBytes + "…".utf8.count)
                guard case .rejected(let error) = line.outcome else {
                    if case .applied = line.outcome { applied += 1 }
                    continue
                }
                rejected += 1
                #expect(error.message.hasPrefix("% "), "seed \(seed) case \(number): '\(line.text)' got '\(error.message)'")
                #expect(line.transcript?.hasSuffix(error.message) == true)
            }
        }
        // An oversize paste is refused whole, with the router's answer.
        let oversize = String(repeating: "interface loopback 1\n", count: RouterLimits.pasteLines + 1)
        #expect(throws: RouterError.pasteTooManyLines(device: "loc1-core", lines: RouterLimits.pasteLines + 1)) {
            try fleet.apply(paste: oversize, to: "loc1-core", actor: "fuzz")
        }
        for device in fleet.deviceNames {
            #expect(fleet.history(device: device).count <= RouterLimits.historyEntriesPerRouter)
            #expect(fleet.state.withLock { $0.history.bytes(device: device) } <= RouterLimits.historyBytesPerRouter)
        }
        #expect(fleet.history().last?.sequence == fleet.state.withLock { $0.history.lastSequence })
        // Both paths must be exercised, or the test proves little.
        #expect(rejected > 3_000 && applied > 500, "rejected \(rejected), applied \(applied)")
        _ = fleet.problems()
        _ = fleet.reachability()
    }
}
