/// A line diff in unified format (`---`/`+++` headers, `@@` hunks with 3 lines of context),
/// computed with Myers' O((N+M)·D) algorithm, which is fast when configs change little.
/// `script` is public so the scenario runner's snapshot and config diffs share this one algorithm.
public enum UnifiedDiff {
    /// Indices into the old (`a`) and new (`b`) sequences.
    public enum Edit: Equatable, Sendable { case keep(Int, Int), delete(Int), insert(Int) }

    static func make(old a: [Substring], new b: [Substring], oldName: String, newName: String, context: Int = 3) -> String {
        guard a != b else { return "" }
        let edits = script(a, b)
        var out = "--- \(oldName)\n+++ \(newName)\n"
        for hunk in hunks(edits, context: context) {
            let slice = edits[hunk]
            let oldStart = slice.firstOldLine ?? 0, newStart = slice.firstNewLine ?? 0
            let oldCount = slice.filter { if case .insert = $0 { false } else { true } }.count
            let newCount = slice.filter { if case .delete = $0 { false } else { true } }.count
            out += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for edit in slice {
                switch edit {
                case .keep(let i, _): out += " "; out += a[i]
                case .delete(let i): out += "-"; out += a[i]
                case .insert(let j): out += "+"; out += b[j]
                }
                out += "\n"
            }
        }
        return out
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        // Unified diff numbers lines from 1; an empty range names the line before it.
        count == 0 ? "\(start),0" : count == 1 ? "\(start + 1)" : "\(start + 1),\(count)"
    }

    /// Index ranges into `edits` covering every change plus `context` kept lines around it,
    /// merging changes whose context would touch.
    private static func hunks(_ edits: [Edit], context: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        let changed = edits.indices.filter { if case .keep = edits[$0] { false } else { true } }
        for index in changed {
            let lower = max(0, index - context), upper = min(edits.count, index + context + 1)
            if let last = result.last, lower <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, upper)
            } else {
                result.append(lower..<upper)
            }
        }
        return result
    }

    /// Largest Myers trace kept (entries); past it the middle is replaced wholesale, which is
    /// still a correct diff, just not a minimal one.
    static let traceBudget = 4_000_000

    /// An edit script from `a` to `b`: the common head and tail are kept, the middle is the
    /// shortest edit script when affordable.
    public static func script<T: Equatable>(_ a: [T], _ b: [T]) -> [Edit] {
        var head = 0
        while head < a.count, head < b.count, a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < a.count - head, tail < b.count - head, a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        let middleA = Array(a[head..<(a.count - tail)]), middleB = Array(b[head..<(b.count - tail)])
        var middle = myers(middleA, middleB) ?? (middleA.indices.map { .delete($0) } + middleB.indices.map { .insert($0) })
        middle = middle.map { edit in
            switch edit {
            case .keep(let i, let j): .keep(i + head, j + head)
            case .delete(let i): .delete(i + head)
            case .insert(let j): .insert(j + head)
            }
        }
        return (0..<head).map { .keep($0, $0) } + middle
            + (0..<tail).map { .keep(a.count - tail + $0, b.count - tail + $0) }
    }

    private static func myers<T: Equatable>(_ a: [T], _ b: [T]) -> [Edit]? {
        let n = a.count, m = b.count, maxD = n + m
        guard maxD > 0 else { return [] }
        let offset = maxD + 1
        var v = [Int](repeating: 0, count: 2 * maxD + 3)
        var trace: [[Int]] = []
        search: for d in 0...maxD {
            if (trace.count + 1) * v.count > traceBudget { return nil }
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                v[offset + k] = x
                if x >= n, y >= m { break search }
            }
        }
        // Walk the trace backwards to recover the path.
        var edits: [Edit] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d], k = x - y
            let previousK = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? k + 1 : k - 1
            let previousX = d == 0 ? 0 : v[offset + previousK], previousY = previousX - previousK
            while x > previousX, y > previousY { x -= 1; y -= 1; edits.append(.keep(x, y)) }
            if d > 0 {
                if x == previousX { y -= 1; edits.append(.insert(y)) } else { x -= 1; edits.append(.delete(x)) }
            }
        }
        return edits.reversed()
    }
}

private extension ArraySlice where Element == UnifiedDiff.Edit {
    var firstOldLine: Int? {
        for edit in self { switch edit { case .keep(let i, _), .delete(let i): return i; case .insert: continue } }
        return nil
    }
    var firstNewLine: Int? {
        for edit in self { switch edit { case .keep(_, let j), .insert(let j): return j; case .delete: continue } }
        return nil
    }
}
