import Foundation
import OrchLabTestSupport
import Testing

/// Every OrchLab command documents exit 2 for invalid input; a malformed command line is invalid
/// input too (ArgumentParser alone would exit 64). Runs the real `orchlab` binary.
@Suite struct CommandLineExitTests {
    private func orchlab(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = try TestRepository.executable("orchlab")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func malformedCommandLinesExitWithTwo() throws {
        #expect(try orchlab(["run", "--no-such-option"]) == 2)
        #expect(try orchlab(["no-such-command"]) == 2)
        #expect(try orchlab(["topology", "generate", "--routers", "many"]) == 2)
    }

    @Test func helpStillExitsWithZero() throws {
        #expect(try orchlab(["--help"]) == 0)
        #expect(try orchlab(["run", "--help"]) == 0)
    }
}
