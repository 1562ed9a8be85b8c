/// Interface names with numeric ranges: `1/1/c{1..36}/1` stands for `1/1/c1/1` … `1/1/c36/1`. Several
/// ranges multiply, the leftmost varying slowest; `{01..12}` keeps the zero padding.
///
/// The pattern is read whole and its size checked against `TopologyLimits` before any name is made, so
/// `x{0..9223372036854775807}` costs nothing but an error.
enum InterfaceNamePattern {
    struct Malformed: Error {
        let message: String
    }

    /// Literal text, or a range of numbers (padded to `width` digits when written with a leading zero).
    private enum Part {
        case text(String)
        case range(first: Int, last: Int, width: Int)

        var count: Int {
            if case .range(let first, let last, _) = self { return last - first + 1 }
            return 1
        }

        /// Characters of the longest text this part stands for.
        var longest: Int {
            switch self {
            case .text(let text): return text.count
            case .range(_, let last, let width): return max(width, String(last).count)
            }
        }
    }

    static func expand(_ pattern: String) throws(Malformed) -> [String] {
        var names = [""]
        for part in try parts(pattern) {
            switch part {
            case .text(let text):
                names = names.map { $0 + text }
            case .range(let first, let last, let width):
                names = names.flatMap { head in
                    (first...last).map { number in
                        let digits = String(number)
                        return head + String(repeating: "0", count: max(0, width - digits.count)) + digits
                    }
                }
            }
        }
        return names
    }

    /// The pattern's parts, after checking each range and the size of the whole against the limits.
    private static func parts(_ pattern: String) throws(Malformed) -> [Part] {
        let limit = TopologyLimits.maximumInterfaceNameLength
        // A pattern longer than any name it could make is refused unread (every range is at least `{0..0}`
        // for one digit, so a valid pattern is at most a few characters per range longer than its names).
        guard pattern.count <= limit * 4 else {
            throw Malformed(message: "the name is \(pattern.count) characters long (at most \(limit) once expanded)")
        }
        var parts: [Part] = []
        var rest = Substring(pattern)
        var total = 1
        while let open = rest.firstIndex(of: "{") {
            guard !rest[..<open].contains("}") else { throw Malformed(message: "unbalanced '}' in '\(pattern)'") }
            guard let close = rest[open...].firstIndex(of: "}") else { throw Malformed(message: "unclosed '{' in '\(pattern)'") }
            if open > rest.startIndex { parts.append(.text(String(rest[..<open]))) }
            let body = rest[rest.index(after: open)..<close]
            let range = try self.range(body)
            total *= range.count
            guard total <= TopologyLimits.maximumInterfacesPerDevice else {
                throw Malformed(message: "'\(pattern)' stands for more than \(TopologyLimits.maximumInterfacesPerDevice) interfaces (the most one device may have)")
            }
            parts.append(range)
            rest = rest[rest.index(after: close)...]
        }
        guard !rest.contains("}") else { throw Malformed(message: "unbalanced '}' in '\(pattern)'") }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        let longest = parts.reduce(0) { $0 + $1.longest }
        guard longest <= limit else {
            throw Malformed(message: "'\(pattern)' makes names of \(longest) characters (at most \(limit))")
        }
        return parts
    }

    private static func range(_ body: Substring) throws(Malformed) -> Part {
        let bounds = body.components(separatedBy: "..")
        guard bounds.count == 2, bounds.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigitCharacter) }) else {
            throw Malformed(message: "'{\(body)}' is not a range like {1..36}")
        }
        // Bounds of more than 18 digits are refused before Int() could overflow on them.
        guard bounds.allSatisfy({ $0.count <= 18 }), let first = Int(bounds[0]), let last = Int(bounds[1]) else {
            throw Malformed(message: "'{\(body)}' has a number of more than 18 digits")
        }
        guard first <= last else { throw Malformed(message: "'{\(body)}' is not a range like {1..36}") }
        guard last - first < TopologyLimits.maximumRangeNumbers else {
            throw Malformed(message: "'{\(body)}' has \(last - first + 1) numbers (at most \(TopologyLimits.maximumRangeNumbers) in one range)")
        }
        let width = bounds[0].hasPrefix("0") && bounds[0].count > 1 ? bounds[0].count : 0
        return .range(first: first, last: last, width: width)
    }
}

private extension Character {
    var isASCIIDigitCharacter: Bool { ("0"..."9").contains(self) }
}
