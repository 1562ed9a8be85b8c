import OrchLabCLI
import WorkshopReference

// This repository's `orchlab`: the workshop's reference and starter catalogues, no HTTP stack
// (`orchlab serve` runs the sibling `orchlab-serve`).
await OrchLabCommandLine.main(catalogues: WorkshopReference.catalogues)
