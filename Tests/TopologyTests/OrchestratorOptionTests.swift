import Foundation
import OrchLabTestSupport
import Testing

/// `run --orchestrator` and its options are range-checked before anything is served or called.
/// Runs the real `orchlab` binary (which hands a valid request to `orchlab-serve`).
@Suite struct OrchestratorOptionTests {
    private func orchlab(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process(), pipe = Pipe()
        process.executableURL = try TestRepository.executable("orchlab")
        process.arguments = arguments
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test func outOfRangeValuesExitTwoNamingTheOption() throws {
        let cases: [([String], String)] = [
            (["run", "--orchestrator", "ftp://127.0.0.1"], "--orchestrator must be an http:// or https:// URL"),
            (["run", "--orchestrator", "http://127.0.0.1:1", "--orchestrator-timeout", "0.5"], "--orchestrator-timeout must be 1...3600"),
            (["run", "--orchestrator", "http://127.0.0.1:1", "--orchestrator-timeout", "3601"], "--orchestrator-timeout must be 1...3600"),
            (["run", "--orchestrator", "http://127.0.0.1:1", "--lab-port", "65536"], "--lab-port must be 1...65535"),
            (["run", "--orchestrator", "http://127.0.0.1:1", "--lab-port", "0"], "--lab-port must be 1...65535"),
            (["run", "--chaos", "--orchestrator", "http://127.0.0.1:1"], "--chaos kills OrchLab's engine"),
            (["grade", "--lint", "--orchestrator", "http://127.0.0.1:1"], "--lint grades OrchLab's starter and reference"),
        ]
        for (arguments, message) in cases {
            let (status, output) = try orchlab(arguments)
            #expect(status == 2, "\(arguments)")
            #expect(output.contains(message), "\(arguments): \(output)")
        }
    }

    @Test func valuesJustInsideReachTheOrchestrator() throws {
        // 3600 s and port 65535 pass the checks; the unreachable orchestrator is the next error.
        let (status, output) = try orchlab(["run", "--orchestrator", "http://127.0.0.1:1", "--orchestrator-timeout", "3600",
                                            "--lab-port", "65535", "Scenarios/terminate.yaml"])
        #expect(status == 2)
        #expect(output.contains("cannot use the orchestrator at http://127.0.0.1:1"), "\(output)")
    }
}
