import CSQLite
import Foundation

/// A connection to one SQLite database (a file, or `:memory:`), through the system libsqlite3.
///
/// Every public call takes the connection's recursive lock, so one `Database` may be shared across
/// tasks; `transaction` holds the lock for its whole body so no other caller interleaves statements.
/// Prepared statements are cached by SQL text because the engine and NetBox run the same few
/// statements millions of times.
public final class Database: @unchecked Sendable {
    public let path: String
    let handle: OpaquePointer
    private let lock = NSRecursiveLock()
    private var statementCache: [String: Statement] = [:]
    /// The same statements by the address of their SQL's bytes. Most SQL is a string literal,
    /// whose bytes never move, so a lookup here hashes one pointer instead of the whole text; a
    /// hit still counts only if the text is equal (which is a pointer comparison for a literal).
    private var statementsByAddress: [UnsafeRawPointer: Statement] = [:]
    private var transactionDepth = 0
    private var rollbacks = 0
    private var observer: (@Sendable (String) -> Void)?
    private var refusing = false
    /// The image this connection last gave out or loaded, which the next one shares pieces with.
    private var lastImage: DatabaseImage?

    /// Called with each statement's SQL just before this connection runs it. Crash tests use it to
    /// kill the process at a chosen statement; nil (the default) costs one branch per statement.
    public var statementObserver: (@Sendable (String) -> Void)? {
        get { lock.lock(); defer { lock.unlock() }; return observer }
        set { lock.lock(); defer { lock.unlock() }; observer = newValue }
    }

    /// While true, each statement that would write (or take the write lock: `BEGIN IMMEDIATE`)
    /// fails with SQLITE_READONLY, as under `PRAGMA query_only=ON`, and nothing else changes.
    /// Setting that pragma instead expires every prepared statement, both ways: a chaos run,
    /// which kills an engine this way in every other replay, prepared them all again each time.
    public var refusesWrites: Bool {
        get { lock.lock(); defer { lock.unlock() }; return refusing }
        set { lock.lock(); defer { lock.unlock() }; refusing = newValue }
    }

