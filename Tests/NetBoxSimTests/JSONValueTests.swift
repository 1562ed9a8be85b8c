import Testing
@testable import NetBoxSim

@Suite struct JSONValueTests {
    @Test func textIsCompactSortedAndEscaped() {
        let value: JSONValue = ["b": [1, true, .null], "a": "quote \" slash \\ line\n\u{01}", "c": 1.5]
        #expect(value.jsonText == #"{"a":"quote \" slash \\ line\n\u0001","b":[1,true,null],"c":1.5}"#)
    }

    @Test func textParsesBackToTheSameValue() throws {
        let value: JSONValue = ["detail": "No Device matches the given query.", "list": [["x": 1]], "ü": "é/∑"]
        #expect(try JSONValue.parse(value.jsonText) == value)
    }

    @Test func parseKeepsIntsAndBoolsApart() throws {
        #expect(try JSONValue.parse(#"{"n": 64, "s": "64", "b": false, "d": 0.5}"#)
            == ["n": 64, "s": "64", "b": false, "d": 0.5])
    }
}
