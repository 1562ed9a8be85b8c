// swift-tools-version:6.1
import PackageDescription

// Dependencies point one way: the engine knows nothing of NetBox or routers, the simulators
// know nothing of workflows, Topology wires the simulators from a lab file, and the CLI sits on top.
let package = Package(
    name: "OrchLab",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "orchlab", targets: ["orchlab"]),
        .library(name: "OrchLabJSON", targets: ["OrchLabJSON"]),
        .library(name: "WorkflowEngine", targets: ["WorkflowEngine"]),
        .library(name: "WorkflowEngineTesting", targets: ["WorkflowEngineTesting"]),
        .library(name: "NetBoxSim", targets: ["NetBoxSim"]),
        .library(name: "RouterSim", targets: ["RouterSim"]),
        .library(name: "Topology", targets: ["Topology"]),
        .library(name: "Workshop", targets: ["Workshop"]),
        .library(name: "Scenarios", targets: ["Scenarios"]),
        .library(name: "OrchLabServer", targets: ["OrchLabServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
    ],
    targets: [
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "SQLite", dependencies: ["CSQLite"]),
        // One JSON value type for the engine's state and NetBox's documents alike.
        .target(name: "OrchLabJSON"),
        .target(name: "WorkflowEngine", dependencies: ["SQLite", "OrchLabJSON"]),
        .target(name: "WorkflowEngineTesting", dependencies: ["WorkflowEngine"]),
        .target(name: "NetBoxSim", dependencies: ["SQLite", "OrchLabJSON"]),
        .target(name: "RouterSim"),
        .target(name: "Topology", dependencies: ["NetBoxSim", "RouterSim", .product(name: "Yams", package: "Yams")]),
        .target(name: "Workshop", dependencies: ["WorkflowEngine", "NetBoxSim", "RouterSim"]),
        .target(name: "Scenarios", dependencies: ["WorkflowEngine", "NetBoxSim", "RouterSim", "Topology", "Workshop", .product(name: "Yams", package: "Yams")]),
        .target(name: "OrchLabServer", dependencies: [
            "WorkflowEngine", "NetBoxSim", "RouterSim", "Topology", "Workshop",
            .product(name: "Hummingbird", package: "hummingbird"),
        ]),
        .executableTarget(name: "orchlab", dependencies: [
            "WorkflowEngine", "NetBoxSim", "RouterSim", "Topology", "Scenarios", "OrchLabServer", "Workshop",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "orchlab-bench", dependencies: [
            "WorkflowEngine", "WorkflowEngineTesting", "NetBoxSim", "RouterSim", "Topology", "Workshop", "Scenarios",
        ], path: "Benchmarks/orchlab-bench"),
        .testTarget(name: "SQLiteTests", dependencies: ["SQLite"]),
        // Killed at random database statements by WorkflowEngineTests' crash test.
        .executableTarget(name: "engine-crash-child", dependencies: ["WorkflowEngine", "SQLite"], path: "Tests/EngineCrashChild"),
        .testTarget(name: "WorkflowEngineTests", dependencies: ["WorkflowEngine", "WorkflowEngineTesting", "SQLite", "engine-crash-child"]),
        .testTarget(name: "NetBoxSimTests", dependencies: ["NetBoxSim"]),
        .testTarget(name: "RouterSimTests", dependencies: ["RouterSim"]),
        .testTarget(name: "WorkshopTests", dependencies: ["Workshop", "Topology", "WorkflowEngineTesting"]),
        .testTarget(name: "ScenariosTests", dependencies: ["Scenarios"]),
        .testTarget(name: "OrchLabServerTests", dependencies: ["OrchLabServer", "Topology", "Workshop", "RouterSim", "WorkflowEngine"]),
        // Compiles every ```swift block of README.md and docs/ (generated into the target, checked against the text).
        .testTarget(name: "DocExamplesTests", dependencies: ["WorkflowEngine", "WorkflowEngineTesting", "NetBoxSim", "RouterSim", "Topology", "Workshop", "Scenarios"]),
        .testTarget(name: "TopologyTests", dependencies: ["Topology", "orchlab", .product(name: "Yams", package: "Yams")]),
    ]
)
