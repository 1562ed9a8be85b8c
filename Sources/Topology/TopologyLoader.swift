import Foundation
import Yams
import YAMLReading

/// The one entry point for loading a lab: reads a topology file (native YAML, a containerlab
/// topology or a NetBox export, told apart by their content), checks everything, and returns the
/// NetBox seed and fleet, or throws a `TopologyError` listing every problem. Nothing half-loads.
public enum TopologyLoader {
    public enum Format: String, Sendable {
        case native, containerlab, netboxExport = "netbox-export"
    }

    public static func load(contentsOf path: String) throws(TopologyError) -> CompiledTopology {
        let log = DiagnosticLog(file: path)
        guard let text = read(path, log: log), let topology = topology(from: text, log: log),
              let compiled = TopologyCompiler(log: log).compile(topology) else { throw TopologyError(diagnostics: log.sorted()) }
        return compiled
    }

    /// Loads native YAML (or an importable format) given as text; `file` names it in diagnostics.
    public static func load(yaml text: String, file: String = "<topology>") throws(TopologyError) -> CompiledTopology {
        let log = DiagnosticLog(file: file)
        guard let topology = topology(from: text, log: log),
              let compiled = TopologyCompiler(log: log).compile(topology) else { throw TopologyError(diagnostics: log.sorted()) }
        return compiled
    }

    /// The model of a file in any supported format, checked only as far as reading goes (not compiled).
    public static func read(contentsOf path: String) throws(TopologyError) -> (topology: Topology, format: Format) {
        let log = DiagnosticLog(file: path)
        guard let text = read(path, log: log), let root = log.yaml.compose(text, limits: .topology) else {
            throw TopologyError(diagnostics: log.sorted())
        }
        let format = format(of: root)
        guard let topology = topology(from: root, format: format, log: log), !log.hasErrors else {
            throw TopologyError(diagnostics: log.sorted())
        }
        return (topology, format)
    }

    static func format(of root: Node) -> Format {
        let keys = root.mapping?.keys.compactMap(\.string) ?? []
        if keys.contains("topology") { return .containerlab }
        if keys.contains(where: { $0.hasPrefix("dcim.") || $0.hasPrefix("ipam.") }) { return .netboxExport }
        return .native
    }

    private static func topology(from text: String, log: DiagnosticLog) -> Topology? {
        guard let root = log.yaml.compose(text, limits: .topology) else { return nil }
        return topology(from: root, format: format(of: root), log: log)
    }

    private static func topology(from root: Node, format: Format, log: DiagnosticLog) -> Topology? {
        switch format {
        case .native: return TopologyParser(log: log).document(root)
        case .containerlab: return ContainerlabImporter(log: log).topology(from: root)
        case .netboxExport: return NetBoxExportImporter(log: log).topology(from: root)
        }
    }

    private static func read(_ path: String, log: DiagnosticLog) -> String? {
        do {
            return try BoundedFile.read(path, maximumBytes: TopologyLimits.maximumFileBytes)
        } catch {
            log.error(at: TopologyLocation(line: 1, column: 1), path: "", error.description)
            return nil
        }
    }
}

extension Topology {
    /// Checks and compiles a topology built in code (generated or imported); `file` names it in diagnostics.
    public func compiled(file: String = "<topology>") throws(TopologyError) -> CompiledTopology {
        let log = DiagnosticLog(file: file)
        guard let compiled = TopologyCompiler(log: log).compile(self) else { throw TopologyError(diagnostics: log.sorted()) }
        return compiled
    }
}
