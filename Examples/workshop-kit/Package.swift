// swift-tools-version:6.1
import PackageDescription

// The workshop participant kit: your workflows (Sources/Workflows, edit these), graded by
// `swift run` against the exercises in Scenarios/exercises.
let package = Package(
    name: "WorkshopKit",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "OrchLab", path: "../.."),
    ],
    targets: [
        .target(name: "Workflows", dependencies: [
            .product(name: "Catalogues", package: "OrchLab"),
            .product(name: "Workshop", package: "OrchLab"),
            .product(name: "WorkflowEngine", package: "OrchLab"),
            .product(name: "NetBoxSim", package: "OrchLab"),
            .product(name: "RouterSim", package: "OrchLab"),
        ]),
        .executableTarget(name: "workshop", dependencies: [
            "Workflows", .product(name: "OrchLabCLI", package: "OrchLab"),
        ]),
    ]
)
