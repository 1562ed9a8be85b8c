import Foundation

/// Reads a text file no larger than a limit. It reads at most one byte past the limit, so a huge file,
/// `/dev/zero` or a never-ending FIFO is refused without being read whole, and a FIFO with no
/// writer reads as empty instead of blocking.
public enum BoundedFile {
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case unreadable(String)
        case tooLarge(maximumBytes: Int)
        case notUTF8

        public var description: String {
            switch self {
            case .unreadable(let reason): return "cannot read the file: \(reason)"
            case .tooLarge(let maximum): return "the file is larger than \(maximum) bytes (the limit for this kind of file)"
            case .notUTF8: return "the file is not UTF-8 text"
            }
        }
    }

    public static func read(_ path: String, maximumBytes: Int) throws(Failure) -> String {
        // Opened without waiting: a FIFO nobody writes to would otherwise block the open forever.
        // Reads then wait as usual, and such a FIFO reads as empty.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(String(cString: strerror(errno))) }
        defer { close(descriptor) }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        var data = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while data.count <= maximumBytes {
            let wanted = min(chunk.count, maximumBytes + 1 - data.count)
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, wanted) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(String(cString: strerror(errno)))
            }
            data += chunk[..<count]
        }
        guard data.count <= maximumBytes else { throw .tooLarge(maximumBytes: maximumBytes) }
        guard let text = String(validating: data, as: UTF8.self) else { throw .notUTF8 }
        return text
    }
}
