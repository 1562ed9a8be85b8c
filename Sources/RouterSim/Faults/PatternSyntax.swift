/// A parsed fault pattern: the regular-expression subset a Thompson NFA can run in time linear
/// in the line (literals, `.`, classes, anchors, `* + ? {m,n}`, alternation, groups).
indirect enum PatternNode: Sendable, Equatable {
    case scalar(UInt32)
    case set(ScalarSet)
    case lineStart, lineEnd
    case concat([PatternNode])
    case alternate([PatternNode])
    case repetition(PatternNode, min: Int, max: Int?)

    static func literal(_ text: String) -> PatternNode { .concat(text.unicodeScalars.map { .scalar($0.value) }) }
}

/// A set of Unicode scalar values as sorted, disjoint, non-adjacent closed ranges.
struct ScalarSet: Sendable, Equatable {
    private(set) var ranges: [ClosedRange<UInt32>]

    init(_ ranges: [ClosedRange<UInt32>]) {
        var merged: [ClosedRange<UInt32>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound &+ 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        self.ranges = merged
    }

    /// What `.` matches: as in Swift's regex syntax, anything but a line break.
    static let anyButNewline = ScalarSet([10...13, 0x85...0x85, 0x2028...0x2029]).inverted
    static let digit = ScalarSet([48...57])
    /// ASCII word characters: config lines are ASCII, so `\w` need not know Unicode letters.
    static let word = ScalarSet([48...57, 65...90, 95...95, 97...122])
    /// Unicode white space, as Swift's `\s`.
    static let space = ScalarSet([9...13, 32...32, 0x85...0x85, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A,
                                  0x2028...0x2029, 0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000])

    var inverted: ScalarSet {
        var result: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for range in ranges {
            if range.lowerBound > next { result.append(next...(range.lowerBound - 1)) }
            next = range.upperBound + 1
        }
        if next <= 0x10FFFF { result.append(next...0x10FFFF) }
        return ScalarSet(result)
    }

    func contains(_ value: UInt32) -> Bool {
        var low = 0, high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < value { low = middle + 1 } else { high = middle }
        }
        return low < ranges.count && ranges[low].contains(value)
    }
}

/// Why a pattern is not in the supported subset; `unsupported` names a construct a full regex
/// engine would accept but that needs backtracking (or is not worth supporting).
enum PatternSyntaxError: Error, Equatable {
    case invalid(String)
    case unsupported(String)
}

/// A recursive-descent parser for the supported subset. Nesting depth is bounded by the
/// pattern length (`RouterLimits.faultPatternBytes`), so recursion cannot run away.
struct PatternParser {
    private let scalars: [UInt32]
    private var index = 0

    static func parse(_ text: String) throws(PatternSyntaxError) -> PatternNode {
        var parser = PatternParser(scalars: text.unicodeScalars.map(\.value))
        let node = try parser.alternation()
        if parser.index < parser.scalars.count { throw .invalid("unmatched ')'") }
        return node
    }

    private init(scalars: [UInt32]) { self.scalars = scalars }

    private var peek: UInt32? { index < scalars.count ? scalars[index] : nil }
    private func peek(_ offset: Int) -> UInt32? { index + offset < scalars.count ? scalars[index + offset] : nil }
    private mutating func take() -> UInt32? {
        guard let value = peek else { return nil }
        index += 1
        return value
    }
    private mutating func take(_ character: Character) -> Bool {
        guard peek == character.unicodeScalars.first?.value else { return false }
        index += 1
        return true
    }

    private mutating func alternation() throws(PatternSyntaxError) -> PatternNode {
        var branches = [try concatenation()]
        while take("|") { branches.append(try concatenation()) }
        return branches.count == 1 ? branches[0] : .alternate(branches)
    }

    private mutating func concatenation() throws(PatternSyntaxError) -> PatternNode {
        var items: [PatternNode] = []
        while let next = peek, next != ascii("|"), next != ascii(")") {
            items.append(try quantified())
        }
        return items.count == 1 ? items[0] : .concat(items)
    }

    private mutating func quantified() throws(PatternSyntaxError) -> PatternNode {
        var node = try atom()
        while true {
            let bounds: (Int, Int?)
            if take("*") { bounds = (0, nil) }
            else if take("+") { bounds = (1, nil) }
            else if take("?") { bounds = (0, 1) }
            else if peek == ascii("{"), let counted = try countedBounds() { bounds = counted }
            else { return node }
            if take("+") { throw .unsupported("possessive quantifiers (*+, ++, ?+) are not supported") }
            _ = take("?")   // A lazy quantifier matches the same lines as a greedy one.
            node = .repetition(node, min: bounds.0, max: bounds.1)
        }
    }

    /// `{m}`, `{m,}` or `{m,n}`; nil (and nothing consumed) when the brace is a literal.
    private mutating func countedBounds() throws(PatternSyntaxError) -> (Int, Int?)? {
        let start = index
        index += 1
        func number(_ parser: inout PatternParser) -> Int? {
            var digits = 0, value = 0
            while let next = parser.peek, (48...57).contains(next) {
                value = min(value * 10 + Int(next - 48), Int(Int32.max))
                digits += 1
                parser.index += 1
            }
            return digits == 0 ? nil : value
        }
        // `{,n}` is `{0,n}`, as in Swift's regex syntax.
        let low = number(&self) ?? (peek == ascii(",") ? 0 : -1)
        guard low >= 0 else { index = start; return nil }
        var high: Int? = low
        if take(",") { high = number(&self) }
        guard take("}"), scalars[start + 1] != ascii(",") || high != nil else { index = start; return nil }
        let limit = RouterLimits.faultPatternRepetition
        if let high, high < low { throw .invalid("{\(low),\(high)}: the maximum is below the minimum") }
        if low > limit || (high ?? 0) > limit { throw .unsupported("repetition counts above \(limit) are not supported") }
        return (low, high)
    }

