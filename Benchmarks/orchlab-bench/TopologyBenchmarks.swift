import Foundation
import Topology

/// Loading a 1,000-router lab (73,000 interfaces): YAML text → parsed, checked and compiled into the
/// NetBox seed and fleet, then the whole way into a running lab (simulated NetBox + router fleet).
/// Targets (issue 3): load ≤ 1 s, RSS increase ≤ 200 MB.
enum TopologyBenchmarks {
    static func run() throws {
        for shape in [TopologyGenerator.Shape.ring, .clos] {
            try measure(routers: 1_000, shape: shape)
        }
    }

    private static func measure(routers: Int, shape: TopologyGenerator.Shape) throws {
        let label = "\(routers)-router \(shape.rawValue)"
        var yaml = ""
        let generate = try Measure.samples(iterations: 5, warmup: 1) {
            yaml = TopologyWriter.yaml(try TopologyGenerator(routers: routers, shape: shape).topology())
        }
        Figures.shared.samples("\(label): generate + write YAML (\(yaml.utf8.count / 1024) KiB)", generate)

        let rssBefore = Measure.currentRSSMiB()
        var kept: CompiledTopology?
        let load = try Measure.samples(iterations: 7, warmup: 2) {
            kept = try TopologyLoader.load(yaml: yaml, file: "generated.yaml")
        }
        let rssAfter = Measure.currentRSSMiB()
        let compiled = try kept.map { $0 } ?? TopologyLoader.load(yaml: yaml)
        Figures.shared.samples("\(label): load = parse + check + compile (\(compiled.seed.interfaces.count) interfaces, \(compiled.fleet.links.count) links)", load)
        Figures.shared.line(String(format: "\(label): RSS increase with one compiled lab held: %.1f MiB", rssAfter - rssBefore),
                            [("\(label): RSS increase with one compiled lab held", rssAfter - rssBefore, "MiB")])

        // The whole way: YAML text → NetBox loaded with every object + fleet built, one lab held.
        let labRSSBefore = Measure.currentRSSMiB()
        var lab: Lab?
        let full = try Measure.samples(iterations: 5, warmup: 1) {
            lab = nil
            lab = try Lab(TopologyLoader.load(yaml: yaml, file: "generated.yaml"))
        }
        let labRSSAfter = Measure.currentRSSMiB()
        Figures.shared.samples("\(label): YAML → NetBox + fleet (Lab, in memory)", full)
        Figures.shared.line(String(format: "\(label): RSS increase with one loaded Lab held: %.1f MiB", labRSSAfter - labRSSBefore),
                            [("\(label): RSS increase with one loaded Lab held", labRSSAfter - labRSSBefore, "MiB")])
        withExtendedLifetime(lab) {}

        // The two halves of a load: reading the YAML into the model, and checking/compiling the model.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("orchlab-bench-\(shape.rawValue).yaml").path
        try yaml.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        var topology: Topology?
        let parse = try Measure.samples(iterations: 7, warmup: 1) { topology = try TopologyLoader.read(contentsOf: file).topology }
        Figures.shared.samples("\(label): of which parse", parse)
        let model = try topology.map { $0 } ?? TopologyLoader.read(contentsOf: file).topology
        let compile = try Measure.samples(iterations: 7, warmup: 1) { _ = try model.compiled() }
        Figures.shared.samples("\(label): of which check + compile", compile)
    }
}
