import Testing
import Foundation
@testable import RouterSim
import SeededRandom

@Suite struct DiffTests {
    @Test func unifiedDiffShowsHunksWithContext() {
        let old = "a\nb\nc\nd\ne\nf\ng\nh\ni\n"
        let new = "a\nb\nc\nD\ne\nf\ng\nh\ni\nj\n"
        let diff = UnifiedDiff.make(old: old.configLines, new: new.configLines, oldName: "before", newName: "after")
        #expect(diff == """
        --- before
        +++ after
        @@ -1,9 +1,10 @@
         a
         b
         c
        -d
        +D
         e
         f
         g
         h
         i
        +j

        """)
        #expect(UnifiedDiff.make(old: old.configLines, new: old.configLines, oldName: "x", newName: "y") == "")
    }

    @Test func distantChangesGetSeparateHunks() {
        let old = (1...20).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 2\n", with: "line two\n").replacingOccurrences(of: "line 19\n", with: "")
        let diff = UnifiedDiff.make(old: old.configLines, new: new.configLines, oldName: "o", newName: "n")
        #expect(diff.components(separatedBy: "\n").filter { $0.hasPrefix("@@") } == ["@@ -1,5 +1,5 @@", "@@ -16,5 +16,4 @@"])
    }

    /// Applying the edit script must turn the old lines into the new ones, for random inputs.
    @Test func editScriptsTransformOldIntoNew() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<300 {
            let a = (0..<Int.random(in: 0...30, using: &random)).map { _ in Int.random(in: 0...5, using: &random) }
            let b = (0..<Int.random(in: 0...30, using: &random)).map { _ in Int.random(in: 0...5, using: &random) }
            var rebuilt: [Int] = []
            var deleted = 0, kept = 0
            for edit in UnifiedDiff.script(a, b) {
                switch edit {
                case .keep(let i, let j): #expect(a[i] == b[j]); rebuilt.append(a[i]); kept += 1
                case .delete: deleted += 1
                case .insert(let j): rebuilt.append(b[j])
                }
            }
            #expect(rebuilt == b)
            #expect(kept + deleted == a.count)
        }
    }
}
