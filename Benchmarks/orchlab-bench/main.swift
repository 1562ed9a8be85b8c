// One command runs every group: `swift run -c release orchlab-bench [engine|netbox|routers|topology|workshop|scenarios|chaos]`.
import Foundation

let groups: [(name: String, run: () throws -> Void)] = [
    ("engine", EngineBenchmarks.run),
    ("netbox", NetBoxBenchmarks.run),
    ("routers", RouterBenchmarks.run),
    ("topology", TopologyBenchmarks.run),
    ("workshop", WorkshopBenchmarks.run),
    ("scenarios", ScenariosBenchmarks.run),
    ("chaos", ChaosBenchmarks.run),
]

let wanted = Set(CommandLine.arguments.dropFirst())
for group in groups where wanted.isEmpty || wanted.contains(group.name) {
    print("== \(group.name) ==")
    try group.run()
}
print(String(format: "peak RSS of the whole run: %.1f MiB", Measure.peakRSSMiB()))
