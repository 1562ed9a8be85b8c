import Testing
@testable import RouterSim
import SeededRandom

/// Rejected-line patterns run under a linear-time matcher; what it cannot run is refused.
@Suite struct FaultPatternTests {
    /// Lines from the workshop's templates and some awkward ones.
    private static let lines: [String] = {
        let templates = Workshop.node("loc1-core", ipv4: "10.0.0.1/32", ipv6: "2001:db8::1/128") + "\n"
            + Workshop.circuit("loc1-core", port: "1/1/c2/1", farNode: "loc2-core", farPort: "1/1/c1/1", address: "2001:db8:10::/127", metric: 15_000_000)
        return templates.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            + ["", " ", "a\nb", "a\rb", "a\u{0B}b", "a\u{0C}b", "a\u{85}b", "a\u{2028}b", "a\tb", "a\u{A0}b", "a\u{3000}b", "aaaa", "aaaab", "ab", "abab", "x{2}", "a{", "tab\there", "hostname (x", "café", "[x]", "a|b", "{3,1}"]
    }()

    /// Ordinary patterns behave exactly as Swift's regex engine (the matcher they replace).
    @Test(arguments: [
        "^ ?ipv6 address", "net 49\\.0001", "^ description", "^ isis", "^ipv6 address", "metric [0-9]+$", "^interface (loopback|1/1/c[0-9]/1)$",
        "^\\s*!", "\\d{1,3}\\.\\d{1,3}", "^(a+)+$", "a{2,3}b", "^$", "^.$", "(ab)*$", "x{2}", "[^a-z ]", "[a-]", "^\\S+$", "\\w+-core",
        "isis ipv6 metric 1[05]", "a|b|c", "(?:net|metric) ", "(?<word>ipv6) (address|router)", "\\x41|\\t", "^ *exit-address-family$",
        "re.*ute", "a??b", "a*?", "[\\d.]+/32", "\\(", "café", "e$|^c", "(a|)+b", "(|x)y", "^(a?){3}a{3}$", "^a{,2}b", "a.b",
    ])
    func matchesLikeSwiftRegex(pattern: String) throws {
        let compiled = try FaultPattern(pattern)
        #expect(!compiled.isLiteral)
        let regex = try Regex(pattern)
        for line in Self.lines {
            #expect(compiled.matches(line) == line.contains(regex), "'\(pattern)' on '\(line)'")
        }
    }

    @Test func catastrophicPatternCostsLinearSteps() throws {
        let rule = try #require(try LineRejectionRule(["^(a+)+$"]))
        let instructions = try FaultPattern("^(a+)+$").instructionCount
        for length in [18, 1_000, RouterLimits.lineBytes] {
            var matcher = rule.matcher()
            let line = Substring(String(repeating: "a", count: length - 1) + "!")
            let first = matcher.matches(line)
            #expect(first == false && matcher.steps <= (length + 1) * (2 * instructions + 1), "\(length): \(matcher.steps) steps")
            // The paste's next line reuses the states the first one built: one step a character.
            let before = matcher.steps
            let second = matcher.matches(line)
            #expect(second == false && matcher.steps - before <= length + 2 * instructions + 1, "\(length): \(matcher.steps - before) steps")
        }
        var matcher = rule.matcher()
        let full = matcher.matches(Substring(String(repeating: "a", count: RouterLimits.lineBytes)))
        #expect(full == true)
    }

