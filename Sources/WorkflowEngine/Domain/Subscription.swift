/// The fields every subscription has, whatever its product.
public struct SubscriptionInfo: Codable, Sendable, Hashable {
    public let subscriptionID: String
    public var description: String
    public internal(set) var status: Lifecycle
    public internal(set) var insync: Bool
    public var customerID: String
    public let product: ProductSnapshot
    public internal(set) var startDate: String?
    public internal(set) var endDate: String?
    public var note: String?
    public internal(set) var version: Int

    enum CodingKeys: String, CodingKey {
        case subscriptionID = "subscription_id", description, status, insync, customerID = "customer_id", product
        case startDate = "start_date", endDate = "end_date", note, version
    }

    /// The dump's common keys, built by hand because this runs on every save.
    var jsonObject: [String: JSON] {
        [
            "subscription_id": .string(subscriptionID), "description": .string(description), "status": .string(status.rawValue),
            "insync": .bool(insync), "customer_id": .string(customerID), "product": product.json,
            "start_date": startDate.map(JSON.string) ?? .null, "end_date": endDate.map(JSON.string) ?? .null,
            "note": note.map(JSON.string) ?? .null, "version": .int(version),
        ]
    }

    /// Keys a product model must not use, because the subscription dump already has them.
    static let reservedKeys: Set<String> = Set(CodingKeys.allKeys)
}

extension SubscriptionInfo {
    /// Reads the common keys of a stored dump (by hand: this runs on every load).
    init(stored dump: State) throws {
        let product = State(try dump.object("product"))
        subscriptionID = try dump.string("subscription_id")
        description = try dump.string("description")
        status = try dump.decode(Lifecycle.self, "status")
        insync = try dump.bool("insync")
        customerID = try dump.string("customer_id")
        self.product = ProductSnapshot(
            productID: try product.string("product_id"), name: try product.string("name"),
            description: try product.string("description"), productType: try product.string("product_type"),
            tag: try product.string("tag"), status: try product.decode(ProductStatus.self, "status"))
        startDate = try dump.optionalString("start_date")
        endDate = try dump.optionalString("end_date")
        note = try dump.optionalString("note")
        version = try dump.int("version")
    }
}

extension SubscriptionInfo.CodingKeys {
    static var allKeys: [String] {
        ["subscription_id", "description", "status", "insync", "customer_id", "product", "start_date", "end_date", "note", "version"]
    }
}

/// A subscription with its typed domain model. Model fields read and write through:
/// `subscription.node.node_name`. Change `status` with the `setStatus` step (it checks the
/// lifecycle requirements and in-use-by rules); a changed subscription is saved only when a step
/// returns it.
@dynamicMemberLookup
public struct Subscription<Model: ProductModel>: Sendable {
    public internal(set) var info: SubscriptionInfo
    public var model: Model
    public internal(set) var fixedInputs: [String: String]
    /// False until the subscription is first saved; decides between insert and versioned update.
    let isStored: Bool

    init(info: SubscriptionInfo, model: Model, fixedInputs: [String: String] = [:], isStored: Bool) {
        self.info = info
        self.model = model
        self.fixedInputs = fixedInputs
        self.isStored = isStored
    }

    init(storedJSON json: JSON, fixedInputs: [String: String] = [:]) throws {
        info = try SubscriptionInfo(stored: State(json.objectValue ?? [:]))
        model = try json.decode(as: Model.self)
        self.fixedInputs = fixedInputs
        isStored = true
    }

    public var subscriptionID: String { info.subscriptionID }
    public var status: Lifecycle { info.status }
    public var insync: Bool { info.insync }
    public var product: ProductSnapshot { info.product }
    public var version: Int { info.version }
    public var startDate: String? { info.startDate }
    public var endDate: String? { info.endDate }
    public var description: String {
        get { info.description }
        set { info.description = newValue }
    }
    public var customerID: String {
        get { info.customerID }
        set { info.customerID = newValue }
    }
    public var note: String? {
        get { info.note }
        set { info.note = newValue }
    }

    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<Model, Value>) -> Value {
        get { model[keyPath: keyPath] }
        set { model[keyPath: keyPath] = newValue }
    }
}

/// Generic access to any subscription, for the engine's own steps.
protocol AnySubscription: StateValue {
    var info: SubscriptionInfo { get set }
    var fixedInputs: [String: String] { get set }
    func encoded(ids: IDGenerator) throws -> EncodedSubscription
}

extension Subscription: AnySubscription {
    func encoded(ids: IDGenerator) throws -> EncodedSubscription {
        let collector = BlockCollector(subscriptionID: info.subscriptionID, ids: ids)
        let modelJSON = try JSON(encoding: model, userInfo: [BlockCollector.key: collector])
        guard case .object(let modelObject) = modelJSON else {
            throw DomainError.modelNotAnObject(String(describing: Model.self))
        }
        if let clash = modelObject.keys.sorted().first(where: { SubscriptionInfo.reservedKeys.contains($0) }) {
            throw DomainError.reservedModelKey(model: String(describing: Model.self), key: clash)
        }
        var saved = info
        if isStored { saved.version += 1 }
        return EncodedSubscription(
            info: saved, fixedInputs: fixedInputs, model: modelObject, blocks: collector.blocks,
            expectedVersion: isStored ? info.version : nil)
    }

    public func stateJSON(_ encoding: inout StateEncoding) throws -> JSON {
        let encoded = try encoded(ids: encoding.ids)
        encoding.models.append(encoded)
        return encoded.json
    }
}