    private mutating func atom() throws(PatternSyntaxError) -> PatternNode {
        guard let next = take() else { throw .invalid("unexpected end of pattern") }
        switch next {
        case ascii("("): return try group()
        case ascii("["): return .set(try bracketClass())
        case ascii("."): return .set(ScalarSet.anyButNewline)
        case ascii("^"): return .lineStart
        case ascii("$"): return .lineEnd
        case ascii("\\"): return try escape()
        case ascii("*"), ascii("+"), ascii("?"): throw .invalid("nothing to repeat before '\(Character(Unicode.Scalar(next)!))'")
        default: return .scalar(next)
        }
    }

    private mutating func group() throws(PatternSyntaxError) -> PatternNode {
        if take("?") {
            if take(":") {
                // A non-capturing group.
            } else if peek == ascii("=") {
                throw .unsupported("lookahead (?=…) is not supported")
            } else if peek == ascii("!") {
                throw .unsupported("negative lookahead (?!…) is not supported")
            } else if peek == ascii("<"), peek(1) == ascii("=") || peek(1) == ascii("!") {
                throw .unsupported("lookbehind (?<=…) is not supported")
            } else if take("<") || (take("P") && take("<")) {
                while let next = take(), next != ascii(">") {}
            } else {
                throw .unsupported("inline options and other (?…) groups are not supported")
            }
        }
        let inner = try alternation()
        guard take(")") else { throw .invalid("missing ')'") }
        return inner
    }

    private mutating func escape() throws(PatternSyntaxError) -> PatternNode {
        guard let next = take() else { throw .invalid("the pattern ends with a lone '\\'") }
        if let set = Self.shorthand(next) { return .set(set) }
        switch next {
        case ascii("A"): return .lineStart
        case ascii("z"), ascii("Z"): return .lineEnd
        case 49...57, ascii("k"): throw .unsupported("backreferences (\\1, \\k<name>) are not supported")
        case ascii("b"), ascii("B"): throw .unsupported("word boundaries (\\b, \\B) are not supported")
        default: return .scalar(try escapedScalar(next))
        }
    }

    private static func shorthand(_ letter: UInt32) -> ScalarSet? {
        switch letter {
        case ascii("d"): ScalarSet.digit
        case ascii("D"): ScalarSet.digit.inverted
        case ascii("w"): ScalarSet.word
        case ascii("W"): ScalarSet.word.inverted
        case ascii("s"): ScalarSet.space
        case ascii("S"): ScalarSet.space.inverted
        default: nil
        }
    }

    /// The scalar an escape outside the shorthands stands for: a control letter, `\xHH`, or
    /// punctuation taken literally.
    private mutating func escapedScalar(_ letter: UInt32) throws(PatternSyntaxError) -> UInt32 {
        switch letter {
        case ascii("t"): return 9
        case ascii("n"): return 10
        case ascii("r"): return 13
        case ascii("f"): return 12
        case ascii("v"): return 11
        case ascii("e"): return 27
        case ascii("x"):
            guard let high = peek.flatMap(Self.hexValue), let low = peek(1).flatMap(Self.hexValue) else {
                throw .unsupported("only the two-digit form \\xHH of hex escapes is supported")
            }
            index += 2
            return high * 16 + low
        case 48...57, 65...90, 97...122:
            throw .unsupported("the escape \\\(Character(Unicode.Scalar(letter)!)) is not supported")
        default: return letter
        }
    }

    private static func hexValue(_ value: UInt32) -> UInt32? {
        switch value {
        case 48...57: value - 48
        case 65...70: value - 55
        case 97...102: value - 87
        default: nil
        }
    }

    private mutating func bracketClass() throws(PatternSyntaxError) -> ScalarSet {
        let negated = take("^")
        var ranges: [ClosedRange<UInt32>] = []
        var first = true
        while true {
            guard let next = take() else { throw .invalid("missing ']'") }
            if next == ascii("]"), !first { break }
            first = false
            if next == ascii("["), peek == ascii(":") { throw .unsupported("POSIX classes ([:alpha:]) are not supported") }
            if next == ascii("[") { throw .unsupported("nested classes and class set operations are not supported") }
            if next == ascii("&"), peek == ascii("&") { throw .unsupported("class set operations (&&) are not supported") }
            var low = next
            if next == ascii("\\") {
                guard let escaped = take() else { throw .invalid("missing ']'") }
                if let set = Self.shorthand(escaped) { ranges += set.ranges; continue }
                if escaped == ascii("b") { low = 8 } else { low = try escapedScalar(escaped) }
            }
            if peek == ascii("-"), let after = peek(1), after != ascii("]") {
                index += 1
                var high = take()!
                if high == ascii("\\") {
                    guard let escaped = take() else { throw .invalid("missing ']'") }
                    if Self.shorthand(escaped) != nil { throw .invalid("a class shorthand cannot end a range") }
                    high = try escapedScalar(escaped)
                }
                guard low <= high else { throw .invalid("the range is out of order") }
                ranges.append(low...high)
            } else {
                ranges.append(low...low)
            }
        }
        let set = ScalarSet(ranges)
        return negated ? set.inverted : set
    }
}

private func ascii(_ character: Character) -> UInt32 { character.unicodeScalars.first!.value }
