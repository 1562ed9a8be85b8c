import Foundation

/// Finds the lab file a scenario's `topology:` names.
///
/// A path (it has a `/` or ends in `.yaml`) is relative to the scenario file. A bare name such as
/// `workshop` means `Topologies/workshop.yaml` in the nearest folder above the scenario that has
/// one, then in the working directory, so scenarios anywhere under the repository can say `workshop`.
///
/// Whatever the scenario writes, the file found must lie (symbolic links resolved) inside a
/// `Topologies/` folder the locator searches or one of `allowedRoots`: a scenario cannot make a run
/// read `/etc/passwd` and copy it into every report.
public struct TopologyLocator: Sendable {
    /// Folders whose `Topologies/` is searched after the usual places (e.g. a shared lab library).
    public var fallbackDirectories: [String]
    /// Further folders a scenario's topology may lie in (e.g. given on the command line).
    public var allowedRoots: [String]

    public init(fallbackDirectories: [String] = [], allowedRoots: [String] = []) {
        self.fallbackDirectories = fallbackDirectories
        self.allowedRoots = allowedRoots
    }

    public func candidates(for value: String, scenarioFile: String) -> [String] {
        // Plain string work: Foundation's URL standardisation cost more than parsing the file.
        var directory = Self.absoluteComponents(scenarioFile)
        directory.removeLast()
        if value.contains("/") || value.hasSuffix(".yaml") || value.hasSuffix(".yml") {
            let components = value.hasPrefix("/") ? Self.absoluteComponents(value)
                : Self.normalized(directory + value.split(separator: "/").map(String.init))
            return [Self.path(components)]
        }
        var result: [String] = []
        while true {
            result.append(Self.path(directory + ["Topologies", "\(value).yaml"]))
            guard !directory.isEmpty else { break }
            directory.removeLast()
        }
        for folder in ["."] + fallbackDirectories {
            let candidate = Self.path(Self.absoluteComponents(folder) + ["Topologies", "\(value).yaml"])
            if !result.contains(candidate) { result.append(candidate) }
        }
        return result
    }

    /// The first candidate that exists, or `nil`.
    public func resolve(_ value: String, scenarioFile: String) -> String? {
        candidates(for: value, scenarioFile: scenarioFile).first { FileManager.default.fileExists(atPath: $0) }
    }

    /// The folders a topology found for `scenarioFile` may lie in, symbolic links resolved: every
    /// `Topologies/` folder the search looks in, and `allowedRoots`.
    public func roots(scenarioFile: String) -> [String] {
        var directory = Self.absoluteComponents(scenarioFile)
        directory.removeLast()
        var folders: [String] = []
        while true {
            folders.append(Self.path(directory + ["Topologies"]))
            guard !directory.isEmpty else { break }
            directory.removeLast()
        }
        folders += (["."] + fallbackDirectories).map { Self.path(Self.absoluteComponents($0) + ["Topologies"]) }
        folders += allowedRoots.map { Self.path(Self.absoluteComponents($0)) }
        return folders.compactMap(Self.realPath)
    }

    /// The real path of `file` (links resolved) when it lies inside one of `roots(scenarioFile:)`, else nil.
    public func allowedRealPath(of file: String, scenarioFile: String) -> String? {
        guard let real = Self.realPath(file) else { return nil }
        return roots(scenarioFile: scenarioFile).contains { real.hasPrefix($0 == "/" ? $0 : $0 + "/") } ? real : nil
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The absolute path's components with `.` and `..` resolved.
    private static func absoluteComponents(_ path: String) -> [String] {
        let base = path.hasPrefix("/") ? [] : FileManager.default.currentDirectoryPath.split(separator: "/").map(String.init)
        return normalized(base + path.split(separator: "/").map(String.init))
    }

    private static func normalized(_ components: [String]) -> [String] {
        var result: [String] = []
        for component in components where component != "." && !component.isEmpty {
            if component == ".." { _ = result.popLast() } else { result.append(component) }
        }
        return result
    }

    private static func path(_ components: [String]) -> String { "/" + components.joined(separator: "/") }
}
