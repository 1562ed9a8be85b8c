/// One object table: rows by id and an id sequence that never goes back, so deleted ids are
/// never reused and fixed ids from a seed push the sequence past them.
///
/// Rows live in an array indexed by id: ids come from the sequence, so the array is dense, and
/// appending keeps memory access sequential however many rows exist (random hash-table access
/// made allocation slow down as tables grew). An id far beyond the array (a fixed id copied from
/// a large real instance) goes to an overflow dictionary instead of growing the array to it.
struct Table<Object: NetBoxObject> {
    /// How far past the array's end an id may land and still extend the array.
    private static var maxGap: Int { 65_536 }

    private var slots: [Object?] = [nil]
    private var overflow: [Int: Object] = [:]
    private(set) var count = 0
    private(set) var lastID = 0

    subscript(id: Int) -> Object? { id > 0 && id < slots.count ? slots[id] : overflow[id] }

    /// Rows in id order.
    var values: [Object] {
        let dense = slots.compactMap { $0 }
        return overflow.isEmpty ? dense : dense + overflow.values.sorted { $0.id < $1.id }
    }

    var ids: [Int] { values.map(\.id) }

    mutating func nextID() -> Int {
        lastID += 1
        return lastID
    }

    mutating func put(_ object: Object) {
        let id = object.id
        precondition(id > 0, "ids start at 1")
        if self[id] == nil { count += 1 }
        if id < slots.count {
            slots[id] = object
        } else if id - slots.count <= Self.maxGap {
            slots.append(contentsOf: repeatElement(nil, count: id - slots.count))
            slots.append(object)
        } else {
            overflow[id] = object
        }
        lastID = max(lastID, id)
    }

    @discardableResult
    mutating func remove(_ id: Int) -> Object? {
        guard let old = self[id] else { return nil }
        if id < slots.count { slots[id] = nil } else { overflow[id] = nil }
        count -= 1
        return old
    }

    mutating func restoreSequence(_ value: Int) { lastID = max(lastID, value) }

    mutating func reserveCapacity(_ count: Int) { slots.reserveCapacity(slots.count + count) }
}
