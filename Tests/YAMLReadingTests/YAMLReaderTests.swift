import Testing
import Yams
import YAMLReading

/// The wording and placing of every error the one YAML reader reports: the topology and scenario
/// files both show these texts, so a change here is a change users see.
@Suite struct YAMLReaderTests {
    private let limits = YAMLReader.Limits(maximumBytes: 1 << 16, maximumNodes: 1_000)

    private func read(_ yaml: String, _ body: (YAMLReader, Node) -> Void) throws -> [String] {
        let reader = YAMLReader(file: "f.yaml")
        let root = try #require(reader.compose(yaml, limits: limits), "\(reader.issues)")
        body(reader, root)
        return reader.issues.map { "\($0.line):\($0.column): \($0.path): \($0.text)" }
    }

    private func composeIssue(_ yaml: String) -> String? {
        let reader = YAMLReader(file: "f.yaml")
        #expect(reader.compose(yaml, limits: limits) == nil)
        return reader.issues.first.map { "\($0.line):\($0.column): \($0.text)" }
    }

    @Test func unknownAndMissingKeys() throws {
        let issues = try read("a: 1\nstauts: x\n") { reader, root in
            _ = reader.mapping(root, YAMLPath("site"), keys: ["a", "status", "name"], required: ["name"], what: "site")
        }
        #expect(issues == [
            "2:1: site.stauts: unknown key 'stauts' in site (did you mean 'status'?) (expected one of a, status, name)",
            "1:1: site.name: missing required key 'name' in site",
        ])
    }

    @Test func misplacedKeysGetTheirNote() throws {
        let issues = try read("a: 1\nb: 2\n") { reader, root in
            _ = reader.mapping(root, YAMLPath(), keys: ["a"], misplaced: { $0 == "b" ? "'b' belongs elsewhere" : nil })
        }
        #expect(issues == ["2:1: b: 'b' belongs elsewhere"])
    }

    @Test func typesAndRanges() throws {
        let issues = try read("n: seven\nm: 0\nb: yes\ns: [x]\ne: ' '\nc: actve\nl: {a: 1}\nq: '5'\n") { reader, root in
            var fields = reader.mapping(root, YAMLPath("x"), keys: ["n", "m", "b", "s", "e", "c", "l", "q"])!
            #expect(fields.int("n", minimum: 1) == nil)
            #expect(fields.int("m", minimum: 1, maximum: 9) == nil)
            #expect(fields.bool("b") == nil)
            #expect(fields.string("s") == nil)
            #expect(fields.nonEmptyString("e") == nil)
            #expect(fields.choice("c", from: ["active", "planned"]) == nil)
            #expect(fields.sequence("l") == nil)
            #expect(fields.int("q", minimum: 1) == nil)
            #expect(fields.invalidKeys == ["n", "m", "b", "s", "e", "c", "l", "q"])
        }
        #expect(issues == [
            "1:4: x.n: wrong type: found a string 'seven' (expected an integer ≥ 1)",
            "2:4: x.m: 0 is out of range (expected an integer from 1 to 9)",
            "3:4: x.b: wrong type: found a string 'yes' (expected true or false)",
            "4:4: x.s: wrong type: found a list (expected a string)",
            "5:4: x.e: found an empty string (expected a non-empty string)",
            "6:4: x.c: unknown c 'actve' (did you mean 'active'?) (expected one of active, planned)",
            "7:4: x.l: wrong type: found a mapping (expected a list)",
            "8:4: x.q: wrong type: found a string '5' (expected an integer ≥ 1)",
        ])
    }

    @Test func goodValuesReadQuietly() throws {
        let issues = try read("n: 7\nb: true\ns: 5\nl: [a, b]\nc: active\nz: ~\n") { reader, root in
            var fields = reader.mapping(root, YAMLPath(), keys: ["n", "b", "s", "l", "c", "z"])!
            #expect(fields.int("n", minimum: 1) == 7 && fields.bool("b") == true && fields.string("s") == "5")
            #expect(fields.sequence("l")?.count == 2 && fields.choice("c", from: ["active"]) == "active")
            #expect(fields["z"]?.isNull == true && fields["absent"] == nil)
            #expect(reader.strings(fields["l"]!, fields.path("l")) == ["a", "b"])
        }
        #expect(issues.isEmpty)
    }

    /// OrchLab's own files say what they mean: null is a value (and a wrong type where a string is
    /// wanted); other tools' files (read with no key list) use null for "not set".
    @Test func nullIsAValueUnlessTheFormatIsForeign() throws {
        let issues = try read("a: ~\nb: 1\n") { reader, root in
            var own = reader.mapping(root, YAMLPath(), keys: ["a", "b"])!
            #expect(own.string("a") == nil)
            let foreign = reader.mapping(root, YAMLPath(), keys: nil)!
            #expect(foreign.entries.map(\.key) == ["b"])
        }
        #expect(issues == ["1:4: a: wrong type: found nothing (null) (expected a string)"])
    }

    @Test func notAMappingAndOddKeys() throws {
        let issues = try read("- a\n- ? [x]\n  : 1\n") { reader, root in
            #expect(reader.mapping(root, YAMLPath(), keys: ["a"], what: "scenario") == nil)
            #expect(reader.mapping(root, YAMLPath(), keys: ["a"]) == nil)
            let items = reader.sequence(root, YAMLPath())!
            #expect(reader.entries(items[1], YAMLPath().index(1))?.isEmpty == true)
        }
        #expect(issues == [
            "1:1: : wrong type: found a list (expected a scenario)",
            "1:1: : wrong type: found a list (expected a mapping with keys a)",
            "2:5: [1]: wrong type of key: found a list (expected a plain word)",
        ])
    }

    @Test func mergeKeysAreResolved() throws {
        let issues = try read("base: &b {x: 1}\nitem: {<<: *b, y: 2}\n") { reader, root in
            let item = reader.mapping(root, YAMLPath(), keys: ["base", "item"])!["item"]!
            let fields = reader.mapping(item, YAMLPath("item"), keys: ["x", "y"])!
            #expect(fields.entries.map(\.key) == ["y", "x"])
        }
        #expect(issues.isEmpty)
    }

    @Test func documentsThatCannotBeRead() {
        #expect(composeIssue("") == "1:1: the file is empty (expected a YAML mapping)")
        #expect(composeIssue("a: 1\na: 2\n")?.hasSuffix("duplicate key 'a' in one mapping") == true)
        #expect(composeIssue("a: [1\n")?.contains("invalid YAML: ") == true)
        #expect(composeIssue(String(repeating: "x", count: (1 << 16) + 1))
            == "1:1: the file is larger than 65536 bytes (the limit for this kind of file)")
        #expect(composeIssue("a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nb: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n")?
            .contains("YAML nodes once aliases are expanded") == true)
    }

    @Test func forwardedIssuesAreNotKept() throws {
        var forwarded: [YAMLIssue] = []
        let reader = YAMLReader(file: "f.yaml") { forwarded.append($0) }
        reader.fail(nil, YAMLPath("a").index(2).key("b"), "bad", expected: "good")
        #expect(forwarded == [YAMLIssue(line: 1, column: 1, path: "a[2].b", message: "bad", expected: "good")])
        #expect(reader.issues.isEmpty && !reader.hasIssues)
    }
}
