import Foundation

/// Finds the lab file a scenario's `topology:` names.
///
/// A path (it has a `/` or ends in `.yaml`) is relative to the scenario file. A bare name such as
/// `workshop` means `Topologies/workshop.yaml` in the nearest folder above the scenario that has
/// one, then in the working directory, so scenarios anywhere under the repository can say `workshop`.
public struct TopologyLocator: Sendable {
    /// Folders whose `Topologies/` is searched after the usual places (e.g. a shared lab library).
    public var fallbackDirectories: [String]

    public init(fallbackDirectories: [String] = []) {
        self.fallbackDirectories = fallbackDirectories
    }

    public func candidates(for value: String, scenarioFile: String) -> [String] {
        let scenarioDirectory = URL(fileURLWithPath: scenarioFile).deletingLastPathComponent()
        if value.contains("/") || value.hasSuffix(".yaml") || value.hasSuffix(".yml") {
            let url = value.hasPrefix("/") ? URL(fileURLWithPath: value) : scenarioDirectory.appendingPathComponent(value)
            return [url.standardizedFileURL.path]
        }
        var result: [String] = []
        var directory = scenarioDirectory.standardizedFileURL
        while true {
            result.append(directory.appendingPathComponent("Topologies/\(value).yaml").path)
            let parent = directory.deletingLastPathComponent().standardizedFileURL
            if parent.path == directory.path { break }
            directory = parent
        }
        for directory in ["."] + fallbackDirectories {
            let candidate = URL(fileURLWithPath: directory).appendingPathComponent("Topologies/\(value).yaml").standardizedFileURL.path
            if !result.contains(candidate) { result.append(candidate) }
        }
        return result
    }

    /// The first candidate that exists, or `nil`.
    public func resolve(_ value: String, scenarioFile: String) -> String? {
        candidates(for: value, scenarioFile: scenarioFile).first { FileManager.default.fileExists(atPath: $0) }
    }
}