    /// Opens (creating if needed) the database. A file database is put in WAL mode with
    /// `synchronous=NORMAL`, which is durable across process crashes (the case the engine guards).
    public init(path: String = ":memory:", readOnly: Bool = false) throws(SQLiteError) {
        self.path = path
        var db: OpaquePointer?
        let flags = readOnly
            ? SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
            : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        _ = sqliteConfigured
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let db { sqlite3_close_v2(db) }
            throw SQLiteError(code: rc, message: message, sql: nil, path: path)
        }
        handle = db
        sqlite3_busy_timeout(db, 5_000)
        do {
            // Reading the schema catches a file that is not a database before anything is written.
            try execute("SELECT count(*) FROM sqlite_master")
            if path != ":memory:" && !path.isEmpty && !readOnly {
                try execute("PRAGMA journal_mode=WAL")
                try execute("PRAGMA synchronous=NORMAL")
            }
            try execute("PRAGMA foreign_keys=ON")
        } catch {
            sqlite3_close_v2(db)
            throw error
        }
    }

    deinit {
        statementsByAddress.removeAll()
        statementCache.removeAll()
        sqlite3_close_v2(handle)
    }

    public var isInMemory: Bool { path == ":memory:" || path.isEmpty }

    /// Runs one or more statements that return no rows.
    public func execute(_ sql: String) throws(SQLiteError) {
        lock.lock(); defer { lock.unlock() }
        observer?(sql)
        if refusing && writes(sql) { throw refusal(sql) }
        var errorMessage: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        if rc != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(errorMessage)
            throw SQLiteError(code: rc, message: message, sql: sql, path: path)
        }
    }

    /// Runs a statement with bound parameters and returns the number of changed rows.
    @discardableResult
    public func run(_ sql: String, _ parameters: [SQLValue] = []) throws(SQLiteError) -> Int {
        lock.lock(); defer { lock.unlock() }
        let statement = try prepared(sql)
        defer { statement.reset() }
        try statement.bind(parameters)
        while try statement.step() {}
        return Int(sqlite3_changes(handle))
    }

    /// Runs a query and maps each row.
    public func query<T>(_ sql: String, _ parameters: [SQLValue] = [], _ map: (Row) throws -> T) throws -> [T] {
        lock.lock(); defer { lock.unlock() }
        let statement = try prepared(sql)
        defer { statement.reset() }
        try statement.bind(parameters)
        var result: [T] = []
        while try statement.step() {
            result.append(try map(Row(statement: statement)))
        }
        return result
    }

    /// The first row of a query, mapped, or nil.
    public func queryOne<T>(_ sql: String, _ parameters: [SQLValue] = [], _ map: (Row) throws -> T) throws -> T? {
        lock.lock(); defer { lock.unlock() }
        let statement = try prepared(sql)
        defer { statement.reset() }
        try statement.bind(parameters)
        guard try statement.step() else { return nil }
        return try map(Row(statement: statement))
    }

    public var lastInsertRowID: Int64 {
        lock.lock(); defer { lock.unlock() }
        return sqlite3_last_insert_rowid(handle)
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    /// Nested calls become savepoints, so a failing inner block does not undo the outer one.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        lock.lock(); defer { lock.unlock() }
        let depth = transactionDepth
        let savepoint = "sp\(depth)"
        // Through `run`, so BEGIN/COMMIT are cached prepared statements: the engine opens one
        // transaction per step and re-parsing them showed up in its per-step overhead.
        try run(depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT \(savepoint)")
        transactionDepth += 1
        do {
            let value = try body()
            transactionDepth -= 1
            try run(depth == 0 ? "COMMIT" : "RELEASE \(savepoint)")
            return value
        } catch {
            transactionDepth -= 1
            rollbacks += 1
            if depth == 0 {
                _ = try? run("ROLLBACK")
            } else {
                _ = try? run("ROLLBACK TO \(savepoint)")
                _ = try? run("RELEASE \(savepoint)")
            }
            throw error
        }
    }

    /// How many transactions or savepoints `transaction` has rolled back. Caches of what was
    /// written compare it to drop entries a rollback may have undone.
    public var rollbackCount: Int {
        lock.lock(); defer { lock.unlock() }
        return rollbacks
    }

    public var isInTransaction: Bool {
        lock.lock(); defer { lock.unlock() }
        return transactionDepth > 0
    }

    private func prepared(_ sql: String) throws(SQLiteError) -> Statement {
        observer?(sql)
        let statement = try cached(sql)
        if refusing && statement.writes { throw refusal(sql) }
        return statement
    }

    /// The error SQLite gives a write under `PRAGMA query_only=ON`.
    private func refusal(_ sql: String) -> SQLiteError {
        SQLiteError(code: SQLITE_READONLY, message: "attempt to write a readonly database", sql: sql, path: path)
    }

    /// Whether any statement of `sql` would write; one that does not prepare is left for
    /// `sqlite3_exec` to report.
    private func writes(_ sql: String) -> Bool {
        sql.withCString { start in
            var tail: UnsafePointer<CChar>? = start
            while let current = tail, current.pointee != 0 {
                var statement: OpaquePointer?
                guard sqlite3_prepare_v2(handle, current, -1, &statement, &tail) == SQLITE_OK else { return false }
                guard let statement else { continue }
                defer { sqlite3_finalize(statement) }
                if Statement.writes(statement) { return true }
            }
            return false
        }
    }

    private func cached(_ sql: String) throws(SQLiteError) -> Statement {
        let address = sql.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
        if let address, let cached = statementsByAddress[address], cached.sql == sql { return cached }
        let statement: Statement
        if let cached = statementCache[sql] {
            statement = cached
        } else {
            statement = try Statement(database: self, sql: sql)
            statementCache[sql] = statement
        }
        if let address {
            // Built SQL lives at changing heap addresses; keep the map from growing with them.
            if statementsByAddress.count >= 1_024 { statementsByAddress.removeAll(keepingCapacity: true) }
            statementsByAddress[address] = statement
        }
        return statement
    }
}

/// Process-wide SQLite settings, applied once before the first connection opens (sqlite3_config
/// is refused after SQLite initialises). Turning off memory statistics removes a global mutex from
/// every SQLite allocation, a measurable part of the engine's per-step cost.
private let sqliteConfigured: Void = {
    _ = orchlab_sqlite3_disable_memstatus()
}()

extension Database {
    /// The whole `main` database (SQLite's own file format), e.g. to checkpoint an in-memory
    /// database and open copies of it later. Refused inside a transaction, whose half-written
    /// pages would be copied. Pieces equal to those of the image this connection last gave out or
    /// loaded are shared with it, not copied (see `DatabaseImage`); the connection keeps that one
    /// image for the purpose.
    ///
    /// An in-memory database is moved into the copy it gets (SQLite's `memdb`, the form
    /// `deserialize` gives) at its first serialization: later ones then read its one buffer
    /// instead of the database page by page, which a chaos run checkpointing at every step felt.
    /// Cached statements are prepared again once, as after `deserialize`.
    public func serialize() throws(SQLiteError) -> DatabaseImage {
        lock.lock(); defer { lock.unlock() }
        guard transactionDepth == 0 else {
            throw SQLiteError(code: SQLITE_MISUSE, message: "cannot serialize inside a transaction", sql: nil, path: path)
        }
        var size: sqlite3_int64 = 0
        if let buffer = sqlite3_serialize(handle, "main", &size, UInt32(SQLITE_SERIALIZE_NOCOPY)) {
            let image = DatabaseImage(copying: buffer, count: Int(size), sharingWith: lastImage)
            lastImage = image
            return image
        }
        guard let bytes = sqlite3_serialize(handle, "main", &size, 0) else {
            throw SQLiteError(code: SQLITE_NOMEM, message: "cannot serialize the database", sql: nil, path: path)
        }
        let image = DatabaseImage(copying: bytes, count: Int(size), sharingWith: lastImage)
        if isInMemory {
            try adopt(bytes, size: size)
        } else {
            sqlite3_free(bytes)
        }
        lastImage = image
        return image
    }

