import SQLite
import Synchronization

/// Products and workflows as rows, with products cached by id (they are read on every load).
final class ProductStore: Sendable {
    let database: Database
    private let cache = Mutex<[String: ProductInfo]>([:])

    init(database: Database) {
        self.database = database
    }

    /// Inserts or updates a product by name, keeping the id it already has in this database.
    func register(_ product: Product, newID: () -> String, at time: String) throws -> ProductInfo {
        let existing = try database.queryOne("SELECT product_id FROM products WHERE name = ?", [.text(product.name)]) { $0.string(0) }
        let id = existing ?? newID()
        try database.transaction {
            try database.run("""
                INSERT INTO products (product_id, name, description, product_type, tag, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(product_id) DO UPDATE SET description = excluded.description, product_type = excluded.product_type,
                tag = excluded.tag, status = excluded.status
                """, [.text(id), .text(product.name), .text(product.description), .text(product.productType), .text(product.tag),
                      .text(product.status.rawValue), .text(time)])
            try database.run("DELETE FROM fixed_inputs WHERE product_id = ?", [.text(id)])
            for (name, value) in product.fixedInputs.sorted(by: { $0.key < $1.key }) {
                try database.run("INSERT INTO fixed_inputs (product_id, name, value) VALUES (?, ?, ?)", [.text(id), .text(name), .text(value)])
            }
            try database.run("DELETE FROM products_workflows WHERE product_id = ?", [.text(id)])
            for workflow in product.workflows {
                try database.run("INSERT OR IGNORE INTO products_workflows (product_id, workflow_name) VALUES (?, ?)", [.text(id), .text(workflow)])
            }
        }
        return remember(product, as: id)
    }

    /// A product this database holds already under its name (registered into it earlier), as
    /// `register` would give it, without writing anything; nil when it is not there.
    func registered(_ product: Product) throws -> ProductInfo? {
        try database.queryOne("SELECT product_id FROM products WHERE name = ?", [.text(product.name)]) { $0.string(0) }
            .map { remember(product, as: $0) }
    }

    private func remember(_ product: Product, as id: String) -> ProductInfo {
        let info = ProductInfo(
            snapshot: ProductSnapshot(productID: id, name: product.name, description: product.description,
                                      productType: product.productType, tag: product.tag, status: product.status),
            fixedInputs: product.fixedInputs, workflows: product.workflows)
        cache.withLock { $0[id] = info }
        return info
    }

    func register(_ workflow: Workflow) throws {
        try database.run("""
            INSERT INTO workflows (name, target, description, is_task) VALUES (?, ?, ?, ?)
            ON CONFLICT(name) DO UPDATE SET target = excluded.target, description = excluded.description, is_task = excluded.is_task
            """, [.text(workflow.name), .text(workflow.target.rawValue), .text(workflow.description), .bool(workflow.isTask)])
    }

    func product(id: String) throws -> ProductInfo? {
        if let cached = cache.withLock({ $0[id] }) { return cached }
        guard let row = try database.queryOne(
            "SELECT name, description, product_type, tag, status FROM products WHERE product_id = ?", [.text(id)],
            { ($0.string(0), $0.string(1), $0.string(2), $0.string(3), $0.string(4)) })
        else { return nil }
        let fixed = try database.query("SELECT name, value FROM fixed_inputs WHERE product_id = ?", [.text(id)]) { ($0.string(0), $0.string(1)) }
        let workflows = try database.query("SELECT workflow_name FROM products_workflows WHERE product_id = ? ORDER BY workflow_name",
                                           [.text(id)]) { $0.string(0) }
        let info = ProductInfo(
            snapshot: ProductSnapshot(productID: id, name: row.0, description: row.1, productType: row.2, tag: row.3,
                                      status: ProductStatus(rawValue: row.4) ?? .active),
            fixedInputs: Dictionary(fixed, uniquingKeysWith: { $1 }), workflows: workflows)
        cache.withLock { $0[id] = info }
        return info
    }
}
