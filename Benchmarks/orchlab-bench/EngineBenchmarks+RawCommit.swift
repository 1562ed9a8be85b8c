import Foundation
import WorkflowEngine

/// The engine's per-step cost against its floor, measured in the same run right after it: a raw
/// SQLite commit of one step-log row (`RawCommit`) on the same kind of database.
extension EngineBenchmarks {
    static let rawCommits = 20_000

    /// - Parameters:
    ///   - perStep: the 10-step workflow's samples divided by its 11 rows.
    ///   - path: where the raw commits go (`:memory:` or a fresh file beside the engine's).
    static func rawCommitFloor(_ label: String, engine: Engine, perStep: Timings, path: String) throws {
        let sample = try engine.start("ten_steps", inputs: [[:]]).processID
        let raw = try RawCommit(path: path, engineDatabase: engine.store.database, processID: sample)
        let commits = try timed(iterations: rawCommits) { try raw.once() }
        Figures.shared.timings("raw SQLite commit (one step-log row INSERT in its own transaction), \(label)", commits)
        let byWall = Measure.median(perStep.wall) / Measure.median(commits.wall)
        let byCPU = Measure.median(perStep.cpu) / Measure.median(commits.cpu)
        Figures.shared.line(String(format: "engine step / raw SQLite commit, \(label): %.1f× by wall median, %.1f× by CPU median "
                                       + "(rows of %.0f bytes of text on average)", byWall, byCPU, raw.meanRowBytes),
                            [("engine step / raw SQLite commit, \(label), by wall median", byWall, "×"),
                             ("engine step / raw SQLite commit, \(label), by CPU median", byCPU, "×"),
                             ("step-log row, \(label), mean bytes of text", raw.meanRowBytes, "B")])
    }
}
