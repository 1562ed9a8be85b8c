import Foundation
import OrchLabTestSupport
@testable import Topology

/// Paths of the files the package ships, found from this source file so tests run from any directory.
enum Fixtures {
    static let packageRoot = TestRepository.root
    static let topologies = packageRoot.appendingPathComponent("Topologies")
    static let workshop = topologies.appendingPathComponent("workshop.yaml").path
    static let schema = topologies.appendingPathComponent("schema.json").path
    static let netBoxExport = topologies.appendingPathComponent("examples/workshop-netbox-export.json").path
    static let clabExample = topologies.appendingPathComponent("examples/two-pods.clab.yml").path

    /// Every topology file shipped under Topologies/ (native and importable).
    static func shippedTopologies() throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: topologies.path)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".yaml") || path.hasSuffix(".yml") { files.append(topologies.appendingPathComponent(path).path) }
        }
        return files.sorted()
    }

    static func json(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// Loads `yaml` expecting it to fail; returns the diagnostics.
    static func diagnostics(_ yaml: String) -> [TopologyDiagnostic] {
        do {
            _ = try TopologyLoader.load(yaml: yaml, file: "lab.yaml")
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// A valid two-router lab that tests break one field at a time.
    static let base = """
        sites: [{name: Lab, slug: lab}]
        manufacturers: [{name: Nokia}]
        device_roles: [{name: Router}]
        device_types:
          - model: SR-1
            manufacturer: nokia
            interfaces:
              - {name: '1/1/c{1..4}/1', type: 100gbase-x-qsfp28, speed: 100000000}
        defaults: {site: lab, role: router, device_type: sr-1}
        devices:
          - name: r1
            loopback: {ipv4: 10.0.0.1/32}
          - name: r2
            loopback: {ipv4: 10.0.0.2/32}
        prefixes:
          - {prefix: 10.0.0.0/24}
        links:
          - endpoints: ['r1:1/1/c1/1', 'r2:1/1/c1/1']

        """
}
