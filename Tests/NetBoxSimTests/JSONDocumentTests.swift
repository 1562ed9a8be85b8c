import Testing
@testable import NetBoxSim

@Suite struct JSONDocumentTests {
    @Test func textIsCompactSortedAndEscaped() {
        let value: JSON = ["b": [1, true, .null], "a": "quote \" slash \\ line\n\u{01}", "c": 1.5]
        #expect(value.serialized() == #"{"a":"quote \" slash \\ line\n\u0001","b":[1,true,null],"c":1.5}"#)
    }

    @Test func textParsesBackToTheSameValue() throws {
        let value: JSON = ["detail": "No Device matches the given query.", "list": [["x": 1]], "ü": "é/∑"]
        #expect(try JSON.parse(value.serialized()) == value)
    }

    @Test func parseKeepsIntsAndBoolsApart() throws {
        #expect(try JSON.parse(#"{"n": 64, "s": "64", "b": false, "d": 0.5}"#)
            == ["n": 64, "s": "64", "b": false, "d": 0.5])
    }
}
