import ArgumentParser
import Foundation
import Testing
@testable import OrchLabCLI
@testable import Topology

/// The CLI's contract: exit status 0 for a valid topology, 2 for an invalid one, and files it writes load.
@Suite struct TopologyCommandTests {
    private func temporaryFile(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("orchlab-topology-\(UUID().uuidString)-\(name)").path
    }

    @Test func checkAcceptsTheWorkshop() throws {
        try TopologyCommand.Check.parse([Fixtures.workshop]).run()
    }

    @Test func checkExitsWithTwoOnAnInvalidTopology() throws {
        let file = temporaryFile("bad.yaml")
        try (Fixtures.base + "  - endpoints: ['r1:1/1/c1/1', 'r2:1/1/c2/1']\n").write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let error = #expect(throws: ExitCode.self) { try TopologyCommand.Check.parse([file]).run() }
        #expect(error?.rawValue == 2)
        #expect(throws: ExitCode.self) { try TopologyCommand.Check.parse(["/nonexistent/lab.yaml"]).run() }
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
