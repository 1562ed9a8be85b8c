import CSQLite

// SQLITE_TRANSIENT is a C macro Swift cannot import.
private let transientDestructor = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A prepared statement, owned and cached by its `Database`; used only under the database's lock.
final class Statement {
    let pointer: OpaquePointer
    let sql: String
    unowned let database: Database
    private let parameterCount: Int
    /// Whether it writes or takes the write lock (see `Database.refusesWrites`).
    let writes: Bool
    /// Text parameters are copied here and bound without a destructor (SQLITE_STATIC): with
    /// SQLITE_TRANSIENT SQLite mallocs and frees a copy of every string on every run. Bound
    /// pointers stay valid until the next `bind`, which rebinds or clears every parameter.
    private var textBuffer: UnsafeMutableRawPointer?
    private var textCapacity = 0

    init(database: Database, sql: String) throws(SQLiteError) {
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v2(database.handle, sql, -1, &statement, nil)
        guard rc == SQLITE_OK, let statement else {
            throw SQLiteError(code: rc, message: String(cString: sqlite3_errmsg(database.handle)), sql: sql, path: database.path)
        }
        self.pointer = statement
        self.sql = sql
        self.database = database
        parameterCount = Int(sqlite3_bind_parameter_count(statement))
        writes = Statement.writes(statement)
    }

    /// Whether `statement` writes the database or takes its write lock: what `PRAGMA query_only`
    /// refuses. `sqlite3_stmt_readonly` counts every BEGIN as read-only, but an IMMEDIATE or
    /// EXCLUSIVE one takes the write lock at once.
    static func writes(_ statement: OpaquePointer) -> Bool {
        if sqlite3_stmt_readonly(statement) == 0 { return true }
        guard let text = sqlite3_sql(statement) else { return false }
        let words = String(cString: text).uppercased().split(whereSeparator: \.isWhitespace)
        return words.count >= 2 && words[0] == "BEGIN" && (words[1] == "IMMEDIATE" || words[1] == "EXCLUSIVE")
    }

    deinit {
        sqlite3_finalize(pointer)
        textBuffer?.deallocate()
    }

    /// Binds `values` to the first parameters; any further ones are NULL, as on a fresh statement.
    func bind(_ values: [SQLValue]) throws(SQLiteError) {
        // Clearing costs more than binding, so only when this call leaves earlier values behind.
        if values.count < parameterCount { sqlite3_clear_bindings(pointer) }
        var textBytes = 0
        for case .text(let string) in values { textBytes += string.utf8.count + 1 }
        if textBytes > textCapacity {
            // Nothing may still point into the old buffer once it is freed.
            sqlite3_clear_bindings(pointer)
            textBuffer?.deallocate()
            textCapacity = max(textBytes, textCapacity * 2, 256)
            textBuffer = UnsafeMutableRawPointer.allocate(byteCount: textCapacity, alignment: 1)
        }
        var textOffset = 0
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let rc: Int32
            switch value {
            case .null: rc = sqlite3_bind_null(pointer, index)
            case .integer(let int): rc = sqlite3_bind_int64(pointer, index, int)
            case .real(let double): rc = sqlite3_bind_double(pointer, index, double)
            case .text(let string):
                let start = textBuffer! + textOffset
                var utf8 = string
                let count = utf8.withUTF8 { bytes in
                    if let base = bytes.baseAddress { start.copyMemory(from: base, byteCount: bytes.count) }
                    return bytes.count
                }
                start.storeBytes(of: 0, toByteOffset: count, as: UInt8.self)
                textOffset += count + 1
                rc = sqlite3_bind_text(pointer, index, start.assumingMemoryBound(to: CChar.self), -1, nil)
            case .blob(let bytes):
                rc = bytes.withUnsafeBytes { raw in
                    sqlite3_bind_blob(pointer, index, raw.baseAddress, Int32(raw.count), transientDestructor)
                }
            }
            if rc != SQLITE_OK { throw error(rc) }
        }
    }

    /// Advances; true while a row is available.
    func step() throws(SQLiteError) -> Bool {
        let rc = sqlite3_step(pointer)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw error(rc)
        }
    }

    func reset() {
        sqlite3_reset(pointer)
    }

    private func error(_ rc: Int32) -> SQLiteError {
        SQLiteError(code: rc, message: String(cString: sqlite3_errmsg(database.handle)), sql: sql, path: database.path)
    }
}

/// One result row; valid only inside the mapping closure of `Database.query`.
public struct Row {
    let statement: Statement

    public var columnCount: Int { Int(sqlite3_column_count(statement.pointer)) }

    public func isNull(_ index: Int) -> Bool {
        sqlite3_column_type(statement.pointer, Int32(index)) == SQLITE_NULL
    }

    public func int(_ index: Int) -> Int { Int(sqlite3_column_int64(statement.pointer, Int32(index))) }

    public func int64(_ index: Int) -> Int64 { sqlite3_column_int64(statement.pointer, Int32(index)) }

    public func optionalInt(_ index: Int) -> Int? { isNull(index) ? nil : int(index) }

    public func double(_ index: Int) -> Double { sqlite3_column_double(statement.pointer, Int32(index)) }

    public func bool(_ index: Int) -> Bool { int(index) != 0 }

    public func string(_ index: Int) -> String {
        guard let text = sqlite3_column_text(statement.pointer, Int32(index)) else { return "" }
        return String(cString: text)
    }

    public func optionalString(_ index: Int) -> String? { isNull(index) ? nil : string(index) }

    public func blob(_ index: Int) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(statement.pointer, Int32(index)))
        guard count > 0, let base = sqlite3_column_blob(statement.pointer, Int32(index)) else { return [] }
        return Array(UnsafeRawBufferPointer(start: base, count: count))
    }
}