    /// Replaces an in-memory database's contents with bytes from `serialize()`. Cached
    /// statements are dropped: they were prepared against the old schema.
    ///
    /// `keepingStatements` keeps them and the parsed schema, for an image of a database with
    /// this one's schema (a checkpoint of the same kind of database, restored into a connection
    /// kept for the purpose): `sqlite3_deserialize` expires every statement, and preparing them
    /// again, with the schema parse that takes, cost more than the rest of such a restore. See
    /// `overwrite(with:)`; a database not in `memdb` yet is deserialized as without it.
    public func deserialize(_ image: DatabaseImage, keepingStatements: Bool = false) throws(SQLiteError) {
        lock.lock(); defer { lock.unlock() }
        guard isInMemory, transactionDepth == 0 else {
            throw SQLiteError(code: SQLITE_MISUSE, message: "only an idle in-memory database can be replaced", sql: nil, path: path)
        }
        lastImage = image
        if keepingStatements, try overwrite(with: image) { return }
        guard let buffer = sqlite3_malloc64(sqlite3_uint64(max(1, image.byteCount)))?.assumingMemoryBound(to: UInt8.self) else {
            throw SQLiteError(code: SQLITE_NOMEM, message: "cannot allocate \(image.byteCount) bytes", sql: nil, path: path)
        }
        image.copy(into: buffer)
        try adopt(buffer, size: sqlite3_int64(image.byteCount), keepingStatements: keepingStatements)
    }

    /// Writes `image` over the `memdb` file this database lives in, as another connection
    /// writing a shared database file would, and gives it a file change counter one past the
    /// current one. SQLite's own check for other writers then applies: at the next read the
    /// pager sees a counter it has not seen and drops its cached pages, and each statement
    /// compares its schema cookie with the image's and is prepared again only if they differ.
    /// So only an image of an unrelated database that happens to carry this one's schema
    /// cookie must not come here. False (nothing done) when the database is not in `memdb`.
    /// Under the lock, outside a transaction, with every cached statement reset (as `run` and
    /// `query` leave them), so the pager holds no lock.
    private func overwrite(with image: DatabaseImage) throws(SQLiteError) -> Bool {
        var size: sqlite3_int64 = 0
        guard image.byteCount >= 100, let current = sqlite3_serialize(handle, "main", &size, UInt32(SQLITE_SERIALIZE_NOCOPY)) else {
            return false
        }
        var pointer: UnsafeMutablePointer<sqlite3_file>?
        guard sqlite3_file_control(handle, "main", SQLITE_FCNTL_FILE_POINTER, &pointer) == SQLITE_OK, let file = pointer,
              let methods = file.pointee.pMethods, let write = methods.pointee.xWrite, let truncate = methods.pointee.xTruncate else {
            return false
        }
        // Offset 24: the file change counter; 92: the version it is valid for, kept equal to it.
        let counterOffset = 24, validForOffset = 92
        let old = size >= 28 ? (0..<4).reduce(UInt32(0)) { $0 << 8 | UInt32(current[counterOffset + $1]) } : 0
        var counter = (old &+ 1).bigEndian
        var rc = SQLITE_OK, offset = 0
        for piece in image.pieces where rc == SQLITE_OK {
            rc = piece.withUnsafeBytes { write(file, $0.baseAddress, Int32($0.count), sqlite3_int64(offset)) }
            offset += piece.count
        }
        if rc == SQLITE_OK { rc = write(file, &counter, 4, sqlite3_int64(counterOffset)) }
        if rc == SQLITE_OK { rc = write(file, &counter, 4, sqlite3_int64(validForOffset)) }
        if rc == SQLITE_OK { rc = truncate(file, sqlite3_int64(image.byteCount)) }
        guard rc == SQLITE_OK else {
            throw SQLiteError(code: rc, message: "cannot write the database image", sql: nil, path: path)
        }
        return true
    }

    /// Makes `buffer` (from `sqlite3_malloc`, freed by SQLite from now on) the database, under the lock.
    private func adopt(_ buffer: UnsafeMutablePointer<UInt8>, size: sqlite3_int64, keepingStatements: Bool = false) throws(SQLiteError) {
        if !keepingStatements {
            statementsByAddress.removeAll()
            statementCache.removeAll()
        }
        let flags = UInt32(SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE)
        let rc = sqlite3_deserialize(handle, "main", buffer, size, size, flags)
        guard rc == SQLITE_OK else { throw SQLiteError(code: rc, message: String(cString: sqlite3_errmsg(handle)), sql: nil, path: path) }
    }
}
