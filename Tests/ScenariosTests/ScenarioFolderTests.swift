import Foundation
import Testing
@testable import Scenarios

/// What the scenario folder walk reads: regular files inside the folder, whatever links or
/// special files an untrusted repository puts there.
@Suite struct ScenarioFolderTests {
    @Test func linksOutOfTheFolderFIFOsAndLoopsAreRefusedByTheirOwnNames() throws {
        let workspace = try TestWorkspace()
        try workspace.scenario("Scenarios/good.yaml", name: "good")
        let secret = try workspace.write("secret.txt", "password: hunter2\n")
        let folder = workspace.path("Scenarios")
        try FileManager.default.createSymbolicLink(atPath: folder + "/leak.yaml", withDestinationPath: secret)
        try FileManager.default.createSymbolicLink(atPath: folder + "/inside.yaml", withDestinationPath: "good.yaml")
        try FileManager.default.createSymbolicLink(atPath: folder + "/loop.yaml", withDestinationPath: "loop.yaml")
        try FileManager.default.createSymbolicLink(atPath: folder + "/up", withDestinationPath: "..")
        try #require(mkfifo(folder + "/pipe.yaml", 0o600) == 0)

        let error = #expect(throws: ScenarioFileError.self) { try ScenarioDiscovery.files(in: [folder]) }
        let messages = (error?.issues ?? []).map { "\(($0.location.file as NSString).lastPathComponent): \($0.message)" }.sorted()
        #expect(messages.count == 3, "\(messages)")
        #expect(messages.first { $0.hasPrefix("leak.yaml: a link to ") && $0.contains("outside \(folder)") } != nil, "\(messages)")
        #expect(messages.contains("loop.yaml: cannot read the file: Too many levels of symbolic links"), "\(messages)")
        #expect(messages.contains("pipe.yaml: a FIFO, not a file; name it on the command line to read from it"), "\(messages)")
        // Nothing of the foreign file reaches the message.
        #expect(!messages.joined().contains("hunter2"))

        // Without them the walk finds the file and the link to it inside the folder, and does
        // not follow the link back up.
        for name in ["leak.yaml", "loop.yaml", "pipe.yaml"] { unlink(folder + "/" + name) }
        let files = try ScenarioDiscovery.files(in: [folder])
        #expect(files.count == 2 && files.allSatisfy { $0.hasSuffix("good.yaml") || $0.hasSuffix("inside.yaml") }, "\(files)")
    }

    @Test func aLongValueIsQuotedAsAnExcerpt() throws {
        let workspace = try TestWorkspace()
        let file = try workspace.write("Scenarios/long.yaml", "name: t\ntopology: workshop\nactions: " + String(repeating: "y", count: 200_000) + "\n")
        let error = #expect(throws: ScenarioFileError.self) { try ScenarioParser().load(file: file) }
        let text = "\(error.map { String(describing: $0) } ?? "")"
        #expect(text.contains("… (200000 characters)"), "\(text.prefix(300))")
        #expect(text.utf8.count < 500, "\(text.utf8.count) bytes")
    }
}
