import RouterSim

/// A line diff (the fleet's Myers edit script, `UnifiedDiff.script`), printed as a unified diff.
public struct LineDiff: Sendable {
    public enum Edit: Sendable, Hashable {
        case same(String)
        case removed(String)
        case added(String)
    }

    public let edits: [Edit]

    public init(old: String, new: String) {
        self.init(oldLines: Self.lines(old), newLines: Self.lines(new))
    }

    public init(oldLines: [String], newLines: [String]) {
        edits = UnifiedDiff.script(oldLines, newLines).map { edit in
            switch edit {
            case .keep(let i, _): .same(oldLines[i])
            case .delete(let i): .removed(oldLines[i])
            case .insert(let j): .added(newLines[j])
            }
        }
    }

    public var hasChanges: Bool {
        edits.contains { if case .same = $0 { false } else { true } }
    }

    /// `---`/`+++` headers and `@@` hunks with `context` unchanged lines around each change;
    /// empty when nothing changed.
    public func unified(oldName: String, newName: String, context: Int = 3) -> String {
        guard hasChanges else { return "" }
        var out = ["--- \(oldName)", "+++ \(newName)"]
        for hunk in hunks(context: context) {
            out.append("@@ -\(hunk.oldStart),\(hunk.oldCount) +\(hunk.newStart),\(hunk.newCount) @@")
            out += hunk.edits.map { edit in
                switch edit {
                case .same(let line): " " + line
                case .removed(let line): "-" + line
                case .added(let line): "+" + line
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    public struct Hunk: Sendable, Hashable {
        /// 1-based first line in the old and new text (0 for an empty side, as diff(1) does).
        public var oldStart: Int
        public var oldCount: Int
        public var newStart: Int
        public var newCount: Int
        public var edits: [Edit]
    }

    public func hunks(context: Int = 3) -> [Hunk] {
        let changed = edits.indices.filter { if case .same = edits[$0] { false } else { true } }
        guard !changed.isEmpty else { return [] }
        // Merge changes whose context windows touch into one range of edit indices.
        var ranges: [ClosedRange<Int>] = []
        for index in changed {
            let low = max(0, index - context), high = min(edits.count - 1, index + context)
            if let last = ranges.last, low <= last.upperBound + 1 {
                ranges[ranges.count - 1] = last.lowerBound...max(high, last.upperBound)
            } else {
                ranges.append(low...high)
            }
        }
        // Line numbers at each edit index.
        var oldLine = [Int](), newLine = [Int]()
        var o = 1, n = 1
        for edit in edits {
            oldLine.append(o)
            newLine.append(n)
            switch edit {
            case .same: o += 1; n += 1
            case .removed: o += 1
            case .added: n += 1
            }
        }
        return ranges.map { range in
            let slice = Array(edits[range])
            let oldCount = slice.filter { if case .added = $0 { false } else { true } }.count
            let newCount = slice.filter { if case .removed = $0 { false } else { true } }.count
            return Hunk(oldStart: oldCount == 0 ? oldLine[range.lowerBound] - 1 : oldLine[range.lowerBound], oldCount: oldCount,
                        newStart: newCount == 0 ? newLine[range.lowerBound] - 1 : newLine[range.lowerBound], newCount: newCount,
                        edits: slice)
        }
    }

    static func lines(_ text: String) -> [String] {
        // Split on bytes: splitting on Characters is most of a diff's cost in a debug build.
        var text = text
        return text.withUTF8 { bytes in
            var lines: [String] = []
            var start = 0
            for index in bytes.indices where bytes[index] == 10 {
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                start = index + 1
            }
            if start < bytes.count { lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)) }
            return lines
        }
    }
}
