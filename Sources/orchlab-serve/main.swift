import OrchLabCLI
import OrchLabServerCLI
import WorkshopReference

// `orchlab` with `serve` and `--orchestrator`: the same catalogues, plus the HTTP server (Hummingbird).
await OrchLabCommandLine.main(catalogues: WorkshopReference.catalogues, commands: [WorkshopCommand.self, ServeCommand.self],
                              connector: OrchestratorConnection.connect)
