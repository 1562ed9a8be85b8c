import Testing
@testable import RouterSim
import SeededRandom

@Suite struct BadInputTests {
    @Test func tenMegabytePasteIsRefusedWhole() throws {
        let fleet = Fleet(spec: Workshop.spec())
        let paste = String(repeating: "hostname x\n", count: 1_000_000)
        #expect(throws: RouterError.pasteTooLarge(device: "loc1-core", bytes: 11_000_000)) {
            try fleet.apply(paste: paste, to: "loc1-core", actor: "t")
        }
        #expect(try fleet.runningConfig("loc1-core").hostname == "loc1-core")
    }

    @Test func largestPasteIsHandledLineByLine() throws {
        let fleet = Fleet(spec: Workshop.spec())
        let huge = String(repeating: "x", count: 40_000)
        var lines = ["conf t", huge, "hostname survived", huge + " ipv6 address 2001:db8::1/128"]
        var filler = 0, size = lines.reduce(0) { $0 + $1.utf8.count + 1 }
        while lines.count < RouterLimits.pasteLines {
            let line = filler % 2 == 0 ? "interface loopback \(filler / 2 % 3000)" : " ipv6 address 2001:db8:\(filler % 50_000)::1/128 extra"
            guard size + line.utf8.count + 1 <= RouterLimits.pasteBytes else { break }
            lines.append(line)
            size += line.utf8.count + 1
            filler += 1
        }
        let paste = lines.joined(separator: "\n")
        #expect(lines.count == RouterLimits.pasteLines)
        let result = try fleet.apply(paste: paste, to: "loc1-core", actor: "t")
        #expect(result.lines.count == lines.count)
        #expect(result.lines[1].outcome == .rejected(LineError(kind: .lineTooLong, column: nil,
                                                               message: "% Line too long: 40000 bytes (limit 4096); line ignored.")))
        #expect(result.lines[1].text.count == RouterLimits.echoBytes + 1)
        #expect(result.lines[2].outcome == .applied(note: nil))
        #expect(result.lines[3].isRejected)
        // Interface lines past the loopback limit are rejected; the rest are all bad addresses.
        let config = try fleet.runningConfig("loc1-core")
        #expect(config.hostname == "survived")
        #expect(config.interfaces.count == Workshop.ports.count + RouterLimits.loopbacks)
        #expect(config.interfaces.values.allSatisfy { $0.ipv6.isEmpty })
        #expect(result.rejectedLines.first { $0.text.hasPrefix("interface") }?.outcome
                == .rejected(LineError(kind: .unsupported, column: 10, message: "% Maximum number of loopback interfaces (1024) reached")))
    }

    @Test func binaryGarbageIsRejectedWhereItStartsAndChangesNothing() throws {
        var random = SplitMix64(seed: 42)
        let bytes = (0..<200_000).map { _ in UInt8.random(in: 0...255, using: &random) }
        let garbage = String(decoding: bytes, as: UTF8.self)
        let fleet = Fleet(spec: Workshop.spec())
        let before = try fleet.runningConfig("loc1-core")
        let result = try fleet.apply(paste: garbage, to: "loc1-core", actor: "t")
        #expect(result.lines.count > 100)
        #expect(result.lines.allSatisfy { if case .applied = $0.outcome { false } else { true } })
        #expect(try fleet.runningConfig("loc1-core") == before)
        #expect(!result.changedConfig)

        var harness = SessionHarness()
        let error = harness.error(harness.run("hostname ab\u{7}c"))
        #expect(error == LineError(kind: .invalidCharacter, column: 11, message: "% Invalid input detected at '^' marker."))
        #expect(harness.error(harness.run("description caf\u{e9}"))?.column == 15)
    }

    @Test func deeplyRepeatedInterfaceLinesStayOneInterface() throws {
        let fleet = Fleet(spec: Workshop.spec())
        let paste = String(repeating: "interface 1/1/c2/1\ninterface loopback 0\n", count: RouterLimits.pasteLines / 2)
        let result = try fleet.apply(paste: paste, to: "loc1-core", actor: "t")
        #expect(result.isClean)
        #expect(try fleet.runningConfig("loc1-core").interfaces.count == Workshop.ports.count + 1)
    }

    @Test(arguments: [
        ("ipv6 address 2001:db8::1", LineError.Kind.invalidAddress, 24),
        ("ipv6 address 2001:db8::1/129", .invalidAddress, 25),
        ("ipv6 address 2001:db8::1/0", .invalidAddress, 25),
        ("ipv6 address 2001:db8:::1/64", .invalidAddress, 13),
        ("ipv6 address ff02::1/64", .invalidAddress, 13),
        ("ipv6 address ::/64", .invalidAddress, 13),
        ("ip address 10.0.0.1/33", .invalidAddress, 20),
        ("ip address 10.0.0.256/24", .invalidAddress, 11),
        ("ip address 10.0.0.1 255.0.255.0", .invalidAddress, 20),
        ("ip address 10.0.0.0 255.255.255.0", .invalidAddress, 11),
        ("ip address 10.0.0.255/24", .invalidAddress, 11),
        ("ip address 224.0.0.1/32", .invalidAddress, 11),
        ("ip address 10.0.0.1", .incompleteCommand, nil),
        ("isis metric 16777215", .invalidValue, 12),
        ("isis metric 10 level-3", .invalidInput, 15),
    ] as [(String, LineError.Kind, Int?)])
    func invalidArgumentsAreRejectedWithAMarker(line: String, kind: LineError.Kind, column: Int?) {
        var harness = SessionHarness()
        harness.run("conf t")
        harness.run("interface 1/1/c1/1")
        let before = harness.config
        let error = harness.error(harness.run(line))
        #expect(error?.kind == kind)
        #expect(error?.column == column)
        #expect(harness.config == before)
    }

    @Test func overlappingAddressesOnOneRouterAreRejected() {
        var harness = SessionHarness()
        for line in ["conf t", "interface loopback 0", "ipv6 address 2001:db8::/64", "ip address 10.0.0.1/24", "interface 1/1/c1/1"] { harness.run(line) }
        #expect(harness.error(harness.run("ipv6 address 2001:db8::5/126"))?.message == "% 2001:db8::4/126 overlaps with 2001:db8::/64 on loopback0")
        #expect(harness.error(harness.run("ip address 10.0.0.9/30"))?.message == "% 10.0.0.8 overlaps with loopback0")
        #expect(harness.config.interfaces["1/1/c1/1"]?.ipv6.isEmpty == true)
    }
}
