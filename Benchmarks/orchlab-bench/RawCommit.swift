import CSQLite
import Foundation
import SQLite

/// The floor under the engine's per-step cost: one INSERT of a step-log row, in its own
/// transaction, straight through the system libsqlite3 — no OrchLab code, statements prepared
/// once, texts bound without copying. The table and index are the engine's own (their DDL read
/// from the engine's database) and the rows are copies of the rows a 10-step workflow logged, so
/// each commit writes as many bytes as an engine step does. The connection gets the engine's
/// settings (`Database.init`): WAL and `synchronous=NORMAL` on a file, foreign keys on, memory
/// statistics off (process-wide, already set by the engine's connections).
final class RawCommit {
    private let handle: OpaquePointer
    private let begin: OpaquePointer
    private let insert: OpaquePointer
    private let commit: OpaquePointer
    /// The rows' column texts as C strings, bound SQLITE_STATIC; freed in deinit.
    private let rows: [[UnsafeMutablePointer<CChar>]]
    private var next = 0
    /// Mean bytes of text per row (the engine's `state` JSON is most of it).
    let meanRowBytes: Double

    /// The text columns of `process_steps` the engine writes (`seq` is the rowid; `retries` is 0).
    static let columns = ["step_id", "process_id", "position", "name", "status", "state", "created_by", "started_at",
                          "completed_at", "completed_history"]

    /// - Parameters:
    ///   - path: `:memory:` or a file (created; WAL).
    ///   - engineDatabase: the engine's database, whose `process_steps` DDL and whose rows of
    ///     `processID` are copied.
    init(path: String, engineDatabase: Database, processID: String) throws {
        let ddl = try engineDatabase.query(
            "SELECT sql FROM sqlite_master WHERE tbl_name = 'process_steps' AND sql IS NOT NULL ORDER BY type DESC") { $0.string(0) }
        let texts = try engineDatabase.query(
            "SELECT \(Self.columns.joined(separator: ", ")) FROM process_steps WHERE process_id = ? ORDER BY seq",
            [.text(processID)]) { row in Self.columns.indices.map { row.string($0) } }
        guard ddl.count == 2, !texts.isEmpty else {
            throw BenchmarkFailure(message: "raw commit: expected process_steps and its index, and rows of \(processID)")
        }
        meanRowBytes = Double(texts.reduce(0) { $0 + $1.reduce(0) { $0 + $1.utf8.count } }) / Double(texts.count)
        rows = texts.map { $0.map { strdup($0)! } }

        var db: OpaquePointer?
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK,
              let db else { throw BenchmarkFailure(message: "raw commit: cannot open \(path)") }
        handle = db
        sqlite3_busy_timeout(db, 5_000)
        let pragmas = path == ":memory:" ? ["PRAGMA foreign_keys=ON"]
            : ["PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON"]
        for sql in pragmas + ddl { try Self.exec(db, sql) }
        let placeholders = Self.columns.map { _ in "?" }.joined(separator: ", ")
        begin = try Self.prepare(db, "BEGIN IMMEDIATE")
        insert = try Self.prepare(db, "INSERT INTO process_steps (\(Self.columns.joined(separator: ", ")), retries) VALUES (\(placeholders), 0)")
        commit = try Self.prepare(db, "COMMIT")
    }

    deinit {
        for statement in [begin, insert, commit] { sqlite3_finalize(statement) }
        sqlite3_close_v2(handle)
        for row in rows { for text in row { free(text) } }
    }

    /// One transaction with one INSERT of the next row.
    func once() throws {
        let row = rows[next]
        next = (next + 1) % rows.count
        try step(begin)
        for (index, text) in row.enumerated() {
            sqlite3_bind_text(insert, Int32(index + 1), text, -1, nil)
        }
        try step(insert)
        try step(commit)
    }

    private func step(_ statement: OpaquePointer) throws {
        let rc = sqlite3_step(statement)
        sqlite3_reset(statement)
        guard rc == SQLITE_DONE else { throw BenchmarkFailure(message: "raw commit: \(String(cString: sqlite3_errmsg(handle)))") }
    }

    private static func exec(_ db: OpaquePointer, _ sql: String) throws {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else {
            throw BenchmarkFailure(message: "raw commit: \(sql): \(String(cString: sqlite3_errmsg(db)))")
        }
    }

    private static func prepare(_ db: OpaquePointer, _ sql: String) throws -> OpaquePointer {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw BenchmarkFailure(message: "raw commit: \(sql): \(String(cString: sqlite3_errmsg(db)))")
        }
        return statement
    }
}
