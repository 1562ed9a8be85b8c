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
                let (files, refused) = yamlFiles(under: root, skipping: skipping)
                found.formUnion(files)
                issues += refused
            } else {
                found.insert(normalized(root))
            }
        }
        guard issues.isEmpty else { throw ScenarioFileError(issues: issues) }
        return found.sorted()
    }

    /// The YAML files under `root`, and an issue for each one found there that is not a regular
    /// file inside `root` once links are followed: a FIFO would block the run, a device or a link
    /// out of the folder would copy a foreign file into the errors and reports. A file named on
    /// the command line is read wherever it is.
    static func yamlFiles(under root: String, skipping: Set<String>) -> (files: [String], refused: [ScenarioIssue]) {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return ([], []) }
        let resolvedRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        var result: [String] = []
        var refused: [ScenarioIssue] = []
        while let relative = enumerator.nextObject() as? String {
            let components = relative.split(separator: "/").map(String.init)
            if components.dropLast().contains(where: skipping.contains) { continue }
            guard relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") else { continue }
            // Named as found: `normalized` would follow a link to its target.
            let path = (root as NSString).appendingPathComponent(relative)
            if let problem = problem(with: path, inside: resolvedRoot, root: root) {
                refused.append(ScenarioIssue(location: SourceLocation(file: path, line: 1, column: 1), field: "", message: problem))
            } else {
                result.append(normalized(path))
            }
        }
        return (result, refused)
    }

    private static func problem(with path: String, inside resolvedRoot: String, root: String) -> String? {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard resolved == resolvedRoot || resolved.hasPrefix(resolvedRoot.hasSuffix("/") ? resolvedRoot : resolvedRoot + "/") else {
            return "a link to \(resolved), outside \(root); name the file on the command line to run it"
        }
        var status = stat()
        guard stat(path, &status) == 0 else {
            return "cannot read the file: \(String(cString: strerror(errno)))"
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG, S_IFDIR: return nil
        case S_IFIFO: return "a FIFO, not a file; name it on the command line to read from it"
        default: return "not a regular file"
        }
    }

    /// `./Scenarios//a.yaml` → `Scenarios/a.yaml`, so the same file found twice counts once.
    static func normalized(_ path: String) -> String {
        let standardized = (path as NSString).standardizingPath
        return standardized.hasPrefix("./") ? String(standardized.dropFirst(2)) : standardized
    }
}
