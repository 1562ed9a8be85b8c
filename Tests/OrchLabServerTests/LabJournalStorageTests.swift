import Foundation
import Testing
@testable import OrchLabServer
import SQLite

/// The lab journal lives in the `--db` file through its own connection, in its own tables: a
/// restart on the same file replays it, and the engine's tables never hold it.
@Suite struct LabJournalStorageTests {
    @Test func aPasteSurvivesARestartOnTheSameFileInTheLabsOwnTables() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orchlab-journal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("world.sqlite").path
        let paste = "interface loopback 7\n description survives a restart\n"
        do {
            let world = try LiveServer.makeWorld(path: path, seed: 21)
            _ = try world.labControl.paste(paste, to: "loc1-core", actor: "test")
        }
        let reopened = try LiveServer.makeWorld(path: path, seed: 22)
        #expect(try reopened.lab.fleet.runningConfig("loc1-core").render().contains("description survives a restart"))
        let file = try Database(path: path, readOnly: true)
        let journaled = try file.queryOne("SELECT count(*) FROM orchlab_lab_journal WHERE body = ?", [.text(paste)]) { $0.int(0) }
        #expect(journaled == 1)
    }
}
