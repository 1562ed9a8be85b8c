/// Interface names with numeric ranges: `1/1/c{1..36}/1` stands for `1/1/c1/1` … `1/1/c36/1`. Several
/// ranges multiply, the leftmost varying slowest; `{01..12}` keeps the zero padding.
enum InterfaceNamePattern {
    struct Malformed: Error {
        let message: String
    }

    static func expand(_ pattern: String) throws(Malformed) -> [String] {
        guard let open = pattern.firstIndex(of: "{") else {
            guard !pattern.contains("}") else { throw Malformed(message: "unbalanced '}' in '\(pattern)'") }
            return [pattern]
        }
        guard let close = pattern[open...].firstIndex(of: "}") else {
            throw Malformed(message: "unclosed '{' in '\(pattern)'")
        }
        let head = String(pattern[..<open])
        let body = pattern[pattern.index(after: open)..<close]
        let bounds = body.components(separatedBy: "..")
        guard bounds.count == 2, let first = Int(bounds[0]), let last = Int(bounds[1]), first >= 0, first <= last else {
            throw Malformed(message: "'{\(body)}' is not a range like {1..36}")
        }
        let width = bounds[0].hasPrefix("0") && bounds[0].count > 1 ? bounds[0].count : 0
        let tails = try expand(String(pattern[pattern.index(after: close)...]))
        var names: [String] = []
        names.reserveCapacity((last - first + 1) * tails.count)
        for number in first...last {
            let digits = String(number)
            let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
            for tail in tails { names.append(head + padded + tail) }
        }
        return names
    }
}
