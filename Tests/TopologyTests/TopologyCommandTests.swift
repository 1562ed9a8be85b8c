import ArgumentParser
import Foundation
import Synchronization
import Testing
@testable import OrchLabCLI
@testable import Topology

/// The CLI's contract: exit status 0 for a valid topology, 2 for an invalid one, and files it writes load.
@Suite struct TopologyCommandTests {
    private func temporaryFile(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("orchlab-topology-\(UUID().uuidString)-\(name)").path
    }

    /// Runs `body` with the command's output lines captured: (text, is it standard error).
    private func captured(_ body: () throws -> Void) rethrows -> [(String, Bool)] {
        let lines = Mutex<[(String, Bool)]>([])
        try TopologyCommand.Output.$line.withValue({ text, isError in lines.withLock { $0.append((text, isError)) } }) { try body() }
        return lines.withLock { $0 }
    }

    @Test func checkAcceptsTheWorkshop() throws {
        let output = try captured { try TopologyCommand.Check.parse([Fixtures.workshop]).run() }
        #expect(output.count == 1 && output[0].0.contains(": ok: ") && !output[0].1)
    }

    @Test func checkExitsWithTwoOnAnInvalidTopology() throws {
        let file = temporaryFile("bad.yaml")
        try (Fixtures.base + "  - endpoints: ['r1:1/1/c1/1', 'r2:1/1/c2/1']\n").write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        var error: ExitCode?
        let output = captured { error = #expect(throws: ExitCode.self) { try TopologyCommand.Check.parse([file]).run() } }
        #expect(error?.rawValue == 2)
        #expect(output.contains { $0.1 && $0.0.contains("bad.yaml:19:17: error: links[1].endpoints[0]: duplicate link") })
        #expect(output.contains { !$0.1 && $0.0.hasSuffix("invalid: 1 error, 0 warnings; nothing loaded") })
        let missing = captured { #expect(throws: ExitCode.self) { try TopologyCommand.Check.parse(["/nonexistent/lab.yaml"]).run() } }
        #expect(missing.contains { $0.1 && $0.0.hasPrefix("/nonexistent/lab.yaml:1:1: error:") })
    }

    @Test func generateWritesALoadableLab() throws {
        let file = temporaryFile("clos.yaml")
        defer { try? FileManager.default.removeItem(atPath: file) }
        try TopologyCommand.Generate.parse(["--routers", "40", "--shape", "clos", "--output", file]).run()
        let lab = try TopologyLoader.load(contentsOf: file)
        #expect(lab.seed.devices.count == 40)
        #expect(throws: (any Error).self) { try TopologyCommand.Generate.parse(["--routers", "9", "--shape", "star"]) }
    }

    @Test func importWritesNativeYAMLThatLoadsTheSameLab() throws {
        let file = temporaryFile("imported.yaml")
        defer { try? FileManager.default.removeItem(atPath: file) }
        try TopologyCommand.Import.parse([Fixtures.netBoxExport, "--output", file]).run()
        let imported = try TopologyLoader.load(contentsOf: file)
        let (format, text) = (try TopologyLoader.read(contentsOf: file).format, try String(contentsOfFile: file, encoding: .utf8))
        #expect(format == .native)
        #expect(text.hasPrefix("# Imported from workshop-netbox-export.json (netbox-export)"))
        #expect(imported.seed.sortedByID() == (try TopologyLoader.load(contentsOf: Fixtures.workshop)).seed.sortedByID())
    }
}
