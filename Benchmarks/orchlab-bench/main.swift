// One command runs every group: `swift run -c release orchlab-bench [--json] [engine|netbox|routers|topology|workshop|scenarios|scaling|chaos]`.
import Foundation

let groups: [(name: String, run: () throws -> Void)] = [
    ("engine", EngineBenchmarks.run),
    ("netbox", NetBoxBenchmarks.run),
    ("routers", RouterBenchmarks.run),
    ("topology", TopologyBenchmarks.run),
    ("workshop", WorkshopBenchmarks.run),
    ("scenarios", ScenariosBenchmarks.run),
    ("scaling", ScalingBenchmarks.run),
    ("chaos", ChaosBenchmarks.run),
]

let arguments = CommandLine.arguments.dropFirst()
let figures = Figures.shared
figures.json = arguments.contains("--json")
let wanted = Set(arguments.filter { $0 != "--json" })
let unknown = wanted.subtracting(groups.map(\.name))
guard unknown.isEmpty else {
    FileHandle.standardError.write(Data("""
        orchlab-bench: unknown group \(unknown.sorted().joined(separator: ", ")); \
        usage: orchlab-bench [--json] [\(groups.map(\.name).joined(separator: "|"))]...\n
        """.utf8))
    exit(2)
}

let loadBefore = Figures.loadAverage()
for group in groups where wanted.isEmpty || wanted.contains(group.name) {
    figures.begin(group: group.name)
    try group.run()
}
figures.begin(group: "process", announce: false)
let peak = Measure.peakRSSMiB()
figures.line(String(format: "peak RSS of the whole run: %.1f MiB", peak), [("peak RSS of the whole run", peak, "MiB")])
if figures.json { print(try figures.document(loadBefore: loadBefore, loadAfter: Figures.loadAverage())) }
