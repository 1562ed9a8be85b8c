import Testing
import WorkflowEngine
@testable import Scenarios
import SeededRandom

@Suite struct LineDiffTests {
    /// Applying the edits to the old lines gives the new lines.
    private func replay(_ diff: LineDiff) -> (old: [String], new: [String]) {
        var old: [String] = [], new: [String] = []
        for edit in diff.edits {
            switch edit {
            case .same(let line): old.append(line); new.append(line)
            case .removed(let line): old.append(line)
            case .added(let line): new.append(line)
            }
        }
        return (old, new)
    }

    /// A text's lines: split on LF, a last empty line (a final newline) dropped, empty lines kept.
    @Test(arguments: [
        ("", [String]()), ("\n", [""]), ("a", ["a"]), ("a\n", ["a"]), ("a\nb", ["a", "b"]),
        ("a\n\nb\n\n", ["a", "", "b", ""]), ("héllo\n wörld", ["héllo", " wörld"]),
    ])
    func linesSplitOnNewlines(text: String, lines: [String]) {
        #expect(LineDiff.lines(text) == lines)
    }

    @Test(arguments: [
        ("a\nb\nc\n", "a\nb\nc\n", 0),
        ("", "x\ny\n", 2),
        ("x\ny\n", "", 2),
        ("a\nb\nc\nd\n", "a\nc\nd\ne\n", 2),
        ("hostname r1\n metric 15000000\n!\n", "hostname r1\n metric 10\n!\n", 2),
    ])
    func editsReplayAndAreMinimal(old: String, new: String, changes: Int) {
        let diff = LineDiff(old: old, new: new)
        let replayed = replay(diff)
        #expect(replayed.old == LineDiff.lines(old))
        #expect(replayed.new == LineDiff.lines(new))
        #expect(diff.edits.count { if case .same = $0 { false } else { true } } == changes)
        #expect(diff.hasChanges == (changes > 0))
    }

    @Test func replaysPseudoRandomInputs() {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<200 {
            let old = (0..<Int.random(in: 0...12, using: &generator)).map { _ in String(Int.random(in: 0...4, using: &generator)) }
            let new = (0..<Int.random(in: 0...12, using: &generator)).map { _ in String(Int.random(in: 0...4, using: &generator)) }
            let diff = LineDiff(oldLines: old, newLines: new)
            let replayed = replay(diff)
            #expect(replayed.old == old && replayed.new == new)
            // Myers finds a shortest edit script: never more edits than deleting and re-adding every line.
            #expect(diff.edits.count { if case .same = $0 { false } else { true } } <= old.count + new.count)
        }
    }

    @Test func unifiedDiffHasHeadersHunksAndContext() {
        let old = (1...20).map { "line \($0)" }.joined(separator: "\n")
        let new = old.replacingOccurrences(of: "line 10", with: "line ten")
        let text = LineDiff(old: old, new: new).unified(oldName: "before", newName: "after")
        #expect(text == """
        --- before
        +++ after
        @@ -7,7 +7,7 @@
         line 7
         line 8
         line 9
        -line 10
        +line ten
         line 11
         line 12
         line 13

        """)
        #expect(LineDiff(old: old, new: old).unified(oldName: "a", newName: "b") == "")
    }

    @Test func distantChangesMakeSeparateHunks() {
        let old = (1...30).map { "l\($0)" }
        var new = old
        new[1] = "changed 2"
        new[25] = "changed 26"
        let hunks = LineDiff(oldLines: old, newLines: new).hunks(context: 3)
        #expect(hunks.count == 2)
        #expect(hunks.map(\.oldStart) == [1, 23])
        #expect(hunks[1].oldCount == 7)
    }

    @Test func insertionIntoEmptyTextStartsAtZero() {
        let hunks = LineDiff(old: "", new: "a\n").hunks()
        #expect(hunks.first?.oldStart == 0)
        #expect(hunks.first?.oldCount == 0)
        #expect(hunks.first?.newStart == 1)
    }
}
