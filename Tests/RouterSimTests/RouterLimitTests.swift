import Testing
@testable import RouterSim

/// Each bound in `RouterLimits`: just under it works, just over it gives a clear error.
@Suite struct RouterLimitTests {
    /// A paste of exactly `bytes` bytes in `lines` lines of comments.
    private func paste(bytes: Int, lines: Int) -> String {
        let perLine = bytes / lines
        var text = (0..<lines - 1).map { _ in "!" + String(repeating: "x", count: perLine - 2) }.joined(separator: "\n")
        text += "\n!" + String(repeating: "x", count: bytes - text.utf8.count - 2)
        return text
    }

    @Test func pasteBytesLimit() throws {
        let fleet = Fleet(spec: Workshop.spec())
        let atLimit = paste(bytes: RouterLimits.pasteBytes, lines: 200)
        #expect(atLimit.utf8.count == RouterLimits.pasteBytes)
        #expect(try fleet.apply(paste: atLimit, to: "loc1-core", actor: "t").lines.count == 200)
        let over = atLimit + "x"
        let error = RouterError.pasteTooLarge(device: "loc1-core", bytes: RouterLimits.pasteBytes + 1)
        #expect(throws: error) { try fleet.apply(paste: over, to: "loc1-core", actor: "t") }
        #expect(throws: error) { try Fleet.checkPaste(over, device: "loc1-core") }
        #expect(error.description == "% loc1-core refused the paste: 524289 bytes (limit 524288); nothing was applied")
        // The refusal is history, without the paste.
        #expect(fleet.history(device: "loc1-core").last?.event == .refused(lines: [], error: error))
    }

    @Test func pasteLinesLimit() throws {
        let fleet = Fleet(spec: Workshop.spec())
        let lines = (0..<RouterLimits.pasteLines).map { "interface loopback \($0 % 3)" }
        let result = try fleet.apply(paste: lines.joined(separator: "\n"), to: "loc1-core", actor: "t")
        #expect(result.lines.count == RouterLimits.pasteLines && result.isClean)
        let over = (lines + ["hostname over"]).joined(separator: "\r\n")
        #expect(throws: RouterError.pasteTooManyLines(device: "loc1-core", lines: RouterLimits.pasteLines + 1)) {
            try fleet.apply(paste: over, to: "loc1-core", actor: "t")
        }
        #expect(try fleet.runningConfig("loc1-core").hostname == "loc1-core")
        #expect(RouterError.pasteTooManyLines(device: "r", lines: 10_001).description
                == "% r refused the paste: 10001 lines (limit 10000); nothing was applied")
    }

    @Test func echoIsCutByBytesOnACharacterBoundary() throws {
        let fleet = Fleet(spec: Workshop.spec())
        // One character made of thousands of scalars: a character count would echo all of it.
        let combining = "hostname e" + String(repeating: "\u{301}", count: 1_500)
        let multibyte = String(repeating: "é", count: 1_000)
        let result = try fleet.apply(paste: combining + "\n" + multibyte, to: "loc1-core", actor: "t")
        for line in result.lines {
            #expect(line.isRejected)
            #expect(line.text.hasSuffix("…"))
            #expect(line.text.utf8.count <= RouterLimits.echoBytes + "…".utf8.count)
        }
        #expect(result.lines[1].text == String(repeating: "é", count: RouterLimits.echoBytes / 2) + "…")
        #expect(ConfigSession.echo(Substring(String(repeating: "a", count: RouterLimits.echoBytes))) == String(repeating: "a", count: RouterLimits.echoBytes))
    }

    @Test func historyKeepsTheNewestEntriesPerRouter() throws {
        let fleet = Fleet(spec: Workshop.spec())
        let total = RouterLimits.historyEntriesPerRouter + 25
        for round in 1...total { _ = try fleet.apply(paste: "hostname r\(round)\n", to: "loc1-core", actor: "t") }
        _ = try fleet.apply(paste: "hostname other\n", to: "loc2-core", actor: "t")
        let kept = fleet.history(device: "loc1-core")
        #expect(kept.count == RouterLimits.historyEntriesPerRouter)
        #expect(kept.map(\.sequence) == Array(26...total))
        #expect(fleet.history(device: "loc2-core").map(\.sequence) == [total + 1])
        #expect(fleet.history().map(\.sequence) == Array(26...total + 1))
        // The running config is state, not history: nothing of it is lost.
        #expect(try fleet.runningConfig("loc1-core").hostname == "r\(total)")
    }

    @Test func historyBytesStayWithinTheBudget() throws {
        let fleet = Fleet(spec: Workshop.spec())
        // The largest pastes of rejected lines the fleet accepts.
        let line = "bogus " + String(repeating: "y", count: 40)
        let big = Array(repeating: line, count: RouterLimits.pasteLines).joined(separator: "\n")
        var sizes: [Int] = []
        for _ in 0..<6 {
            let result = try fleet.apply(paste: big, to: "loc1-core", actor: "t")
            #expect(result.rejectedLines.count == RouterLimits.pasteLines)
            sizes.append(fleet.state.withLock { $0.history.bytes(device: "loc1-core") })
        }
        #expect(sizes.allSatisfy { $0 <= RouterLimits.historyBytesPerRouter }, "\(sizes)")
        #expect(fleet.history(device: "loc1-core").count < 6)
        #expect(fleet.history(device: "loc1-core").last?.sequence == 6)
    }

    @Test func aSingleEntryOverTheByteBudgetIsKeptAlone() {
        var log = HistoryLog()
        let huge = String(repeating: "d", count: RouterLimits.historyBytesPerRouter)
        _ = log.append(device: "r", time: .zero, actor: "t", .reloaded(diff: "small"))
        _ = log.append(device: "r", time: .zero, actor: "t", .reloaded(diff: huge))
        #expect(log.entries(device: "r").map(\.sequence) == [2])
        _ = log.append(device: "r", time: .zero, actor: "t", .reloaded(diff: "small"))
        #expect(log.entries(device: "r").map(\.sequence) == [3])
    }

    @Test func fleetWideHistoryIsBounded() throws {
        let fleet = Fleet(spec: Workshop.spec())
        let link = Workshop.spec().links[0]
        let toggles = RouterLimits.fleetHistoryEntries + 10
        for round in 0..<toggles { try fleet.setLink(link, up: round % 2 == 1, actor: "chaos") }
        let linkEvents = fleet.history().filter { $0.device == nil }
        #expect(linkEvents.count == RouterLimits.fleetHistoryEntries)
        #expect(linkEvents.first?.sequence == 11)
    }

    @Test func ipv6AddressesPerInterface() throws {
        let fleet = Fleet(spec: Workshop.spec())
        let addresses = (1...RouterLimits.ipv6AddressesPerInterface + 1).map { " ipv6 address 2001:db8:\($0)::1/64" }
        let result = try fleet.apply(paste: (["interface loopback 1"] + addresses).joined(separator: "\n"), to: "loc1-core", actor: "t")
        #expect(result.rejectedLines.map(\.number) == [RouterLimits.ipv6AddressesPerInterface + 2])
        #expect(result.rejectedLines.first?.outcome == .rejected(LineError(kind: .unsupported, column: 14,
                                                                           message: "% Maximum number of IPv6 addresses (32) on loopback1 reached")))
        #expect(try fleet.runningConfig("loc1-core").interfaces["loopback1"]?.ipv6.count == RouterLimits.ipv6AddressesPerInterface)
        // Re-adding an address already there is not a new address.
        #expect(try fleet.apply(paste: "interface loopback 1\n" + addresses[0], to: "loc1-core", actor: "t").isClean)
    }
}
