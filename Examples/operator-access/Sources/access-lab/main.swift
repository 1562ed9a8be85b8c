import AccessPorts
import OrchLabCLI

// `swift run access-lab run` plays Scenarios/ against Topologies/access.yaml; `--help` lists the rest.
await OrchLabCommandLine.main(catalogues: [accessCatalogue()])
