import Foundation
import Testing
import Yams
@testable import Scenarios

/// Examples/ci: the GitHub Actions and GitLab CI examples call `orchlab run --shard i/n` for every
/// shard exactly once, keep each shard's report folder, and merge exactly those folders. The
/// commands they hold are then played against a small suite: the merged reports equal a whole run's.
@Suite struct CIExampleTests {
    static let folder = SchemaSyncTests.packageRoot.appendingPathComponent("Examples/ci")
    /// The options of `orchlab run` and `orchlab report merge` the examples may use, each taking a value.
    static let runOptions: Set = ["--shard", "--report-dir", "--tag", "--filter", "--workflows", "--jobs"]
    static let mergeOptions: Set = ["--report-dir"]

    struct Command {
        var options: [String: String] = [:]
        var arguments: [String] = []
    }

    /// The words after `swift run orchlab <subcommand…>` in `line`, with each `--option value` checked
    /// against `known`.
    static func command(_ line: String, _ subcommand: [String], known: Set<String>) throws -> Command {
        let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
        let at = try #require(words.firstIndex(of: "orchlab"), "\(line) runs orchlab")
        #expect(Array(words[..<at].suffix(2)) == ["swift", "run"])
        let after = words[(at + 1)...]
        #expect(Array(after.prefix(subcommand.count)) == subcommand, "\(line) runs orchlab \(subcommand.joined(separator: " "))")
        var command = Command()
        var rest = after.dropFirst(subcommand.count).makeIterator()
        while let word = rest.next() {
            if word.hasPrefix("-") {
                #expect(known.contains(word), "\(word) is not an option of orchlab \(subcommand.joined(separator: " "))")
                let value = rest.next()
                command.options[word] = try #require(value, "\(word) has a value")
            } else {
                command.arguments.append(word)
            }
        }
        return command
    }

    static func expand(_ text: String, _ variables: [String: String]) -> String {
        variables.reduce(text) { text, variable in text.replacingOccurrences(of: variable.key, with: variable.value) }
    }

    static func load(_ name: String) throws -> [String: Any] {
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        // GitHub's `on:` key reads as the boolean true under YAML 1.1, so keys are taken as written.
        let top = try #require(try Yams.load(yaml: text) as? [AnyHashable: Any])
        return Dictionary(uniqueKeysWithValues: top.map { ("\($0.key.base)", $0.value) })
    }

