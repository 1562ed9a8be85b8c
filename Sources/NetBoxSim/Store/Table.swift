/// One object table: rows by id and an id sequence that never goes back, so deleted ids are
/// never reused and fixed ids from a seed push the sequence past them.
struct Table<Object: NetBoxObject> {
    private(set) var rows: [Int: Object] = [:]
    private(set) var lastID = 0

    subscript(id: Int) -> Object? { rows[id] }

    var count: Int { rows.count }

    mutating func nextID() -> Int {
        lastID += 1
        return lastID
    }

    mutating func put(_ object: Object) {
        rows[object.id] = object
        lastID = max(lastID, object.id)
    }

    @discardableResult
    mutating func remove(_ id: Int) -> Object? { rows.removeValue(forKey: id) }

    mutating func restoreSequence(_ value: Int) { lastID = max(lastID, value) }

    mutating func reserveCapacity(_ count: Int) { rows.reserveCapacity(count) }
}
