import CSQLite

/// An error reported by SQLite, with the statement and database file it came from.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    public let code: Int32
    public let message: String
    public let sql: String?
    public let path: String

    public var description: String {
        var text = "SQLite error \(code) (\(codeName)) in \(path): \(message)"
        if let sql { text += " [while running: \(sql.prefix(200))]" }
        return text
    }

    /// Stable names for the primary result codes callers act on.
    public var codeName: String {
        switch code & 0xFF {
        case SQLITE_BUSY: return "busy"
        case SQLITE_LOCKED: return "locked"
        case SQLITE_READONLY: return "read-only"
        case SQLITE_CORRUPT: return "corrupt"
        case SQLITE_NOTADB: return "not a database"
        case SQLITE_CANTOPEN: return "cannot open"
        case SQLITE_CONSTRAINT: return "constraint"
        case SQLITE_FULL: return "disk full"
        case SQLITE_IOERR: return "I/O error"
        default: return "code \(code & 0xFF)"
        }
    }

    public var isConstraintViolation: Bool { code & 0xFF == SQLITE_CONSTRAINT }
    public var isReadOnly: Bool { code & 0xFF == SQLITE_READONLY }
    public var isNotADatabase: Bool { code & 0xFF == SQLITE_NOTADB || code & 0xFF == SQLITE_CORRUPT }
}
