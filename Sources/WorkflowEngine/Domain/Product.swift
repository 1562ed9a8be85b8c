/// Whether a product may be sold (orchestrator-core's product lifecycle).
public enum ProductStatus: String, Codable, Sendable {
    case active
    case preProduction = "pre production"
    case phaseOut = "phase out"
    case endOfLife = "end of life"
}

/// A product: what a subscription is an instance of. Its `model` is the Swift type holding the
/// subscription's product blocks; its fixed inputs (e.g. `speed: "100G"`) appear as top-level keys
/// of every subscription dump.
public struct Product: Sendable {
    public let name: String
    public let description: String
    public let productType: String
    public let tag: String
    public let status: ProductStatus
    public let fixedInputs: [String: String]
    /// Names of the workflows that may run on subscriptions of this product (its create workflow among them).
    public let workflows: [String]
    let model: ModelType

    public init<Model: ProductModel>(
        name: String, description: String, type: String, tag: String, status: ProductStatus = .active,
        fixedInputs: [String: String] = [:], workflows: [String], model: Model.Type
    ) {
        self.name = name
        self.description = description
        self.productType = type
        self.tag = tag
        self.status = status
        self.fixedInputs = fixedInputs
        self.workflows = workflows
        self.model = ModelType(Model.self)
    }
}

/// The product as recorded inside a subscription (the reference's `product` field of a model dump).
public struct ProductSnapshot: Codable, Sendable, Hashable {
    public let productID: String
    public let name: String
    public let description: String
    public let productType: String
    public let tag: String
    public let status: ProductStatus

    enum CodingKeys: String, CodingKey {
        case productID = "product_id", name, description, productType = "product_type", tag, status
    }

    var json: JSON {
        ["product_id": .string(productID), "name": .string(name), "description": .string(description),
         "product_type": .string(productType), "tag": .string(tag), "status": .string(status.rawValue)]
    }
}

/// A registered product with its id and the workflows attached to it.
public struct ProductInfo: Codable, Sendable, Hashable {
    public let snapshot: ProductSnapshot
    public let fixedInputs: [String: String]
    public let workflows: [String]
}

/// Type-erased access to a product's model type, so generic steps (set_status, unsync, resync)
/// can load and save any subscription.
struct ModelType: Sendable {
    let identifier: ObjectIdentifier
    let typeName: String
    let decode: @Sendable (JSON, [String: String]) throws -> any AnySubscription

    init<Model: ProductModel>(_ type: Model.Type) {
        identifier = ObjectIdentifier(type)
        typeName = String(describing: type)
        decode = { json, fixedInputs in try Subscription<Model>(storedJSON: json, fixedInputs: fixedInputs) }
    }
}
