import OrchLabCLI
import Workflows

// `swift run` grades your workflows; `swift run workshop run` plays scenarios, `--help` lists the rest.
await OrchLabCommandLine.main(catalogues: [workshopCatalogue()], defaultCommand: "grade")
