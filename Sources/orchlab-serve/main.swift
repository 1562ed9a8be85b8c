import OrchLabCLI
import OrchLabServerCLI
import WorkshopReference

// `orchlab` with `serve`: the same catalogues, plus the HTTP server (Hummingbird).
await OrchLabCommandLine.main(catalogues: WorkshopReference.catalogues, commands: [ServeCommand.self])
