/// The message Python's `json` module gives for malformed JSON, which NetBox (through DRF)
/// returns as `{"detail": "JSON parse error - <message>"}`. Positions count characters (code
/// points), as Python's do: `Expecting value: line 1 column 1 (char 0)`.
struct PythonJSONError {
    private let text: [Unicode.Scalar]
    private var index = 0

    /// nil when the text is valid JSON by Python's rules.
    static func message(for text: String) -> String? {
        var checker = PythonJSONError(text: Array(text.unicodeScalars))
        do {
            try checker.value(depth: 0)
            checker.skipWhitespace()
            if checker.index < checker.text.count { throw checker.failure("Extra data") }
            return nil
        } catch let error as Failure {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    struct Failure: Error {
        let message: String
    }

    private func failure(_ message: String, at position: Int? = nil) -> Failure {
        let position = position ?? index
        let before = text[..<min(position, text.count)]
        let line = before.filter { $0 == "\n" }.count + 1
        let column = before.lastIndex(of: "\n").map { position - $0 } ?? position + 1
        return Failure(message: "\(message): line \(line) column \(column) (char \(position))")
    }

    private var current: Unicode.Scalar? { index < text.count ? text[index] : nil }

    private mutating func skipWhitespace() {
        while let scalar = current, [" ", "\t", "\n", "\r"].contains(scalar) { index += 1 }
    }

    private mutating func value(depth: Int) throws(Failure) {
        // CPython recurses per nesting level; past its limit it fails rather than parse.
        guard depth < 900 else { throw Failure(message: "maximum recursion depth exceeded while decoding a JSON document") }
        skipWhitespace()
        guard let scalar = current else { throw failure("Expecting value") }
        switch scalar {
        case "{": try object(depth: depth)
        case "[": try array(depth: depth)
        case "\"": try string()
        case "-", "0"..."9": try number()
        default:
            for literal in ["true", "false", "null", "NaN", "Infinity", "-Infinity"] where matches(literal) {
                index += literal.unicodeScalars.count
                return
            }
            throw failure("Expecting value")
        }
    }

    private func matches(_ literal: String) -> Bool {
        let scalars = Array(literal.unicodeScalars)
        return index + scalars.count <= text.count && Array(text[index..<index + scalars.count]) == scalars
    }

    private mutating func object(depth: Int) throws(Failure) {
        index += 1
        skipWhitespace()
        if current == "}" { index += 1; return }
        while true {
            guard current == "\"" else { throw failure("Expecting property name enclosed in double quotes") }
            try string()
            skipWhitespace()
            guard current == ":" else { throw failure("Expecting ':' delimiter") }
            index += 1
            try value(depth: depth + 1)
            skipWhitespace()
            if current == "}" { index += 1; return }
            guard current == "," else { throw failure("Expecting ',' delimiter") }
            index += 1
            skipWhitespace()
        }
    }

    private mutating func array(depth: Int) throws(Failure) {
        index += 1
        skipWhitespace()
        if current == "]" { index += 1; return }
        while true {
            try value(depth: depth + 1)
            skipWhitespace()
            if current == "]" { index += 1; return }
            guard current == "," else { throw failure("Expecting ',' delimiter") }
            index += 1
        }
    }

    private mutating func string() throws(Failure) {
        let start = index
        index += 1
        while true {
            guard let scalar = current else { throw failure("Unterminated string starting at", at: start) }
            switch scalar {
            case "\"":
                index += 1
                return
            case "\\":
                guard index + 1 < text.count else { throw failure("Unterminated string starting at", at: start) }
                let escape = text[index + 1]
                if escape == "u" {
                    let hex = text[min(index + 2, text.count)..<min(index + 6, text.count)]
                    guard hex.count == 4, hex.allSatisfy({ $0.properties.isASCIIHexDigit }) else {
                        throw failure("Invalid \\uXXXX escape", at: index + 1)
                    }
                    index += 6
                } else if "\"\\/bfnrt".unicodeScalars.contains(escape) {
                    index += 2
                } else {
                    throw failure("Invalid \\escape", at: index)
                }
            case "\u{00}"..."\u{1F}":
                throw failure("Invalid control character at")
            default:
                index += 1
            }
        }
    }

    private mutating func number() throws(Failure) {
        let start = index
        if current == "-" { index += 1 }
        guard let first = current, ("0"..."9").contains(first) else {
            index = start
            if matches("-Infinity") { index += 9; return }
            throw failure("Expecting value")
        }
        if first == "0" { index += 1 } else { skipDigits() }
        if current == ".", index + 1 < text.count, ("0"..."9").contains(text[index + 1]) {
            index += 1
            skipDigits()
        }
        if current == "e" || current == "E" {
            var probe = index + 1
            if probe < text.count, text[probe] == "+" || text[probe] == "-" { probe += 1 }
            if probe < text.count, ("0"..."9").contains(text[probe]) {
                index = probe
                skipDigits()
            }
        }
    }

    private mutating func skipDigits() {
        while let scalar = current, ("0"..."9").contains(scalar) { index += 1 }
    }
}
