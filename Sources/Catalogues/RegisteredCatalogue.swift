import WorkflowEngine

/// A catalogue as registered in one engine: its products with their ids (what a create
/// workflow's first page asks for).
public struct RegisteredCatalogue: Sendable, Hashable {
    public let name: String
    public let products: [ProductInfo]
    public let workflows: [WorkflowInfo]

    public init(name: String, products: [ProductInfo], workflows: [WorkflowInfo]) {
        self.name = name
        self.products = products
        self.workflows = workflows
    }

    public func product(named name: String) -> ProductInfo? {
        products.first { $0.snapshot.name == name }
    }

    /// The one product that lists `workflow`; a create workflow gets its product from here.
    public func product(for workflow: String) throws -> ProductInfo {
        let owners = products.filter { $0.workflows.contains(workflow) }
        guard owners.count == 1 else {
            throw CatalogueError.productForWorkflow(catalogue: name, workflow: workflow, candidates: owners.map(\.snapshot.name))
        }
        return owners[0]
    }
}
