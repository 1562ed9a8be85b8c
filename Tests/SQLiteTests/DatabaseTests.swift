import Foundation
import SQLite
import Testing

@Suite struct DatabaseTests {
    @Test func insertAndQueryRoundTrip() throws {
        let db = try Database()
        try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, score REAL, data BLOB)")
        try db.run("INSERT INTO t (name, score, data) VALUES (?, ?, ?)", ["a", 1.5, .blob([1, 2, 3])])
        try db.run("INSERT INTO t (name, score, data) VALUES (?, ?, ?)", ["b", nil, nil])
        let rows = try db.query("SELECT id, name, score, data FROM t ORDER BY id") { row in
            (row.int(0), row.string(1), row.isNull(2) ? nil : row.double(2), row.blob(3))
        }
        #expect(rows.count == 2)
        #expect(rows[0].1 == "a" && rows[0].2 == 1.5 && rows[0].3 == [1, 2, 3])
        #expect(rows[1].1 == "b" && rows[1].2 == nil && rows[1].3 == [])
    }

    @Test func failedTransactionRollsBackEverything() throws {
        let db = try Database()
        try db.execute("CREATE TABLE t (name TEXT UNIQUE)")
        try db.run("INSERT INTO t VALUES ('kept')")
        #expect(throws: SQLiteError.self) {
            try db.transaction {
                try db.run("INSERT INTO t VALUES ('lost')")
                try db.run("INSERT INTO t VALUES ('kept')")  // UNIQUE violation
            }
        }
        let names = try db.query("SELECT name FROM t") { $0.string(0) }
        #expect(names == ["kept"])
    }

    @Test func nestedTransactionFailureKeepsOuterWork() throws {
        let db = try Database()
        try db.execute("CREATE TABLE t (name TEXT)")
        try db.transaction {
            try db.run("INSERT INTO t VALUES ('outer')")
            _ = try? db.transaction {
                try db.run("INSERT INTO t VALUES ('inner')")
                throw CancellationError()
            }
        }
        #expect(try db.query("SELECT name FROM t") { $0.string(0) } == ["outer"])
    }

    @Test func fileDatabaseSurvivesReopenInWALMode() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sqlite-\(UUID().uuidString).db").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let db = try Database(path: path)
            try db.execute("CREATE TABLE t (v INTEGER)")
            try db.run("INSERT INTO t VALUES (?)", [42])
            #expect(try db.queryOne("PRAGMA journal_mode") { $0.string(0) } == "wal")
        }
        let reopened = try Database(path: path)
        #expect(try reopened.queryOne("SELECT v FROM t") { $0.int(0) } == 42)
    }

    @Test func parametersLeftOutAreNullAgainAfterAnEarlierCallBoundThem() throws {
        let db = try Database()
        try db.execute("CREATE TABLE t (a TEXT, b TEXT)")
        let insert = "INSERT INTO t VALUES (?, ?)"
        try db.run(insert, [.text("first"), .text("second")])
        try db.run(insert, [.text("only a")])
        let rows = try db.query("SELECT a, b FROM t ORDER BY rowid") { [$0.string(0), $0.optionalString(1) ?? "NULL"] }
        #expect(rows == [["first", "second"], ["only a", "NULL"]])
    }

    @Test func textParametersOfAnySizeRoundTripThroughOneCachedStatement() throws {
        let db = try Database()
        try db.execute("CREATE TABLE t (a TEXT, b TEXT)")
        let long = String(repeating: "x", count: 1_000) + "é"
        let pairs = [("", "short"), ("é😀", long), (long + long, ""), ("a", "b")]
        for (a, b) in pairs { try db.run("INSERT INTO t VALUES (?, ?)", [.text(a), .text(b)]) }
        let rows = try db.query("SELECT a, b, typeof(a) FROM t ORDER BY rowid") { [$0.string(0), $0.string(1), $0.string(2)] }
        #expect(rows == pairs.map { [$0.0, $0.1, "text"] })
        #expect(try db.queryOne("SELECT count(*) FROM t WHERE a = ?", [.text(long + long)]) { $0.int(0) } == 1)
    }

    @Test func garbageFileIsRejectedAndLeftUntouched() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("garbage-\(UUID().uuidString).db").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let garbage = Data(repeating: 0x41, count: 4096)
        try garbage.write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: SQLiteError.self) { try Database(path: path) }
        #expect(error?.isNotADatabase == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
    }

    /// The first serialization moves an in-memory database into its copy (memdb): later ones and
    /// writes in between see the same data, and cached statements still run.
    @Test func serializingTwiceAndWritingBetweenKeepsEveryRow() throws {
        let db = try Database()
        try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
        let insert = "INSERT INTO t (name) VALUES (?)"
        try db.run(insert, ["a"])
        let first = try db.serialize()
        try db.run(insert, ["b"])
        let second = try db.serialize()
        #expect(try db.query("SELECT name FROM t ORDER BY id") { $0.string(0) } == ["a", "b"])
        let copy = try Database()
        try copy.deserialize(first)
        #expect(try copy.query("SELECT name FROM t ORDER BY id") { $0.string(0) } == ["a"])
        try copy.deserialize(second)
        #expect(try copy.query("SELECT name FROM t ORDER BY id") { $0.string(0) } == ["a", "b"])
    }

    /// A checkpoint after a small write shares every piece the write left alone with the one
    /// before it, and each image still restores exactly what the database held when it was taken.
    @Test func imagesShareThePiecesAWriteLeftAlone() throws {
        let db = try Database()
        try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")
        let body = String(repeating: "x", count: 1_000)
        try db.transaction { for _ in 0..<200 { try db.run("INSERT INTO t (body) VALUES (?)", [.text(body)]) } }
        let before = try db.serialize()
        try db.run("UPDATE t SET body = 'changed' WHERE id = 100")
        let after = try db.serialize()
        let pieces = after.byteCount / 4_096
        #expect(pieces > 50)
        let shared = after.sharedPieceCount(with: before)
        #expect(shared >= pieces - 4 && shared < pieces)
        #expect(DatabaseImage(bytes: after.bytes) == after)
        let copy = try Database()
        for (image, expected) in [(before, body), (after, "changed"), (before, body)] {
            try copy.deserialize(image, keepingStatements: true)
            #expect(try copy.queryOne("SELECT body FROM t WHERE id = 100") { $0.string(0) } == expected)
            #expect(try copy.queryOne("SELECT count(*) FROM t") { $0.int(0) } == 200)
        }
    }

    /// Images restored one after another into one connection that keeps its statements: each
    /// read sees the image just restored, writes go to it, and an image whose schema changed
    /// since a statement was prepared gets that statement prepared again by SQLite.
    @Test func deserializingWhileKeepingStatementsReadsEachImage() throws {
        let db = try Database()
        try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
        let insert = "INSERT INTO t (name) VALUES (?)"
        let names = "SELECT name FROM t ORDER BY id"
        try db.run(insert, ["a"])
        let one = try db.serialize()
        try db.run(insert, ["b"])
        let two = try db.serialize()
        try db.execute("CREATE TABLE u (x INTEGER); ALTER TABLE t ADD COLUMN extra TEXT")
        try db.run("INSERT INTO t (name, extra) VALUES (?, ?)", ["c", "x"])
        let altered = try db.serialize()

        let copy = try Database()
        try copy.deserialize(two)
        #expect(try copy.query(names) { $0.string(0) } == ["a", "b"])
        try copy.deserialize(one, keepingStatements: true)
        #expect(try copy.query(names) { $0.string(0) } == ["a"])
        try copy.run(insert, ["z"])
        #expect(try copy.query(names) { $0.string(0) } == ["a", "z"])
        try copy.deserialize(two, keepingStatements: true)
        #expect(try copy.query(names) { $0.string(0) } == ["a", "b"])
        #expect(try copy.query("SELECT * FROM t ORDER BY id") { $0.columnCount } == [2, 2])
        try copy.deserialize(altered, keepingStatements: true)
        #expect(try copy.query(names) { $0.string(0) } == ["a", "b", "c"])
        #expect(try copy.query("SELECT * FROM t ORDER BY id") { $0.columnCount } == [3, 3, 3])
        try copy.deserialize(one, keepingStatements: true)
        #expect(try copy.query("SELECT * FROM t ORDER BY id") { $0.columnCount } == [2])
    }

    /// `refusesWrites` refuses what `PRAGMA query_only=ON` refuses (writes through any call, a
    /// transaction that takes the write lock) and lets reads, deferred transactions and
    /// savepoints through; turned off, the same cached statements write again.
    @Test func refusingWritesActsAsQueryOnly() throws {
        let db = try Database()
        try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
        let insert = "INSERT INTO t (name) VALUES (?)"
        try db.run(insert, ["a"])
        db.refusesWrites = true
        let refused = #expect(throws: SQLiteError.self) { try db.run(insert, ["b"]) }
        #expect(refused?.code == 8, "SQLITE_READONLY")
        #expect(throws: SQLiteError.self) { try db.execute("SELECT 1; DELETE FROM t") }
        #expect(throws: SQLiteError.self) { try db.transaction { try db.query("SELECT name FROM t") { $0.string(0) } } }
        #expect(try db.query("SELECT name FROM t") { $0.string(0) } == ["a"])
        try db.execute("BEGIN; SELECT count(*) FROM t; SAVEPOINT s; RELEASE s; COMMIT")
        db.refusesWrites = false
        try db.run(insert, ["b"])
        #expect(try db.transaction { try db.query("SELECT name FROM t ORDER BY id") { $0.string(0) } } == ["a", "b"])
    }
}