    /// Runs each shard command and the merge command on a seven-scenario suite with the fake
    /// execution, and checks the merged reports equal a whole run's.
    static func play(shards: [Command], merge: Command) throws {
        let workspace = try TestWorkspace()
        for index in 0..<7 {
            try workspace.scenario("Scenarios/s\(index).yaml", name: "scenario \(index)", assertions: ["a", "b"])
        }
        let fixture = MergeFixture(workspace: workspace, paths: [workspace.path("Scenarios")], catalogues: FakeExecution.catalogues,
                                   execution: FakeExecution.passing(except: ["b"]))
        fixture.run(into: "whole")
        for shard in shards {
            fixture.run(into: try #require(shard.options["--report-dir"]), shard: Shard(try #require(shard.options["--shard"])))
        }
        let out = try #require(merge.options["--report-dir"])
        let merged = fixture.merge(merge.arguments.map(workspace.path), into: out)
        #expect(merged.status == ExitStatus.failed, "\(merged.output)")
        #expect(try fixture.reports(in: out) == (try fixture.reports(in: "whole")))
    }

    @Test func theGitHubActionsExampleShardsAndMerges() throws {
        let jobs = try #require(try Self.load("github-actions.yml")["jobs"] as? [String: Any])
        let scenarios = try #require(jobs["scenarios"] as? [String: Any])
        let matrix = try #require((scenarios["strategy"] as? [String: Any])?["matrix"] as? [String: Any])
        let values = try #require(matrix["shard"] as? [Int])
        let steps = try #require(scenarios["steps"] as? [[String: Any]])
        let runLine = try #require(steps.compactMap { $0["run"] as? String }.first { $0.contains("orchlab run") })
        let upload = try #require(steps.first { ($0["uses"] as? String)?.hasPrefix("actions/upload-artifact@") == true }?["with"] as? [String: Any])
        var shards: [Command] = [], artifacts: [String: String] = [:]
        for value in values {
            let variables = ["${{ matrix.shard }}": "\(value)"]
            let command = try Self.command(Self.expand(runLine, variables), ["run"], known: Self.runOptions)
            let shard = try #require(Shard(command.options["--shard"] ?? ""), "--shard i/n")
            #expect(shard.index == value && shard.count == values.count)
            let reportDir = try #require(command.options["--report-dir"])
            #expect(Self.expand(try #require(upload["path"] as? String), variables) == reportDir, "the upload takes the shard's reports")
            artifacts[Self.expand(try #require(upload["name"] as? String), variables)] = reportDir
            shards.append(command)
        }
        #expect(values.sorted() == Array(1...values.count))
        #expect(Set(shards.compactMap { $0.options["--report-dir"] }).count == values.count, "each shard has a folder of its own")

        let merge = try #require(jobs["merge"] as? [String: Any])
        #expect(merge["needs"] as? String == "scenarios")
        #expect((merge["if"] as? String)?.contains("!cancelled()") == true, "the merge runs when a shard failed")
        let mergeSteps = try #require(merge["steps"] as? [[String: Any]])
        let download = try #require(mergeSteps.first { ($0["uses"] as? String)?.hasPrefix("actions/download-artifact@") == true }?["with"] as? [String: Any])
        let pattern = try #require(download["pattern"] as? String), downloadPath = try #require(download["path"] as? String)
        // download-artifact puts each artifact in <path>/<name>: that must be where the shard wrote it.
        for (name, reportDir) in artifacts {
            #expect(fnmatch(pattern, name, 0) == 0, "\(pattern) downloads \(name)")
            #expect("\(downloadPath)/\(name)" == reportDir)
        }
        let mergeLine = try #require(mergeSteps.compactMap { $0["run"] as? String }.first { $0.contains("report merge") })
        let command = try Self.command(mergeLine, ["report", "merge"], known: Self.mergeOptions)
        #expect(command.arguments.sorted() == artifacts.values.sorted(), "the merge reads every shard's folder")
        let out = try #require(command.options["--report-dir"])
        let withs = mergeSteps.compactMap { $0["with"] as? [String: Any] }
        #expect(withs.contains { $0["report_paths"] as? String == "\(out)/junit.xml" }, "the merged JUnit is published")
        #expect(withs.contains { $0["path"] as? String == out }, "the merged reports are uploaded")
        try Self.play(shards: shards, merge: command)
    }

    @Test func theGitLabExampleShardsAndMerges() throws {
        let pipeline = try Self.load("gitlab-ci.yml")
        let scenarios = try #require(pipeline["scenarios"] as? [String: Any])
        let total = try #require(scenarios["parallel"] as? Int)
        let runLine = try #require((scenarios["script"] as? [String])?.first { $0.contains("orchlab run") })
        let artifacts = try #require(scenarios["artifacts"] as? [String: Any])
        #expect(artifacts["when"] as? String == "always", "a failing shard keeps its reports")
        let kept = try #require(artifacts["paths"] as? [String])
        var shards: [Command] = []
        for index in 1...total {
            let command = try Self.command(Self.expand(runLine, ["${CI_NODE_INDEX}": "\(index)", "${CI_NODE_TOTAL}": "\(total)"]),
                                           ["run"], known: Self.runOptions)
            let shard = try #require(Shard(command.options["--shard"] ?? ""), "--shard i/n")
            #expect(shard.index == index && shard.count == total)
            let reportDir = try #require(command.options["--report-dir"])
            #expect(kept.contains { reportDir.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") || reportDir == $0 }, "\(reportDir) is kept")
            shards.append(command)
        }
        let merge = try #require(pipeline["merge-reports"] as? [String: Any])
        #expect(merge["when"] as? String == "always")
        let needs = try #require(merge["needs"] as? [[String: Any]])
        #expect(needs.contains { $0["job"] as? String == "scenarios" && $0["artifacts"] as? Bool == true })
        let mergeLine = try #require((merge["script"] as? [String])?.first { $0.contains("report merge") })
        let command = try Self.command(mergeLine, ["report", "merge"], known: Self.mergeOptions)
        #expect(command.arguments.sorted() == shards.compactMap { $0.options["--report-dir"] }.sorted())
        let out = try #require(command.options["--report-dir"])
        let mergeArtifacts = try #require(merge["artifacts"] as? [String: Any])
        #expect((mergeArtifacts["reports"] as? [String: Any])?["junit"] as? String == "\(out)/junit.xml", "the test tab reads the merged JUnit")
        #expect((mergeArtifacts["paths"] as? [String])?.contains { $0.hasPrefix(out) } == true)
        try Self.play(shards: shards, merge: command)
    }
}