    /// A pattern whose DFA has more states than the cache holds: the cache starts afresh,
    /// answers stay right and the cost stays within the bound.
    @Test func stateHungryPatternStaysRightAndBounded() throws {
        let pattern = "(a|b)*a(a|b){10}$"
        let rule = try #require(try LineRejectionRule([pattern]))
        let instructions = try FaultPattern(pattern).instructionCount
        let regex = try Regex(pattern)
        var random = SplitMix64(seed: 7)
        var matcher = rule.matcher()
        for round in 0..<40 {
            let length = round == 0 ? RouterLimits.lineBytes : Int.random(in: 0...300, using: &random)
            let line = String((0..<length).map { _ in Bool.random(using: &random) ? "a" : "b" })
            let before = matcher.steps
            let matched = matcher.matches(Substring(line))
            #expect(matcher.steps - before <= (length + 1) * (2 * instructions + 1))
            if round > 0 { #expect(matched == line.contains(regex), "'\(line)'") }
        }
    }

    /// A pattern built to defeat the cache, on a paste built to keep hundreds of threads alive:
    /// past the per-paste budget the rest of the paste is rejected unchecked (failing closed).
    @Test func adversarialPasteStopsAtTheStepBudget() throws {
        let pattern = "(a|b)*a(a|b){100}$"
        let rule = try #require(try LineRejectionRule([pattern]))
        let instructions = try FaultPattern(pattern).instructionCount
        var random = SplitMix64(seed: 3)
        let lines = (0..<127).map { _ in Substring(String((0..<4095).map { _ in Bool.random(using: &random) ? "a" : "b" })) }
        var matcher = rule.matcher()
        var verdicts: [Bool?] = []
        for line in lines { verdicts.append(matcher.matches(line)) }
        let undecided = try #require(verdicts.firstIndex { $0 == nil })
        #expect(undecided > 0 && verdicts[undecided...].allSatisfy { $0 == nil })
        #expect(matcher.steps <= RouterLimits.faultPatternStepsPerPaste + 2 * instructions + 2)

        let fleet = Fleet(spec: Workshop.spec())
        try fleet.setFaults(DeviceFaults(rejectedLinePatterns: [pattern]), on: "loc1-core", actor: "chaos")
        let result = try fleet.apply(paste: lines.joined(separator: "\n") + "\nhostname late", to: "loc1-core", actor: "t")
        #expect(result.lines.last?.outcome == .rejected(LineRejectionRule.budgetError))
        #expect(try fleet.runningConfig("loc1-core").hostname == "loc1-core")
        // The next paste has a budget of its own.
        #expect(try fleet.apply(paste: "hostname next", to: "loc1-core", actor: "t").isClean)
    }

    @Test func theReproductionPasteIsCheapThroughTheFleet() throws {
        let fleet = Fleet(spec: Workshop.spec())
        try fleet.setFaults(DeviceFaults(rejectedLinePatterns: ["^(a+)+$"]), on: "loc1-core", actor: "chaos")
        let result = try fleet.apply(paste: String(repeating: "a", count: 17) + "!\n" + String(repeating: "a", count: 30), to: "loc1-core", actor: "t")
        #expect(result.lines.map(\.outcome) == [.rejected(.invalidInput(at: 0)), .rejected(LineRejectionRule.error)])
    }

    @Test func plainTextFallbackForWhatIsNoRegularExpression() throws {
        let pattern = try FaultPattern("hostname (")
        #expect(pattern.isLiteral)
        #expect(pattern.matches("hostname (x") && !pattern.matches("hostname x"))
        #expect(try FaultPattern("a{2").matches("xa{2y"))
    }

    @Test(arguments: [
        ("(a)\\1", "backreferences (\\1, \\k<name>) are not supported"),
        ("(?=x)y", "lookahead (?=…) is not supported"),
        ("(?!x)y", "negative lookahead (?!…) is not supported"),
        ("(?<=x)y", "lookbehind (?<=…) is not supported"),
        ("(?i)net", "inline options and other (?…) groups are not supported"),
        ("a++", "possessive quantifiers (*+, ++, ?+) are not supported"),
        ("\\bnet\\b", "word boundaries (\\b, \\B) are not supported"),
        ("a{101}", "repetition counts above 100 are not supported"),
        ("[[:alpha:]]", "POSIX classes ([:alpha:]) are not supported"),
        ("(a{100}){100}", "the pattern compiles to more than 1000 matcher instructions; use fewer or smaller {m,n} repetitions"),
    ])
    func unsupportedRegularExpressionsAreRefused(pattern: String, reason: String) {
        #expect(throws: FaultPatternError(pattern: pattern, reason: reason)) { try FaultPattern(pattern) }
    }

    @Test func patternLengthLimit() throws {
        let atLimit = String(repeating: "a", count: RouterLimits.faultPatternBytes)
        #expect(try FaultPattern(atLimit).matches(atLimit))
        let over = atLimit + "a"
        let error = FaultPatternError(pattern: over, reason: "is 257 bytes long (limit 256)")
        #expect(throws: error) { try FaultPattern(over) }
        #expect(error.description == "rejected-line pattern '\(String(repeating: "a", count: 60))…' is 257 bytes long (limit 256)")
        #expect(throws: FaultPatternError(pattern: "", reason: "is empty (it would reject every line)")) { try FaultPattern("") }
    }

    @Test func theFleetRefusesBadPatternsAndKeepsItsFaults() throws {
        let fleet = Fleet(spec: Workshop.spec())
        try fleet.setFaults(DeviceFaults(delay: .seconds(1), rejectedLinePatterns: ["^ isis"]), on: "loc1-core", actor: "chaos")
        let before = fleet.history().count
        let bad = DeviceFaults(rejectedLinePatterns: ["^ isis", "(x)\\1"])
        let error = RouterError.invalidFaultPattern(device: "loc1-core", FaultPatternError(pattern: "(x)\\1", reason: "backreferences (\\1, \\k<name>) are not supported"))
        #expect(throws: error) { try fleet.setFaults(bad, on: "loc1-core", actor: "chaos") }
        #expect(error.description == "loc1-core: rejected-line pattern '(x)\\1' is refused: backreferences (\\1, \\k<name>) are not supported")
        #expect(throws: FaultPatternError.self) { try bad.checkPatterns() }
        #expect(try fleet.faults("loc1-core").rejectedLinePatterns == ["^ isis"])
        #expect(fleet.history().count == before)
        #expect(try fleet.apply(paste: " isis metric 5\n", to: "loc1-core", actor: "t").rejectedLines.first?.outcome == .rejected(LineRejectionRule.error))
    }

    @Test func patternCountAndSharedInstructionBudget() throws {
        let fleet = Fleet(spec: Workshop.spec())
        let patterns = (0..<RouterLimits.faultPatternsPerDevice).map { "line \($0)$" }
        try fleet.setFaults(DeviceFaults(rejectedLinePatterns: patterns), on: "loc1-core", actor: "chaos")
        #expect(try fleet.apply(paste: "line 31\nline 32\n", to: "loc1-core", actor: "t").rejectedLines.map(\.outcome)
                == [.rejected(LineRejectionRule.error), .rejected(.invalidInput(at: 0))])
        #expect(throws: RouterError.self) {
            try fleet.setFaults(DeviceFaults(rejectedLinePatterns: patterns + ["one more"]), on: "loc1-core", actor: "chaos")
        }
        // Each pattern fits on its own; together they exceed the device's instruction budget.
        let large = String(repeating: "x{100}", count: 8)
        #expect(try FaultPattern(large).instructionCount <= RouterLimits.faultPatternInstructions)
        #expect(throws: FaultPatternError.self) { try LineRejectionRule([large, large, large]) }
    }
}
