import ArgumentParser
import Foundation

/// `orchlab workshop init DIR`: writes the participant kit, a package of its own that depends
/// on this OrchLab checkout.
struct WorkshopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workshop", abstract: "Hand out the workshop's participant kit.", subcommands: [Init.self])

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
