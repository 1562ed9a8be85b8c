/// Encodes `Encodable` values straight into a `JSON` tree (models were encoded to text by
/// JSONEncoder and parsed back on every save). Containers write into shared nodes, so a type may
/// ask for the same keyed container twice (as `Block` does) and both land in one object.
struct JSONValueEncoder: Encoder {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any]

    static func encode<T: Encodable>(_ value: T, userInfo: [CodingUserInfoKey: Any]) throws -> JSON {
        let root = EncodingNode()
        try value.encode(to: JSONValueEncoder(node: root, codingPath: [], userInfo: userInfo))
        return root.json
    }

    func child(_ node: EncodingNode, _ key: any CodingKey) -> JSONValueEncoder {
        JSONValueEncoder(node: node, codingPath: codingPath + [key], userInfo: userInfo)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.becomeObject()
        return KeyedEncodingContainer(KeyedEncoder<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.becomeArray()
        return UnkeyedEncoder(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleEncoder(encoder: self) }

    /// Encodes `value` into `target`, short-circuiting `JSON` values.
    func encode<T: Encodable>(_ value: T, into target: EncodingNode, key: any CodingKey) throws {
        if let json = value as? JSON {
            target.content = .value(json)
        } else {
            try value.encode(to: child(target, key))
        }
    }
}

/// A node of the tree being built. Scalars are stored in their parent's slot, not in a node of
/// their own: a node per field was most of the allocations of a model save.
final class EncodingNode {
    enum Slot {
        case value(JSON)
        case node(EncodingNode)

        var json: JSON {
            switch self {
            case .value(let value): return value
            case .node(let node): return node.json
            }
        }
    }

    enum Content {
        case empty
        case value(JSON)
        case object([String: Slot])
        case array([Slot])
    }

    var content: Content = .empty

    func becomeObject() {
        if case .object = content { return }
        content = .object([:])
    }

    func becomeArray() {
        if case .array = content { return }
        content = .array([])
    }

    func set(_ slot: Slot, forKey key: String) {
        if case .object(var children) = content {
            content = .empty  // leaves `children` uniquely referenced, so adding does not copy it
            children[key] = slot
            content = .object(children)
        }
    }

    func append(_ slot: Slot) {
        if case .array(var children) = content {
            content = .empty
            children.append(slot)
            content = .array(children)
        }
    }

    func child(forKey key: String) -> EncodingNode {
        let node = EncodingNode()
        set(.node(node), forKey: key)
        return node
    }

    func appendChild() -> EncodingNode {
        let node = EncodingNode()
        append(.node(node))
        return node
    }

    var count: Int {
        if case .array(let children) = content { return children.count }
        return 0
    }

    var json: JSON {
        switch content {
        case .empty: return .object([:])
        case .value(let value): return value
        case .object(let children): return .object(children.mapValues(\.json))
        case .array(let children): return .array(children.map(\.json))
        }
    }
}

private struct SuperKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }
    init() {}
    init?(stringValue: String) { nil }
    init?(intValue: Int) { nil }
}

private extension JSON {
    init<T: BinaryInteger>(integer value: T) throws {
        guard let int = Int(exactly: value) else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "\(value) does not fit an Int"))
        }
        self = .int(int)
    }
}

private struct SingleEncoder: SingleValueEncodingContainer {
    let encoder: JSONValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    private func set(_ value: JSON) { encoder.node.content = .value(value) }

    mutating func encodeNil() throws { set(.null) }
    mutating func encode(_ value: Bool) throws { set(.bool(value)) }
    mutating func encode(_ value: String) throws { set(.string(value)) }
    mutating func encode(_ value: Double) throws { set(.double(value)) }
    mutating func encode(_ value: Float) throws { set(.double(Double(value))) }
    mutating func encode(_ value: Int) throws { set(.int(value)) }
    mutating func encode(_ value: Int8) throws { set(try JSON(integer: value)) }
    mutating func encode(_ value: Int16) throws { set(try JSON(integer: value)) }
    mutating func encode(_ value: Int32) throws { set(try JSON(integer: value)) }
    mutating func encode(_ value: Int64) throws { set(try JSON(integer: value)) }
    mutating func encode(_ value: UInt) throws { set(try JSON(integer: value)) }
    mutating func encode(_ value: UInt8) throws { set(try JSON(integer: value)) }
    mutating func encode(_ value: UInt16) throws { set(try JSON(integer: value)) }
    mutating func encode(_ value: UInt32) throws { set(try JSON(integer: value)) }
    mutating func encode(_ value: UInt64) throws { set(try JSON(integer: value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        if let json = value as? JSON { set(json) } else { try value.encode(to: encoder) }
    }
}

private struct KeyedEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: JSONValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    private func set(_ value: JSON, _ key: Key) { encoder.node.set(.value(value), forKey: key.stringValue) }

    mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(.double(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { set(.double(Double(value)), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(.int(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(try JSON(integer: value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(try JSON(integer: value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(try JSON(integer: value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(try JSON(integer: value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { set(try JSON(integer: value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(try JSON(integer: value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(try JSON(integer: value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(try JSON(integer: value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { set(try JSON(integer: value), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encoder.encode(value, into: encoder.node.child(forKey: key.stringValue), key: key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        encoder.child(encoder.node.child(forKey: key.stringValue), key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder.child(encoder.node.child(forKey: key.stringValue), key).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { encoder.child(encoder.node.child(forKey: "super"), SuperKey()) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { encoder.child(encoder.node.child(forKey: key.stringValue), key) }
}

private struct UnkeyedEncoder: UnkeyedEncodingContainer {
    let encoder: JSONValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { encoder.node.count }

    private func append(_ value: JSON) { encoder.node.append(.value(value)) }

    mutating func encodeNil() throws { append(.null) }
    mutating func encode(_ value: Bool) throws { append(.bool(value)) }
    mutating func encode(_ value: String) throws { append(.string(value)) }
    mutating func encode(_ value: Double) throws { append(.double(value)) }
    mutating func encode(_ value: Float) throws { append(.double(Double(value))) }
    mutating func encode(_ value: Int) throws { append(.int(value)) }
    mutating func encode(_ value: Int8) throws { append(try JSON(integer: value)) }
    mutating func encode(_ value: Int16) throws { append(try JSON(integer: value)) }
    mutating func encode(_ value: Int32) throws { append(try JSON(integer: value)) }
    mutating func encode(_ value: Int64) throws { append(try JSON(integer: value)) }
    mutating func encode(_ value: UInt) throws { append(try JSON(integer: value)) }
    mutating func encode(_ value: UInt8) throws { append(try JSON(integer: value)) }
    mutating func encode(_ value: UInt16) throws { append(try JSON(integer: value)) }
    mutating func encode(_ value: UInt32) throws { append(try JSON(integer: value)) }
    mutating func encode(_ value: UInt64) throws { append(try JSON(integer: value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let index = count
        try encoder.encode(value, into: encoder.node.appendChild(), key: IndexKey(index))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let index = count
        return encoder.child(encoder.node.appendChild(), IndexKey(index)).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let index = count
        return encoder.child(encoder.node.appendChild(), IndexKey(index)).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let index = count
        return encoder.child(encoder.node.appendChild(), IndexKey(index))
    }
}
