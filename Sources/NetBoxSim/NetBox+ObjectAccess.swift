import OrchLabJSON
extension NetBox {
    /// `GET …/{id}/`: the object, or NetBox's 404 body naming the model.
    func fetch<T: NetBoxObject>(_: T.Type, id: Int) throws(NetBoxError) -> T {
        try locked { store throws(NetBoxError) in
            guard let object = store[keyPath: T.table][id] else { throw .notFound(T.objectType.verboseName) }
            return object
        }
    }

    /// The `PATCH …/{id}/` skeleton every type shares: 404 when missing; `edit` applies the
    /// payload's fields (and may throw model errors); a PATCH that changes nothing is not a
    /// change; otherwise `last_updated` moves and the update is logged.
    func patch<T: NetBoxObject>(
        _: T.Type, id: Int, _ fields: [String: JSON], actor: String,
        _ edit: (NetBoxStore, inout T, inout Payload) throws(NetBoxError) -> Void
    ) throws(NetBoxError) -> T {
        try perform(actor: actor) { store, now throws(NetBoxError) in
            guard let old = store[keyPath: T.table][id] else { throw .notFound(T.objectType.verboseName) }
            var object = old
            var payload = Payload(fields)
            try edit(store, &object, &payload)
            try payload.throwIfInvalid()
            guard object != old else { return old }
            object.lastUpdated = now
            store.put(object.snapshot)
            store.record(.update, before: old, after: object)
            return object
        }
    }
}
