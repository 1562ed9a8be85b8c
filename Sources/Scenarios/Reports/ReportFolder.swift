import Dispatch
import Foundation
import Synchronization

/// A folder of report files replaced as a set, in one atomic step. Each report path
/// (`reports/report.html`) is a symbolic link to `.orchlab-current/report.html`, and
/// `.orchlab-current` is a link to the folder holding the current set (`.orchlab-set-…`). A new
/// set is written whole into a folder of its own, then `.orchlab-current` is switched to it with
/// one rename(2): at every instant a reader sees the complete old set or the complete new one,
/// even if the process is killed. `ReportSwitch` has the steps; a killed run's leftovers are
/// removed by the next `publish`.
public struct ReportFolder: Sendable {
    public struct Unwritable: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// A file's name in the folder and how to render its text.
    public typealias File = (name: String, render: @Sendable () throws -> String)

    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// Creates the folder if needed and proves it writable by making (and removing) a set folder.
    public func prepare() throws(Unwritable) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let probe = (directory as NSString).appendingPathComponent(ReportSwitch.setPrefix + UUID().uuidString)
            try FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: false)
            try? FileManager.default.removeItem(atPath: probe)
        } catch {
            throw unwritable(error.localizedDescription)
        }
    }

    /// Renders each file (in parallel), writes them as a new set and switches to it. Files of the
    /// previous set that are not among `files` stay (a grade run beside a scenario run's reports).
    /// - Returns: the paths written, in the order given.
    public func publish(_ files: [File]) throws(Unwritable) -> [String] {
        let texts = try render(files)
        let lock = try ReportSwitch.lock(directory)
        defer { close(lock) }
        ReportSwitch.removeLeftovers(in: directory)
        let change = try ReportSwitch(directory: directory, texts: zip(files.map(\.name), texts).map { ($0, $1) })
        do {
            for step in change.steps { try step.run() }
        } catch {
            // Nothing readers see has changed before the switch; the next run removes the rest.
            ReportSwitch.removeLeftovers(in: directory)
            throw unwritable(error.description)
        }
        return files.map { (directory as NSString).appendingPathComponent($0.name) }
    }

    private func render(_ files: [File]) throws(Unwritable) -> [String] {
        let results = Mutex([Result<String, Unwritable>?](repeating: nil, count: files.count))
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let (name, render) = files[index]
            let result: Result<String, Unwritable>
            do { result = .success(try render()) } catch { result = .failure(unwritable("\(name): \(error.localizedDescription)")) }
            results.withLock { $0[index] = result }
        }
        var texts: [String] = []
        for result in results.withLock({ $0 }) {
            switch result {
            case .success(let text)?: texts.append(text)
            case .failure(let error)?: throw error
            case nil: throw unwritable("a report was not rendered")
            }
        }
        return texts
    }

    func unwritable(_ reason: String) -> Unwritable {
        Unwritable(description: "cannot write reports into \(directory): \(reason)")
    }
}
