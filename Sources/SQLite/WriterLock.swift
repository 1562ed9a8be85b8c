import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One writing process per database file: an exclusive advisory lock (`flock`) on `FILE.lock`
/// beside the database, held while this object lives and released by the kernel when the
/// process exits however it exits (so a crash never leaves a stale lock). The lock file holds
/// the owner's pid for the refusal message; it is left in place, as removing it would race.
///
/// SQLite's own locks only serialise single transactions; two servers on one file would each
/// keep an in-memory NetBox and router fleet that the other's writes silently contradict.
public final class WriterLock: Sendable {
    public let lockPath: String
    private let descriptor: Int32

    /// Takes the lock for `databasePath`, or throws `DatabaseInUseError` naming the holder.
    public init(databasePath: String) throws(DatabaseInUseError) {
        lockPath = databasePath + ".lock"
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw DatabaseInUseError(database: databasePath, holder: nil,
                                     reason: "cannot open the lock file \(lockPath): \(String(cString: strerror(errno)))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let failure = errno
            let holder = Self.readPID(fd)
            close(fd)
            if failure == EWOULDBLOCK {
                throw DatabaseInUseError(database: databasePath, holder: holder, reason: nil)
            }
            throw DatabaseInUseError(database: databasePath, holder: nil,
                                     reason: "cannot lock \(lockPath): \(String(cString: strerror(failure)))")
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        descriptor = fd
    }

    deinit { close(descriptor) }

    private static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

/// Another process (or another world in this process) writes to the database file.
public struct DatabaseInUseError: Error, CustomStringConvertible, Sendable {
    public let database: String
    public let holder: Int32?
    /// Set when the lock could not even be tried (e.g. an unwritable directory).
    public let reason: String?

    public var description: String {
        if let reason { return "cannot take the writer lock of \(database): \(reason)" }
        let who: String
        switch holder {
        case getpid()?: who = "this process already has it open (pid \(getpid()))"
        case let pid?: who = "another OrchLab process is using it (pid \(pid))"
        case nil: who = "another OrchLab process is using it"
        }
        return "\(database): \(who); one process writes a database file at a time: stop the other one or choose another --db file"
    }
}
