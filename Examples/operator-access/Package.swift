// swift-tools-version:6.1
import PackageDescription

// An operator's own product on OrchLab: customer access ports (Sources/AccessPorts), tested by
// the scenarios in Scenarios/ against the lab in Topologies/access.yaml with `swift run access-lab run`.
// Only public OrchLab products are used, and not OrchLabServerCLI, so the HTTP stack is never built.
let package = Package(
    name: "OperatorAccess",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "OrchLab", path: "../.."),
    ],
    targets: [
        .target(name: "AccessPorts", dependencies: [
            .product(name: "Catalogues", package: "OrchLab"),
            .product(name: "WorkflowEngine", package: "OrchLab"),
            .product(name: "NetBoxSim", package: "OrchLab"),
            .product(name: "RouterSim", package: "OrchLab"),
        ]),
        .executableTarget(name: "access-lab", dependencies: [
            "AccessPorts", .product(name: "OrchLabCLI", package: "OrchLab"),
        ]),
    ]
)
