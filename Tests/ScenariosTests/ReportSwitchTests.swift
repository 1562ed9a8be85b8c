import Foundation
import Testing
@testable import Scenarios

/// The report set is switched in one atomic step: a run killed after any file-system operation
/// leaves the folder showing exactly the old set or exactly the new one, and the next run
/// recovers. A kill is simulated by running only the first steps of the planned switch.
@Suite struct ReportSwitchTests {
    static let old = ["a.txt": "old a\n", "b.txt": "old b\n", "kept.txt": "old kept\n"]
    static let new = ["a.txt": "new a\n", "b.txt": "new b\n", "c.txt": "new c\n"]
    static let next = ["a.txt": "next a\n", "d.txt": "next d\n"]
    static let names = Set(old.keys).union(new.keys).union(next.keys)

    /// The folder as a reader sees it through the report paths: each name's text, or nil.
    static func view(_ directory: String) -> [String: String] {
        var seen: [String: String] = [:]
        for name in names {
            seen[name] = try? String(contentsOfFile: (directory as NSString).appendingPathComponent(name), encoding: .utf8)
        }
        return seen
    }

    static func files(_ texts: [String: String]) -> [ReportFolder.File] {
        texts.sorted { $0.key < $1.key }.map { name, text in (name, { text }) }
    }

    enum Start: CaseIterable {
        /// A set published by this version.
        case published
        /// Plain files as the version before sets wrote them, with its staging folder left by a kill.
        case plainFiles
        /// Nothing yet.
        case empty
    }

    private static func prepare(_ start: Start, in workspace: TestWorkspace) throws -> String {
        let directory = workspace.path("reports")
        switch start {
        case .published:
            _ = try ReportFolder(directory: directory).publish(files(old))
        case .plainFiles:
            for (name, text) in old { try workspace.write("reports/" + name, text) }
            try workspace.write("reports/\(ReportSwitch.oldStagingPrefix)1234/a.txt", "half\n")
        case .empty:
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        return directory
    }

    /// The switch as `publish` plans it (leftovers removed first).
    private static func plan(_ directory: String) throws -> [ReportSwitch.Step] {
        ReportSwitch.removeLeftovers(in: directory)
        return try ReportSwitch(directory: directory, texts: new.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }).steps
    }

    @Test(arguments: Start.allCases)
    func aKillAfterAnyStepLeavesTheOldOrTheNewSetAndTheNextRunRecovers(_ start: Start) throws {
        let sample = try TestWorkspace()
        let stepCount = try withExtendedLifetime(sample) { try Self.plan(Self.prepare(start, in: sample)).count }
        #expect(stepCount >= 8)
        for kill in 0...stepCount {
            let workspace = try TestWorkspace()
            let directory = try Self.prepare(start, in: workspace)
            let before = Self.view(directory)
            #expect(start == .empty || before["a.txt"] == "old a\n")
            let steps = try Self.plan(directory)
            #expect(steps.count == stepCount)
            var switched = false
            let after = before.merging(Self.new) { $1 }
            for step in steps.prefix(kill) {
                try step.run()
                // What a reader sees right after each step: one whole set, and once the new
                // one is seen, never the old again.
                let now = Self.view(directory)
                #expect(now == before && !switched || now == after, "after '\(step.name)' (\(start)): \(now)")
                switched = switched || now == after
            }
            if kill == stepCount { #expect(switched, "\(start)") }

            // The next run cleans up what the killed one left and publishes whole.
            _ = try ReportFolder(directory: directory).publish(Self.files(Self.next))
            let expected = (switched ? after : before).merging(Self.next) { $1 }
            #expect(Self.view(directory) == expected, "recovery after \(kill) steps (\(start))")
            let hidden = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix(".") }
            #expect(Set(hidden.filter { !$0.hasPrefix(ReportSwitch.setPrefix) }) == [ReportSwitch.currentLink, ReportSwitch.lockName],
                    "\(hidden) after \(kill) steps (\(start))")
            #expect(hidden.filter { $0.hasPrefix(ReportSwitch.setPrefix) }.count == 1, "\(hidden)")
            // No report path is left pointing at nothing.
            let visible = try FileManager.default.contentsOfDirectory(atPath: directory).filter { !$0.hasPrefix(".") }
            #expect(Set(visible) == Set(expected.keys), "\(visible) (\(start))")
        }
    }

    @Test func filesOfTheOldSetNotInTheNewOneStayAndTheLinksAreRelative() throws {
        let workspace = try TestWorkspace()
        let directory = workspace.path("reports")
        _ = try ReportFolder(directory: directory).publish(Self.files(Self.old))
        _ = try ReportFolder(directory: directory).publish(Self.files(Self.new))
        #expect(Self.view(directory) == Self.old.merging(Self.new) { $1 })
        // Relative links: the folder moved (or archived and unpacked) elsewhere still reads.
        let moved = workspace.path("moved")
        try FileManager.default.moveItem(atPath: directory, toPath: moved)
        #expect(try String(contentsOfFile: moved + "/c.txt", encoding: .utf8) == "new c\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: moved + "/c.txt") == ".orchlab-current/c.txt")
    }
}
