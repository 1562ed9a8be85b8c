import Foundation
import Testing
import OrchLabServer
import SQLite

@Suite struct WriterLockTests {
    @Test func aSecondWorldOnTheSameFileIsRefusedUntilTheFirstIsGone() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orchlab-lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("world.sqlite").path

        var first: OrchLabWorld? = try LiveServer.makeWorld(path: path)
        #expect(first != nil)
        let refusal = #expect(throws: DatabaseInUseError.self) { try LiveServer.makeWorld(path: path) }
        #expect(refusal?.holder == getpid())
        #expect(refusal?.description.contains(path) == true)
        #expect(refusal?.description.contains("pid \(getpid())") == true)
        // The refused world opened nothing: the first one still works on an intact file.
        #expect(try first?.engine.processes().isEmpty == true)
        first = nil
        let second = try LiveServer.makeWorld(path: path)
        #expect(second.lab.netbox.changeCount == 0)
        // A different file is independent.
        _ = try LiveServer.makeWorld(path: directory.appendingPathComponent("other.sqlite").path)
    }

    @Test func anUnusableLockDirectoryIsAClearError() {
        let error = #expect(throws: DatabaseInUseError.self) { try WriterLock(databasePath: "/nonexistent-dir-\(UUID().uuidString)/w.sqlite") }
        #expect(error?.description.contains("cannot open the lock file") == true)
    }
}
