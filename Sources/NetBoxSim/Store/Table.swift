/// One object table: rows by id and an id sequence that never goes back, so deleted ids are
/// never reused and fixed ids from a seed push the sequence past them.
///
/// Rows live in an array indexed by id: ids come from the sequence, so the array is dense, and
/// appending keeps memory access sequential however many rows exist (random hash-table access
/// made allocation slow down as tables grew).
struct Table<Object: NetBoxObject> {
    /// Largest id a table accepts, so a stray fixed id cannot make the array huge.
    static var maxID: Int { 50_000_000 }

    private var slots: [Object?] = [nil]
    private(set) var count = 0
    private(set) var lastID = 0

    subscript(id: Int) -> Object? { id > 0 && id < slots.count ? slots[id] : nil }

    /// Rows in id order.
    var values: [Object] { slots.compactMap { $0 } }
    var ids: [Int] { values.map(\.id) }

    mutating func nextID() -> Int {
        lastID += 1
        return lastID
    }

    mutating func put(_ object: Object) {
        precondition(object.id > 0 && object.id <= Self.maxID, "id \(object.id) out of range")
        if object.id >= slots.count { slots.append(contentsOf: repeatElement(nil, count: object.id - slots.count + 1)) }
        if slots[object.id] == nil { count += 1 }
        slots[object.id] = object
        lastID = max(lastID, object.id)
    }

    @discardableResult
    mutating func remove(_ id: Int) -> Object? {
        guard let old = self[id] else { return nil }
        slots[id] = nil
        count -= 1
        return old
    }

    mutating func restoreSequence(_ value: Int) { lastID = max(lastID, value) }

    mutating func reserveCapacity(_ count: Int) { slots.reserveCapacity(slots.count + count) }
}
