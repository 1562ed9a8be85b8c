import Testing
@testable import WorkflowEngine

@Suite struct StateAndJSONTests {
    @Test func typedAccessorsNameTheMissingOrMistypedKey() throws {
        let state = State(["name": "loc1", "count": 3, "flag": true, "names": ["a", "b"], "nothing": nil])
        #expect(try state.string("name") == "loc1")
        #expect(try state.int("count") == 3)
        #expect(try state.bool("flag"))
        #expect(try state.strings("names") == ["a", "b"])
        #expect(try state.optionalString("nothing") == nil)
        #expect(try state.optionalInt("absent") == nil)
        #expect(throws: StateError(key: "absent", problem: .missing, context: "state")) { try state.string("absent") }
        #expect(throws: StateError(key: "name", problem: .wrongType(expected: "an integer", found: "string"), context: "state")) {
            try state.int("name")
        }
        #expect(throws: StateError.self) { try state.optionalBool("count") }
        let error = try #require(throws: StateError.self) { try state.decode([Int].self, "names") }
        #expect(error.description.contains("'names' cannot be decoded"))
    }

    @Test func serialisationSortsKeysAndEscapes() throws {
        let value: JSON = ["b": 1, "a": ["z": "q\"uote\n", "y": [true, nil, 1.5]]]
        #expect(value.serialized() == #"{"a":{"y":[true,null,1.5],"z":"q\"uote\n"},"b":1}"#)
        #expect(try JSON.parse(value.serialized()) == value)
        #expect(JSON.string("\u{01}").serialized() == #""\u0001""#)
    }

    @Test func incrementalStateTextMatchesFullSerialisation() {
        var state = State(["b": 1, "a": ["z": "q\"uote\n"], "é": "\u{01}tab\t"])
        var text = StateText(state)
        #expect(text.text == state.json.serialized())
        let updates: [[String: JSON]] = [["c": true], ["a": 2, "aa": nil], [:], ["B": ["x", 1.5]], ["b": ["k": "v"]]]
        for update in updates {
            state = state.merging(update)
            let before = text.text
            var merged = text.merging(update)
            #expect(text.text == before)
            text.update(with: update)
            #expect(text.text == state.json.serialized())
            #expect(merged.text == text.text)
        }
    }

    @Test func malformedJSONIsATypedError() {
        for text in ["{not json", "[1, 2", "\"open", "{\"a\" 1}", "1 2", "", "tru", "[1,]x", "-"] {
            #expect(throws: JSONError.self, "\(text)") { try JSON.parse(text) }
        }
    }

    @Test func parserHandlesEscapesNumbersAndNesting() throws {
        let parsed = try JSON.parse(#" { "s": "a\"b\\c\n\u00e9\ud83d\ude00", "n": [-12, 3.5, 1e3, 0], "o": {"t": true, "f": false, "z": null} } "#)
        #expect(parsed["s"] == "a\"b\\c\né😀")
        #expect(parsed["n"] == [-12, 3.5, 1000.0, 0])
        #expect(parsed["o"] == ["t": true, "f": false, "z": nil])
        #expect(try JSON.parse(parsed.serialized()) == parsed)
    }

    struct Sample: Codable, Equatable {
        var name: String
        var speed: Double
        var count: UInt8
        var tags: [String]
        var nested: [String: [Int]]
        var missing: Bool?
        var raw: JSON
    }

    @Test func decodesCodableTypesStraightFromJSON() throws {
        let value: JSON = ["name": "a", "speed": 100, "count": 7, "tags": ["x"], "nested": ["k": [1, 2]], "raw": ["any": [nil]]]
        let sample = try value.decode(as: Sample.self)
        #expect(sample == Sample(name: "a", speed: 100, count: 7, tags: ["x"], nested: ["k": [1, 2]], missing: nil, raw: ["any": [nil]]))
        #expect(try JSON(encoding: sample).decode(as: Sample.self) == sample)
        #expect(throws: DecodingError.self) { try JSON.object(["count": 300]).decode(as: Sample.self) }
        var tooBig = value
        if case .object(var object) = tooBig { object["count"] = 300; tooBig = .object(object) }
        let error = try #require(throws: DecodingError.self) { try tooBig.decode(as: Sample.self) }
        #expect("\(error)".contains("UInt8"))
        #expect(throws: DecodingError.self) { try JSON.object(["name": 1]).decode(as: Sample.self) }
    }

    @Test func shallowMergeReplacesAndDeepMergeCombines() {
        let state = State(["a": ["x": 1, "y": 2], "keep": true])
        #expect(state.merging(["a": ["x": 9]]).values == ["a": ["x": 9], "keep": true])
        #expect(state.deepMerging(["a": ["x": 9]]).values == ["a": ["x": 9, "y": 2], "keep": true])
    }

    @Test func seededIDsRepeatAndLookLikeUUIDs() {
        let first = IDGenerator(seed: 5), second = IDGenerator(seed: 5), other = IDGenerator(seed: 6)
        let ids = (0..<3).map { _ in first.next() }
        #expect(ids == (0..<3).map { _ in second.next() })
        #expect(ids[0] != other.next())
        #expect(ids.allSatisfy { $0.count == 36 && $0.split(separator: "-").count == 5 && Array($0)[14] == "7" })
        #expect(Set(ids).count == 3)
    }

    /// Ids must sort in the order they were made (they key every engine table; see IDGenerator).
    @Test func idsSortInTheOrderTheyWereMade() {
        for generator in [IDGenerator(seed: 9), IDGenerator.random()] {
            let ids = (0..<2_000).map { _ in generator.next() }
            #expect(ids == ids.sorted())
            #expect(Set(ids).count == ids.count)
        }
        // The first 48 bits are milliseconds: seeded ids start at 2026-01-01, like SteppingClock.
        let first = IDGenerator(seed: 1).next().replacingOccurrences(of: "-", with: "")
        #expect(UInt64(first.prefix(12), radix: 16) == 1_767_225_600_001)
    }

    @Test func timestampsAreISOWithMicroseconds() {
        #expect(Timestamp.string(Date(timeIntervalSince1970: 1_767_225_600.25)) == "2026-01-01T00:00:00.250000+00:00")
        #expect(Timestamp.date("2026-01-01T00:00:00.250000+00:00") == Date(timeIntervalSince1970: 1_767_225_600.25))
    }
}

import Foundation
