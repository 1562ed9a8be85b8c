import Dispatch
import Foundation
import Synchronization

/// A folder of report files replaced as a set. `prepare()` checks the folder before a run costs
/// anything; `publish` renders every file into a staging folder inside it, then moves them into place,
/// so a failure (a full disk, a renderer error) leaves the previous complete set, or none, never a mix.
public struct ReportFolder: Sendable {
    public struct Unwritable: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// A file's name in the folder and how to render its text.
    public typealias File = (name: String, render: @Sendable () throws -> String)

    /// Staging folders start with this; one left behind by a killed run can be deleted.
    public static let stagingPrefix = ".orchlab-staging-"

    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// Creates the folder if needed and proves it writable by making (and removing) a staging folder.
    public func prepare() throws(Unwritable) {
        let staging = try makeStaging()
        try? FileManager.default.removeItem(atPath: staging)
    }

    /// Renders each file (in parallel) into a staging folder, then moves them all into place.
    /// - Returns: the paths written, in the order given.
    public func publish(_ files: [File]) throws(Unwritable) -> [String] {
        let staging = try makeStaging()
        defer { try? FileManager.default.removeItem(atPath: staging) }
        let failures = Mutex([String?](repeating: nil, count: files.count))
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let (name, render) = files[index]
            do {
                try render().write(toFile: (staging as NSString).appendingPathComponent(name), atomically: false, encoding: .utf8)
            } catch {
                failures.withLock { $0[index] = "\(name): \(error.localizedDescription)" }
            }
        }
        if let failure = failures.withLock({ $0 }).compactMap({ $0 }).first { throw unwritable(failure) }
        return try swap(files.map(\.name), from: staging)
    }

    /// Each final file moves aside into the staging folder as its new version moves in; if a move fails,
    /// the ones already made are undone.
    private func swap(_ names: [String], from staging: String) throws(Unwritable) -> [String] {
        let finals = names.map { (directory as NSString).appendingPathComponent($0) }
        for final in finals {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: final, isDirectory: &isDirectory), isDirectory.boolValue {
                throw unwritable("\(final) is a folder")
            }
        }
        var done: [(final: String, previous: String?)] = []
        for (name, final) in zip(names, finals) {
            let previous = (staging as NSString).appendingPathComponent("\(name).previous")
            let hadPrevious = rename(final, previous) == 0
            guard rename((staging as NSString).appendingPathComponent(name), final) == 0 else {
                let reason = String(cString: strerror(errno))
                if hadPrevious { rename(previous, final) }
                for (final, previous) in done.reversed() {
                    if let previous { rename(previous, final) } else { unlink(final) }
                }
                throw unwritable("\(name): \(reason)")
            }
            done.append((final, hadPrevious ? previous : nil))
        }
        return finals
    }

    private func makeStaging() throws(Unwritable) -> String {
        let staging = (directory as NSString).appendingPathComponent(Self.stagingPrefix + UUID().uuidString)
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
        } catch {
            throw unwritable(error.localizedDescription)
        }
        return staging
    }

    private func unwritable(_ reason: String) -> Unwritable {
        Unwritable(description: "cannot write reports into \(directory): \(reason)")
    }
}
