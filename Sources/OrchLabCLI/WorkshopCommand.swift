import ArgumentParser
import Foundation

/// `orchlab workshop init DIR`: writes the participant kit, a package of its own that depends
/// on this OrchLab checkout.
/// Not built in: an executable for the workshop passes it in `commands:` (this repository's
/// `orchlab` does); an operator's own CLI has no use for it.
public struct WorkshopCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "workshop", abstract: "Hand out the workshop's participant kit and grade a class's submissions.", subcommands: [Init.self, GradeClass.self])

    public init() {}

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the participant kit into DIR (a new or empty folder).",
            discussion: "The kit holds the workshop's Node and Circuit workflows as editable Swift files, the visible exercises and the lab. `swift run` inside it grades the participant's code.")

        @Argument(help: "The folder to create.") var directory: String

        func run() throws {
            let kit = WorkshopKit.sourceDirectory
            guard FileManager.default.fileExists(atPath: kit.appendingPathComponent("Package.swift").path) else {
                throw ValidationError("the workshop kit is not beside this OrchLab build (looked in \(kit.path))")
            }
            let target = URL(fileURLWithPath: directory)
            if let existing = try? FileManager.default.contentsOfDirectory(atPath: target.path), !existing.isEmpty {
                throw ValidationError("\(directory) exists and is not empty; the kit needs a new or empty folder")
            }
            do {
                try WorkshopKit.write(to: target)
            } catch {
                throw ValidationError("cannot write the kit into \(directory): \(error.localizedDescription)")
            }
            print("""
                Wrote the workshop kit into \(directory).
                  cd \(directory)
                  swift run            # builds the kit and grades your workflows (Sources/Workflows/*.swift)
                """)
        }
    }
}

extension WorkshopCommand {
    struct GradeClass: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "grade-class",
            abstract: "Grade every submission (a kit folder each) under SUBMISSIONS with the instructor's exercises.",
            discussion: """
                Only each submission's Sources/Workflows/*.swift is taken; it is built inside a grading copy \
                of the kit (one scratch folder for all, so only the workflows recompile) and graded with the \
                exercises here, hidden checks included. Writes grades.csv and grades.html (a row per \
                participant, a column per check) and each participant's Gradescope results.json.
                """)

        @Argument(help: "A folder with one folder per participant.") var submissions: String
        @Option(help: "The instructor's exercises (default: this checkout's Scenarios/exercises).") var exercises: String?
        @Option(name: .customLong("report-dir"), help: "Where the class table goes.") var reportDir = "reports/class"
        @Option(name: .customLong("work-dir"), help: "The grading copy of the kit and its build cache.") var workDir = ".build-class"

        func run() throws {
            let root = URL(fileURLWithPath: submissions)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: root.path) else {
                throw ValidationError("cannot read \(submissions)")
            }
            let folders = names.sorted().map { root.appendingPathComponent($0) }.filter {
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: $0.path, isDirectory: &isDirectory) && isDirectory.boolValue
            }
            guard !folders.isEmpty else { throw ValidationError("\(submissions) holds no submission folders") }
            let exercises = URL(fileURLWithPath: exercises ?? WorkshopKit.orchLabRoot.appendingPathComponent("Scenarios/exercises").path)
            let reports = URL(fileURLWithPath: reportDir)
            let grader = ClassGrader(exercises: exercises.path, workDirectory: URL(fileURLWithPath: workDir).standardizedFileURL,
                                     reportDirectory: reports.standardizedFileURL) { print($0) }
            let grades = try grader.grade(submissions: folders)
            let table = ClassTable(grades: grades)
            try table.csv().write(to: reports.appendingPathComponent("grades.csv"), atomically: true, encoding: .utf8)
            try table.html().write(to: reports.appendingPathComponent("grades.html"), atomically: true, encoding: .utf8)
            print("class table: \(reportDir)/grades.csv, \(reportDir)/grades.html")
        }
    }
}

/// The kit as it stands in this repository (`Examples/workshop-kit`), copied without build
/// products, its OrchLab dependency pointed at this checkout.
enum WorkshopKit {
    static let orchLabRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let sourceDirectory = orchLabRoot.appendingPathComponent("Examples/workshop-kit")
    static let skipped: Set<String> = [".build", ".swiftpm", "Package.resolved", "reports"]

    static func write(to target: URL) throws {
        let files = FileManager.default
        try files.createDirectory(at: target, withIntermediateDirectories: true)
        for name in try files.contentsOfDirectory(atPath: sourceDirectory.path) where !skipped.contains(name) {
            try files.copyItem(at: sourceDirectory.appendingPathComponent(name), to: target.appendingPathComponent(name))
        }
        let manifest = target.appendingPathComponent("Package.swift")
        let text = try String(contentsOf: manifest, encoding: .utf8)
            .replacingOccurrences(of: "path: \"../..\"", with: "path: \"\(orchLabRoot.path)\"")
        try text.write(to: manifest, atomically: true, encoding: .utf8)
    }
}
