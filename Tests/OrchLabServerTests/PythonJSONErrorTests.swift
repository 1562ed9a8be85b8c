import Testing
@testable import OrchLabServer

/// NetBox's malformed-JSON answers quote Python's `json` messages; these are CPython 3.12's.
@Suite struct PythonJSONErrorTests {
    @Test(arguments: [
        ("", "Expecting value: line 1 column 1 (char 0)"),
        ("{'a': 1}", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
        ("{\"a\" 1}", "Expecting ':' delimiter: line 1 column 6 (char 5)"),
        ("{\"a\": 1 \"b\": 2}", "Expecting ',' delimiter: line 1 column 9 (char 8)"),
        ("[1,]", "Expecting value: line 1 column 4 (char 3)"),
        ("{\"a\": 1,}", "Expecting property name enclosed in double quotes: line 1 column 9 (char 8)"),
        ("\"abc", "Unterminated string starting at: line 1 column 1 (char 0)"),
        ("\"a\\x\"", "Invalid \\escape: line 1 column 3 (char 2)"),
        ("{}\n{}", "Extra data: line 2 column 1 (char 3)"),
        ("[\n  1,\n  nul\n]", "Expecting value: line 3 column 3 (char 9)"),
        ("\"é\u{01}\"", "Invalid control character at: line 1 column 3 (char 2)"),
    ])
    func messagesMatchCPython(text: String, expected: String) {
        #expect(PythonJSONError.message(for: text) == expected)
    }

    @Test func validDocumentsHaveNoMessage() {
        for text in ["{}", "[1, 2.5e3, -0, true, null]", "{\"a\": {\"b\": [\"\\u00e9\"]}}", " 7 ", "NaN"] {
            #expect(PythonJSONError.message(for: text) == nil, "\(text)")
        }
    }

    @Test func deepNestingFailsWithoutExhaustingTheStack() {
        let text = String(repeating: "[", count: 100_000)
        #expect(PythonJSONError.message(for: text)?.contains("recursion") == true)
    }
}
