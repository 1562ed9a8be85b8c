// swift-tools-version:6.1
import PackageDescription

// Dependencies point one way: the engine knows nothing of NetBox or routers, the simulators
// know nothing of workflows, Topology wires the simulators from a lab file, and the CLI sits on top.
let package = Package(
    name: "OrchLab",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "orchlab", targets: ["orchlab"]),
        .executable(name: "orchlab-serve", targets: ["orchlab-serve"]),
        // The whole `orchlab` command for a package's own executable, without the HTTP stack…
        .library(name: "OrchLabCLI", targets: ["OrchLabCLI"]),
        // …and `serve`, which brings Hummingbird.
        .library(name: "OrchLabServerCLI", targets: ["OrchLabServerCLI"]),
        .library(name: "Catalogues", targets: ["Catalogues"]),
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
        // Hummingbird's own dependencies, declared because the server imports them directly.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "SQLite", dependencies: ["CSQLite"]),
        // One JSON value type for the engine's state and NetBox's documents alike.
        .target(name: "OrchLabJSON"),
        // One IP address/prefix grammar for NetBox, the topology files and the routers.
        .target(name: "IPAddressing"),
        // Located YAML reading shared by the topology and scenario files: node budget, merge keys, did-you-mean.
        .target(name: "YAMLReading", dependencies: [.product(name: "Yams", package: "Yams")]),
        // The one seeded generator: the engine's ids and every test suite's reproducible randomness.
        .target(name: "SeededRandom"),
        .target(name: "WorkflowEngine", dependencies: ["SQLite", "OrchLabJSON", "SeededRandom"]),
        .target(name: "WorkflowEngineTesting", dependencies: ["WorkflowEngine"]),
        .target(name: "NetBoxSim", dependencies: ["SQLite", "OrchLabJSON", "IPAddressing"]),
        .target(name: "RouterSim", dependencies: ["IPAddressing"]),
        .target(name: "Topology", dependencies: ["IPAddressing", "YAMLReading", "NetBoxSim", "RouterSim", .product(name: "Yams", package: "Yams")]),
        // Products and workflows registered under a name: the public way to plug workflows in.
        .target(name: "Catalogues", dependencies: ["WorkflowEngine", "NetBoxSim", "RouterSim"]),
        // What the workshop's workflows share (models, config texts, NetBox calls); no solutions.
        .target(name: "Workshop", dependencies: ["Catalogues", "WorkflowEngine", "NetBoxSim", "RouterSim"]),
        // The participant kit's workflow files, as handed out (one source for the kit and OrchLab).
        .target(name: "WorkshopStarter", dependencies: ["Catalogues", "Workshop", "WorkflowEngine", "NetBoxSim", "RouterSim"],
                path: "Examples/workshop-kit/Sources/Workflows"),
        // The solutions: an instructor-only target, deliberately not a product.
        .target(name: "WorkshopReference", dependencies: ["Catalogues", "Workshop", "WorkshopStarter", "WorkflowEngine", "NetBoxSim"]),
        .target(name: "Scenarios", dependencies: ["OrchLabJSON", "YAMLReading", "WorkflowEngine", "NetBoxSim", "RouterSim", "Topology", "Catalogues", .product(name: "Yams", package: "Yams")]),
        .target(name: "OrchLabServer", dependencies: [
            "SQLite", "WorkflowEngine", "NetBoxSim", "RouterSim", "Topology", "Catalogues",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        // Plays scenarios against an orchestrator outside OrchLab over its REST API, serving it
        // the scenario's NetBox and routers.
        .target(name: "OrchestratorDriver", dependencies: [
            "Catalogues", "NetBoxSim", "OrchLabJSON", "OrchLabServer", "RouterSim", "Scenarios", "WorkflowEngine",
        ]),
        .target(name: "OrchLabCLI", dependencies: [
            "Catalogues", "Scenarios", "Topology", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .target(name: "OrchLabServerCLI", dependencies: [
            "Catalogues", "OrchLabCLI", "OrchLabServer", "OrchestratorDriver", "Topology",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "orchlab", dependencies: ["OrchLabCLI", "WorkshopReference"]),
        .executableTarget(name: "orchlab-serve", dependencies: ["OrchLabCLI", "OrchLabServerCLI", "WorkshopReference"]),
        .executableTarget(name: "orchlab-bench", dependencies: [
            "WorkflowEngine", "WorkflowEngineTesting", "NetBoxSim", "RouterSim", "Topology", "Catalogues", "Workshop",
            "WorkshopReference", "Scenarios", "SQLite", "CSQLite",
        ], path: "Benchmarks/orchlab-bench"),
        // What tests share: the repository root and the built executables.
        .target(name: "OrchLabTestSupport", path: "Tests/Support"),
        .testTarget(name: "SQLiteTests", dependencies: ["SQLite"]),
        // Killed at random database statements by WorkflowEngineTests' crash test.
        .executableTarget(name: "engine-crash-child", dependencies: ["WorkflowEngine", "SQLite"], path: "Tests/EngineCrashChild"),
        .testTarget(name: "WorkflowEngineTests", dependencies: ["WorkflowEngine", "WorkflowEngineTesting", "SQLite", "SeededRandom", "engine-crash-child", "OrchLabTestSupport"]),
        .testTarget(name: "IPAddressingTests", dependencies: ["IPAddressing", "SeededRandom"]),
        .testTarget(name: "YAMLReadingTests", dependencies: ["YAMLReading", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "NetBoxSimTests", dependencies: ["NetBoxSim", "IPAddressing", "OrchLabJSON", "SeededRandom", "SQLite"]),
        .testTarget(name: "RouterSimTests", dependencies: ["RouterSim", "IPAddressing", "SeededRandom"]),
        .testTarget(name: "WorkshopTests", dependencies: [
            "Catalogues", "Workshop", "WorkshopStarter", "WorkshopReference", "Topology", "WorkflowEngineTesting",
            "NetBoxSim", "RouterSim", "WorkflowEngine", "OrchLabTestSupport",
        ]),
        .testTarget(name: "ScenariosTests", dependencies: [
            "Scenarios", "Catalogues", "Workshop", "WorkshopReference", "OrchLabTestSupport", "NetBoxSim", "RouterSim", "WorkflowEngine", "WorkflowEngineTesting",
            "SeededRandom", "YAMLReading", "Topology", .product(name: "Yams", package: "Yams"),
        ]),
        .testTarget(name: "OrchLabServerTests", dependencies: [
            "OrchLabServer", "Topology", "Workshop", "WorkshopReference", "Catalogues", "RouterSim", "WorkflowEngine", "NetBoxSim", "SQLite", "OrchLabTestSupport",
            "SeededRandom", "OrchestratorDriver", "Scenarios", .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        // Compiles every ```swift block of README.md and docs/ (generated into the target, checked against the text).
        .testTarget(name: "DocExamplesTests", dependencies: [
            "WorkflowEngine", "NetBoxSim", "RouterSim", "Topology", "Catalogues", "Workshop", "WorkshopReference",
        ], exclude: ["update.sh"]),
        .testTarget(name: "TopologyTests", dependencies: [
            "Topology", "IPAddressing", "YAMLReading", "SeededRandom", "OrchLabCLI", "orchlab", "OrchLabTestSupport", "NetBoxSim",
            "RouterSim", "WorkflowEngine",
            .product(name: "ArgumentParser", package: "swift-argument-parser"), .product(name: "Yams", package: "Yams")]),
    ]
)
