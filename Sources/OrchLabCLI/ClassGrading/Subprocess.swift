import Foundation

/// Runs a program with a time limit and returns its exit status and combined output.
enum Subprocess {
    struct Result {
        let status: Int32
        let output: String
        /// The last lines, for a short report.
        var tail: String { output.split(separator: "\n").suffix(8).joined(separator: "\n") }
    }

    static func run(_ program: String, _ arguments: [String], timeout: Duration) throws -> Result {
        let process = Process()
        if program.contains("/") {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [program] + arguments
        }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("orchlab-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + .seconds(Int(timeout.components.seconds))) == .timedOut {
            process.terminate()
            finished.wait()
        }
        try handle.close()
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        return Result(status: process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus,
                      output: text)
    }
}
