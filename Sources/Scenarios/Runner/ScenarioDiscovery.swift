import Foundation

/// Finds scenario files: every `*.yaml`/`*.yml` under the given folders (or `Scenarios/`), in
/// sorted path order. Exercise folders and snapshot folders are not scenarios.
public enum ScenarioDiscovery {
    public static let defaultRoot = "Scenarios"

    /// - Throws: `ScenarioFileError` naming each path that does not exist.
    /// - Parameter skipping: folder names whose files are not scenarios (exercise files are
    ///   read by `orchlab grade` instead).
    public static func files(in paths: [String], defaultRoot: String = defaultRoot,
                             skipping: Set<String> = ["exercises", "__snapshots__"]) throws(ScenarioFileError) -> [String] {
        let roots = paths.isEmpty ? [defaultRoot] : paths
        var found: Set<String> = []
        var issues: [ScenarioIssue] = []
        for root in roots {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else {
                issues.append(ScenarioIssue(location: SourceLocation(file: root, line: 1, column: 1), field: "",
                                            message: "no such file or folder"))
                continue
            }
            if isDirectory.boolValue {
                found.formUnion(yamlFiles(under: root, skipping: skipping))
            } else {
                found.insert(normalized(root))
            }
        }
        guard issues.isEmpty else { throw ScenarioFileError(issues: issues) }
        return found.sorted()
    }

    static func yamlFiles(under root: String, skipping: Set<String>) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let components = relative.split(separator: "/").map(String.init)
            if components.dropLast().contains(where: skipping.contains) { continue }
            if relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") {
                result.append(normalized((root as NSString).appendingPathComponent(relative)))
            }
        }
        return result
    }

    /// `./Scenarios//a.yaml` → `Scenarios/a.yaml`, so the same file found twice counts once.
    static func normalized(_ path: String) -> String {
        let standardized = (path as NSString).standardizingPath
        return standardized.hasPrefix("./") ? String(standardized.dropFirst(2)) : standardized
    }
}
