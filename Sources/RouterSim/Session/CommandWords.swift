/// A word of a command line and where it starts, for placing the `^` marker.
struct Word {
    var text: Substring
    var column: Int
}

/// Splits one line into words and reads them in order, IOS-style: keywords may be abbreviated
/// to any unique prefix (`conf t`, `wr mem`), case-insensitively.
struct CommandWords {
    let line: Substring
    private(set) var words: [Word] = []
    private(set) var position = 0

    init(_ line: Substring) {
        self.line = line
        var column = 0, start: Int? = nil, startIndex = line.startIndex, index = line.startIndex
        for byte in line.utf8 {
            if byte == 32 || byte == 9 {
                if let begin = start { words.append(Word(text: line[startIndex..<index], column: begin)); start = nil }
            } else if start == nil {
                start = column; startIndex = index
            }
            column += 1
            index = line.utf8.index(after: index)
        }
        if let begin = start { words.append(Word(text: line[startIndex..<line.endIndex], column: begin)) }
    }

    var isAtEnd: Bool { position >= words.count }
    var current: Word? { isAtEnd ? nil : words[position] }
    var lastColumn: Int { words.last.map(\.column) ?? 0 }

    mutating func advance() { position += 1 }
    mutating func reset() { position = 0 }

    /// Matches the current word against `candidates`; returns the full keyword and advances.
    /// Compares bytes case-insensitively without allocating: this runs for every word pasted.
    mutating func keyword(_ candidates: [String]) throws(LineError) -> String? {
        guard let word = current else { return nil }
        var match: String?, ambiguous = false
        for candidate in candidates {
            switch Self.compare(word.text.utf8, candidate.utf8) {
            case .exact: advance(); return candidate
            case .prefix: if match == nil { match = candidate } else { ambiguous = true }
            case .none: continue
            }
        }
        if ambiguous {
            throw LineError(kind: .ambiguousCommand, column: word.column, message: "% Ambiguous command:  \"\(line.trimmingSpaces)\"")
        }
        if match != nil { advance() }
        return match
    }

    private enum KeywordMatch { case exact, prefix, none }

    /// How `typed` matches the lowercase `keyword`, ignoring ASCII case.
    private static func compare(_ typed: Substring.UTF8View, _ keyword: String.UTF8View) -> KeywordMatch {
        guard typed.count <= keyword.count else { return .none }
        var keywordIndex = keyword.startIndex
        for byte in typed {
            let lowered = byte >= 65 && byte <= 90 ? byte + 32 : byte
            guard lowered == keyword[keywordIndex] else { return .none }
            keywordIndex = keyword.index(after: keywordIndex)
        }
        return keywordIndex == keyword.endIndex ? .exact : .prefix
    }

    /// A keyword that must be one of `candidates`; otherwise the marker points at the word.
    mutating func require(_ candidates: [String]) throws(LineError) -> String {
        guard let word = current else { throw incomplete }
        guard let match = try keyword(candidates) else { throw LineError.invalidInput(at: word.column) }
        return match
    }

    mutating func requireWord() throws(LineError) -> Word {
        guard let word = current else { throw incomplete }
        advance()
        return word
    }

    /// Everything after the current position, verbatim (descriptions keep their spacing).
    mutating func rest() throws(LineError) -> Word {
        guard let word = current else { throw incomplete }
        position = words.count
        let text = line[word.text.startIndex...].trimmingTrailingSpaces
        return Word(text: text, column: word.column)
    }

    mutating func remaining() -> [Word] {
        defer { position = words.count }
        return Array(words[min(position, words.count)...])
    }

    func requireEnd() throws(LineError) {
        if let word = current { throw LineError.invalidInput(at: word.column) }
    }

    mutating func number(in range: ClosedRange<UInt32>) throws(LineError) -> UInt32 {
        let word = try requireWord()
        guard word.text.count <= 10, word.text.allSatisfy(\.isASCIIDigit), let value = UInt32(word.text), range.contains(value) else {
            throw LineError.invalidInput(at: word.column, kind: .invalidValue)
        }
        return value
    }

    var incomplete: LineError { LineError(kind: .incompleteCommand, column: nil, message: "% Incomplete command.") }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }

    var trimmingSpaces: Substring { trimmingTrailingSpaces.drop { $0 == " " || $0 == "\t" } }
}
