/// The canonical text of a snapshot file and the comparison of two of them.
///
/// ```
/// # orchlab snapshot: <scenario name>
///
/// == running configs ==
/// ### loc1-core
/// hostname loc1-core
/// ```
enum SnapshotText {
    static func render(name: String, sections: [SnapshotSection]) -> String {
        var lines = ["# orchlab snapshot: \(name)", "# Re-record with `orchlab run --update-snapshots`; do not edit by hand."]
        for section in sections {
            lines += ["", "== \(section.title) =="]
            lines += LineDiff.lines(section.text)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What changed (`running configs › loc1-core`) and the unified diff, recorded → current.
    static func compare(recorded: String, current: String, file: String) -> (changes: [String], diff: String) {
        let diff = LineDiff(old: recorded, new: current)
        guard diff.hasChanges else { return ([], "") }
        var changes: [String] = []
        var section = "header", part: String?
        for edit in diff.edits {
            let line: String
            let changed: Bool
            switch edit {
            case .same(let text): line = text; changed = false
            case .removed(let text), .added(let text): line = text; changed = true
            }
            if line.hasPrefix("== "), line.hasSuffix(" ==") {
                section = String(line.dropFirst(3).dropLast(3))
                part = nil
            } else if line.hasPrefix("### ") {
                part = String(line.dropFirst(4))
            }
            // Blank lines separate sections; one added or removed with a section belongs to neither.
            if changed, !line.isEmpty {
                let name = part.map { "\(section) › \($0)" } ?? section
                if !changes.contains(name) { changes.append(name) }
            }
        }
        return (changes, diff.unified(oldName: "\(file) (recorded)", newName: "\(file) (this run)"))
    }
}
