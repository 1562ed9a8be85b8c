import Foundation

/// Recorded outcomes for regression checks: `__snapshots__/<scenario file stem>.snapshot` next
/// to each scenario file, one section per part of the outcome.
public struct SnapshotStore: Sendable {
    public init() {}

    public func file(for scenario: Scenario) -> String {
        let url = URL(fileURLWithPath: scenario.file)
        let stem = url.deletingPathExtension().lastPathComponent
        let directory = (scenario.file as NSString).deletingLastPathComponent
        return ((directory.isEmpty ? "." : directory) as NSString).appendingPathComponent("__snapshots__/\(stem).snapshot")
    }

    /// Compares `result`'s snapshot with the recorded one, or records it when `update` is set.
    /// Results without snapshot sections, or that did not run to the end, are left alone.
    public func check(_ scenario: Scenario, _ result: ScenarioResult, update: Bool) -> SnapshotCheck? {
        guard !result.snapshot.isEmpty, result.error == nil else { return nil }
        let path = file(for: scenario)
        let text = SnapshotText.render(name: scenario.name, sections: result.snapshot)
        if update {
            do {
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                try text.write(toFile: path, atomically: true, encoding: .utf8)
                return SnapshotCheck(status: .updated, file: path)
            } catch {
                return SnapshotCheck(status: .changed, file: path, changes: ["cannot write the snapshot: \(error.localizedDescription)"])
            }
        }
        guard let recorded = try? String(contentsOfFile: path, encoding: .utf8) else {
            return SnapshotCheck(status: .missing, file: path)
        }
        let comparison = SnapshotText.compare(recorded: recorded, current: text, file: path)
        return comparison.changes.isEmpty ? SnapshotCheck(status: .matched, file: path)
            : SnapshotCheck(status: .changed, file: path, changes: comparison.changes, diff: comparison.diff)
    }
}
