/// A subscription as stored, untyped: its common fields and its blocks as the store dumps them.
/// The engine's own steps that change only common fields (lock, unlock) use it instead of
/// decoding the typed model and encoding it back, which was a fifth of a workshop scenario.
/// Saving it writes the same rows and state as the typed round trip of a Codable model.
struct StoredModel: AnySubscription {
    var info: SubscriptionInfo
    var fixedInputs: [String: String]
    /// The dump without common fields and fixed inputs: what encoding the model gives.
    let model: [String: JSON]
    /// The whole dump as loaded.
    let dump: JSON
    /// Type information of the blocks, when the engine has it for this version; without it a
    /// save skips the lifecycle check (see `encoded`), so a status change needs it.
    var blocks: [String: BlockInfo]?

    /// `dump` as `SubscriptionStore.domainModel` gives it; `fixedInputs` those of its product.
    init(dump: JSON, fixedInputs: [String: String]) throws {
        var model = dump.objectValue ?? [:]
        info = try SubscriptionInfo(stored: State(model))
        for key in SubscriptionInfo.reservedKeys { model[key] = nil }
        for key in fixedInputs.keys { model[key] = nil }
        self.fixedInputs = fixedInputs
        self.model = model
        self.dump = dump
    }

    /// Without block information the lifecycle check finds nothing to check; that is sound only
    /// while the status stays what it was (the blocks are saved exactly as stored, and met its
    /// requirements then).
    func encoded(ids: IDGenerator) throws -> EncodedSubscription {
        var saved = info
        saved.version += 1
        return EncodedSubscription(info: saved, fixedInputs: fixedInputs, model: model, blocks: blocks ?? [:],
                                   expectedVersion: info.version, blocksAsStored: true)
    }

    func stateJSON(_ encoding: inout StateEncoding) throws -> JSON {
        let encoded = try encoded(ids: encoding.ids)
        encoding.models.append(encoded)
        return encoded.json
    }
}
