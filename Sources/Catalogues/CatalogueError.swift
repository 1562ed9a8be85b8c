public enum CatalogueError: Error, Sendable, Equatable, CustomStringConvertible {
    case noCatalogues
    case invalidName(String)
    case duplicateCatalogue(String)
    case unknownCatalogue(String, known: [String])
    case duplicateWorkflow(catalogue: String, workflow: String)
    case duplicateProduct(catalogue: String, product: String)
    case unknownProductWorkflow(catalogue: String, product: String, workflow: String)
    case productForWorkflow(catalogue: String, workflow: String, candidates: [String])

    public var description: String {
        switch self {
        case .noCatalogues: "no workflow catalogue is registered"
        case .invalidName(let name):
            "catalogue name '\(name)' must be 1–64 characters of letters, digits, '-', '_' or '.'"
        case .duplicateCatalogue(let name): "two catalogues are named '\(name)'"
        case .unknownCatalogue(let name, let known):
            "no workflow catalogue named '\(name)'; registered: \(known.joined(separator: ", "))"
        case .duplicateWorkflow(let catalogue, let workflow):
            "catalogue '\(catalogue)' has two workflows named '\(workflow)'"
        case .duplicateProduct(let catalogue, let product):
            "catalogue '\(catalogue)' has two products named '\(product)'"
        case .unknownProductWorkflow(let catalogue, let product, let workflow):
            "product '\(product)' of catalogue '\(catalogue)' lists workflow '\(workflow)', which the catalogue does not have"
        case .productForWorkflow(let catalogue, let workflow, let candidates):
            candidates.isEmpty
                ? "no product of catalogue '\(catalogue)' lists workflow '\(workflow)'"
                : "workflow '\(workflow)' is listed by several products of catalogue '\(catalogue)': \(candidates.joined(separator: ", "))"
        }
    }
}
