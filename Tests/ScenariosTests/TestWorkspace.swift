import Foundation
@testable import Scenarios

/// A throwaway folder with a `Topologies/workshop.yaml` and scenario files, removed on deinit.
final class TestWorkspace {
    let root: String

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("orchlab-scenarios-\(UUID().uuidString)").path
        try write("Topologies/workshop.yaml", "name: workshop\n")
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    func path(_ relative: String) -> String { (root as NSString).appendingPathComponent(relative) }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        let file = path(relative)
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }

    /// A minimal valid scenario with one start and the given assertions (device status checks).
    @discardableResult
    func scenario(_ relative: String, name: String, tags: [String] = [], assertions: [String] = ["loc1 active"]) throws -> String {
        var yaml = "name: \(name)\ntopology: workshop\n"
        if !tags.isEmpty { yaml += "tags: [\(tags.joined(separator: ", "))]\n" }
        yaml += "actions:\n  - start: create_node\n    as: node\n    form: {select_device_choice: loc1-core}\n"
        for assertion in assertions {
            yaml += "  - assert: \(assertion)\n    device: loc1-core\n    status: active\n"
        }
        return try write(relative, yaml)
    }

    func parse(_ yaml: String, as relative: String = "Scenarios/test.yaml") throws(ScenarioFileError) -> Scenario {
        try ScenarioParser().parse(yaml: yaml, file: path(relative))
    }
}

/// Collects console output in memory.
final class CapturedConsole: @unchecked Sendable {
    private let lock = NSLock()
    private var buffer = ""

    func console(colour: Bool = false, interactive: Bool = false) -> Console {
        Console(colour: colour, interactive: interactive) { [self] text in
            lock.lock()
            buffer += text
            lock.unlock()
        }
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return buffer
    }
}
