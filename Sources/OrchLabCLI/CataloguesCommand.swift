import ArgumentParser
import Catalogues

/// `orchlab catalogues`: what `workflows:` and `--workflows` may name.
struct CataloguesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalogues", abstract: "List the workflow catalogues this executable registers (the first is the default).")

    func run() throws {
        for (index, catalogue) in CommandLineContext.catalogues.catalogues.enumerated() {
            print("\(catalogue.name)\(index == 0 ? " (default)" : "")\(catalogue.summary.isEmpty ? "" : ": " + catalogue.summary)")
            for product in catalogue.products {
                print("  \(product.name): \(product.workflows.joined(separator: ", "))")
            }
        }
    }
}
