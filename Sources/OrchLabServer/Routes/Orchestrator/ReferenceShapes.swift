import Hummingbird
import WorkflowEngine

/// Fields orchestrator-core 1.3.6's response models add to what the engine lists, so a client
/// written against it finds every key it reads.
enum ReferenceShapes {
    /// SubscriptionDomainModelSchema's keys the engine's dump does not carry: the optional
    /// `name` and `tag`, `customer_descriptions` (the engine keeps none) and the product's dates.
    static func domainModel(_ model: JSON, productCreated: [String: String]) -> JSON {
        guard case .object(var fields) = model else { return model }
        for key in ["name", "tag"] { fields[key] = fields[key] ?? .null }
        fields["customer_descriptions"] = fields["customer_descriptions"] ?? []
        if case .object(var product)? = fields["product"] {
            product["created_at"] = productCreated[product["product_id"]?.stringValue ?? ""].map(JSON.string) ?? .null
            product["end_date"] = product["end_date"] ?? .null
            fields["product"] = .object(product)
        }
        return .object(fields)
    }

    /// ProcessDeprecationsSchema's 1.x names, filled as 1.3.6's `enrich_process` and
    /// `convert_to_old_process` fill them (`product` is the product id there).
    static func deprecatedProcessFields(_ process: [String: JSON]) -> [String: JSON] {
        ["id": process["process_id"] ?? .null, "pid": process["process_id"] ?? .null,
         "workflow": process["workflow_name"] ?? .null, "status": process["last_status"] ?? .null,
         "step": process["last_step"] ?? .null, "started": process["started_at"] ?? .null,
         "last_modified": process["last_modified_at"] ?? .null]
    }

    /// The deprecated fields that come from the process's first subscription.
    static func deprecatedSubscriptionFields(_ summaries: [JSON]) -> [String: JSON] {
        ["product": summaries.first?["product_id"] ?? .null, "customer": summaries.first?["customer_id"] ?? .null]
    }

    /// A row of `GET /api/processes/`: 1.3.6 validates it through ProcessDeprecationsSchema, so
    /// the detail-only fields are there as null.
    static func processListRow(_ row: JSON) -> JSON {
        guard case .object(var fields) = row else { return row }
        let summaries = fields["subscriptions"]?.arrayValue ?? []
        fields.merge(deprecatedProcessFields(fields)) { current, _ in current }
        fields.merge(deprecatedSubscriptionFields(summaries)) { current, _ in current }
        for key in ["product_id", "customer_id"] { fields[key] = fields[key] ?? summaries.first?[key] ?? .null }
        for key in ["traceback", "current_state", "steps", "form"] { fields[key] = fields[key] ?? .null }
        return .object(fields)
    }

    /// `raise_status`'s body (orchestrator-core's problem-detail handler).
    static func problem(_ detail: String?, status: HTTPResponse.Status) -> Reply {
        .json(["detail": detail.map(JSON.string) ?? .null, "status": .int(status.code), "title": .string(status.reasonPhrase)],
              status: status)
    }
}
