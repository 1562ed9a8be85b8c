import Foundation

/// Reads a text file no larger than a limit. It reads at most one byte past the limit, so a huge file,
/// `/dev/zero` or a never-ending FIFO is refused without being read whole.
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
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            data = try handle.read(upToCount: maximumBytes + 1) ?? Data()
        } catch {
            throw .unreadable((error as NSError).localizedDescription)
        }
        guard data.count <= maximumBytes else { throw .tooLarge(maximumBytes: maximumBytes) }
        guard let text = String(data: data, encoding: .utf8) else { throw .notUTF8 }
        return text
    }
}
