/// "Did you mean" hints for misspelt keys, choices and names: one policy for the topology files,
/// the scenario files and the runner, so the same slip gets the same hint everywhere.
public enum Suggestion {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo
    /// (a one-letter name is not a typo of another one-letter name). Ties go to the alphabetically
    /// first candidate, so the hint does not depend on the candidates' order (a dictionary's keys).
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let limit = min(max(1, word.count / 3), word.count - 1)
        let lowered = word.lowercased()
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            guard distance <= limit else { continue }
            if let current = best, (current.distance, current.name) <= (distance, candidate) { continue }
            best = (candidate, distance)
        }
        return best?.name
    }

    /// ` (did you mean 'x'?)`, or nothing.
    public static func hint(for word: String, in candidates: some Sequence<String>) -> String {
        closest(to: word, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// Edits (insert, delete, substitute, swap two neighbours) turning `a` into `b`; swaps count once
    /// because they are the commonest typo (`stauts`).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var rows = [Array(0...b.count)]
        for i in 1...a.count {
            var row = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                row[j] = min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { row[j] = min(row[j], rows[i - 2][j - 2] + 1) }
            }
            rows.append(row)
        }
        return rows[a.count][b.count]
    }

    /// `a, b, c` or `a, b, c, … (12 in all)` for long lists.
    public static func list(_ names: [String], limit: Int = 8) -> String {
        names.count <= limit
            ? names.joined(separator: ", ")
            : names.prefix(limit).joined(separator: ", ") + ", … (\(names.count) in all)"
    }
}
