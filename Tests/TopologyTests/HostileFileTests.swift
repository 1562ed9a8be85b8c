import Foundation
import Testing
@testable import Topology
import YAMLReading

/// Second round of hostile files: a FIFO nobody writes to, and values so long that quoting
/// them would make an error message as large as the file.
@Suite struct HostileFileTests {
    @Test func aFIFOWithNoWriterReadsAsEmptyInsteadOfBlocking() throws {
        let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("orchlab-fifo-\(UUID().uuidString).yaml").path
        try #require(mkfifo(fifo, 0o600) == 0)
        defer { unlink(fifo) }
        // Before, the open itself waited for a writer forever.
        #expect(try BoundedFile.read(fifo, maximumBytes: 1_024) == "")
        let error = #expect(throws: TopologyError.self) { try TopologyLoader.load(contentsOf: fifo) }
        #expect(error?.description.contains("the file is empty") == true, "\(String(describing: error))")
    }

    @Test func errorsQuoteAtMostAShortExcerptOfAValue() throws {
        let long = String(repeating: "x", count: 100_000)
        let error = #expect(throws: TopologyError.self) { try TopologyLoader.load(yaml: long, file: "long.yaml") }
        let text = try #require(error?.description)
        #expect(text.contains("'" + String(repeating: "x", count: Excerpt.maximumCharacters) + "… (100000 characters)'"), "\(text.prefix(300))")
        #expect(text.utf8.count < 400, "\(text.utf8.count) bytes")
        #expect(Excerpt.of(String(repeating: "é", count: 60)) == String(repeating: "é", count: 60))
        #expect(Excerpt.of(String(repeating: "é", count: 61)) == String(repeating: "é", count: 60) + "… (61 characters)")
    }
}
