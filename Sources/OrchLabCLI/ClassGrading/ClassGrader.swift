import Foundation

/// Grades a folder of workshop submissions with the instructor's exercises: each submission's
/// `Sources/Workflows/*.swift` (and nothing else of it) goes into one grading copy of the kit,
/// which is built in one scratch folder (so only the workflows recompile from one submission to
/// the next) and graded. Editing the kit's harness or exercises in a submission gains nothing.
struct ClassGrader {
    /// Bounds on what a submission may bring.
    enum Limits {
        static let maximumFiles = 64
        static let maximumFileBytes = 512 * 1024
        static let buildTimeout: Duration = .seconds(900)
        static let gradeTimeout: Duration = .seconds(300)
    }

    let exercises: String
    let workDirectory: URL
    let reportDirectory: URL
    let log: (String) -> Void

    var gradingPackage: URL { workDirectory.appendingPathComponent("kit") }
    var scratch: URL { workDirectory.appendingPathComponent("build") }

    func grade(submissions: [URL]) throws -> [SubmissionGrade] {
        let files = FileManager.default
        try files.createDirectory(at: reportDirectory, withIntermediateDirectories: true)
        if !files.fileExists(atPath: gradingPackage.appendingPathComponent("Package.swift").path) {
            try WorkshopKit.write(to: gradingPackage)
        }
        return try submissions.map { submission in
            let started = ContinuousClock.now
            var grade = try gradeOne(submission)
            grade.seconds = (ContinuousClock.now - started).seconds
            try writeFailureResults(grade)
            log("\(grade.participant): \(grade.summary) (\(String(format: "%.1f", grade.seconds)) s)")
            return grade
        }
    }

    private func gradeOne(_ submission: URL) throws -> SubmissionGrade {
        let participant = submission.lastPathComponent
        do {
            try installWorkflows(from: submission)
        } catch let error as SubmissionError {
            return SubmissionGrade(participant: participant, outcome: .refused(error.description))
        }
        let build = try Subprocess.run("swift", ["build", "--package-path", gradingPackage.path, "--scratch-path", scratch.path,
                                                 "--product", "workshop"], timeout: Limits.buildTimeout)
        guard build.status == 0 else {
            let errors = build.output.split(separator: "\n").filter { $0.contains("error:") }.prefix(5)
            return SubmissionGrade(participant: participant, outcome: .buildFailed(errors.isEmpty ? build.tail : errors.joined(separator: "\n")))
        }
        let reports = reportDirectory.appendingPathComponent(participant)
        let run = try Subprocess.run(scratch.appendingPathComponent("debug/workshop").path,
                                     ["grade", "--report-dir", reports.path, exercises], timeout: Limits.gradeTimeout)
        let results = reports.appendingPathComponent("results.json")
        guard run.status <= 1, let data = try? Data(contentsOf: results),
              let gradescope = try? JSONDecoder().decode(GradescopeResults.self, from: data) else {
            return SubmissionGrade(participant: participant, outcome: .gradingFailed(run.tail))
        }
        return SubmissionGrade(participant: participant, outcome: .graded(gradescope))
    }

    /// A submission that did not build still gets a Gradescope `results.json`: score 0 and why.
    private func writeFailureResults(_ grade: SubmissionGrade) throws {
        let reason: String
        switch grade.outcome {
        case .graded: return
        case .buildFailed(let detail): reason = "Your workflows do not build:\n" + detail
        case .gradingFailed(let detail): reason = "Grading stopped:\n" + detail
        case .refused(let detail): reason = "Submission refused: " + detail
        }
        let folder = reportDirectory.appendingPathComponent(grade.participant)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let body: [String: Any] = ["score": 0, "output": reason, "visibility": "visible", "tests": [Any]()]
        try JSONSerialization.data(withJSONObject: body, options: [.prettyPrinted, .sortedKeys])
            .write(to: folder.appendingPathComponent("results.json"))
    }

    /// Replaces the grading copy's workflows by the submission's Swift files.
    private func installWorkflows(from submission: URL) throws {
        let files = FileManager.default
        let source = submission.appendingPathComponent("Sources/Workflows")
        guard let names = try? files.contentsOfDirectory(atPath: source.path) else {
            throw SubmissionError("no Sources/Workflows folder")
        }
        let swift = names.filter { $0.hasSuffix(".swift") }.sorted()
        guard !swift.isEmpty else { throw SubmissionError("no Swift files in Sources/Workflows") }
        guard swift.count <= Limits.maximumFiles else {
            throw SubmissionError("\(swift.count) Swift files in Sources/Workflows; at most \(Limits.maximumFiles)")
        }
        for name in swift {
            let attributes = try files.attributesOfItem(atPath: source.appendingPathComponent(name).path)
            guard attributes[.type] as? FileAttributeType == .typeRegular else { throw SubmissionError("\(name) is not a regular file") }
            guard (attributes[.size] as? Int ?? 0) <= Limits.maximumFileBytes else {
                throw SubmissionError("\(name) is over \(Limits.maximumFileBytes / 1024) KiB")
            }
        }
        let target = gradingPackage.appendingPathComponent("Sources/Workflows")
        try? files.removeItem(at: target)
        try files.createDirectory(at: target, withIntermediateDirectories: true)
        for name in swift {
            try files.copyItem(at: source.appendingPathComponent(name), to: target.appendingPathComponent(name))
        }
    }
}

struct SubmissionError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The parts of a Gradescope `results.json` the class table needs.
struct GradescopeResults: Decodable, Sendable {
    struct Test: Decodable, Sendable {
        let name: String
        let score: Double
        let maxScore: Double
        enum CodingKeys: String, CodingKey { case name, score, maxScore = "max_score" }
    }
    let score: Double
    let tests: [Test]
}

struct SubmissionGrade: Sendable {
    enum Outcome: Sendable {
        case graded(GradescopeResults)
        case buildFailed(String)
        case gradingFailed(String)
        case refused(String)
    }

    let participant: String
    let outcome: Outcome
    var seconds: Double = 0

    var summary: String {
        switch outcome {
        case .graded(let results): "\(ClassTable.points(results.score))/\(ClassTable.points(results.tests.reduce(0) { $0 + $1.maxScore })) points"
        case .buildFailed: "build failed"
        case .gradingFailed: "grading failed"
        case .refused(let reason): "refused: \(reason)"
        }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
