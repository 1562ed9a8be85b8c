import Foundation

/// `?ordering=-name,id`: reorders a list by the named fields (a leading `-` reverses one),
/// keeping the default order between equal rows. Unknown field names are ignored, as DRF does.
struct ListOrdering<Row> {
    var fields: [String: (Row, Row) -> ComparisonResult]

    func apply(_ rows: [Row], _ query: NetBoxQuery) -> [Row] {
        guard let text = query.values("ordering").last else { return rows }
        let keys: [((Row, Row) -> ComparisonResult, Bool)] = text.split(separator: ",").compactMap { part in
            let descending = part.hasPrefix("-")
            let name = String(descending ? part.dropFirst() : part)
            return fields[name].map { ($0, descending) }
        }
        guard !keys.isEmpty else { return rows }
        return rows.enumerated().sorted { a, b in
            for (compare, descending) in keys {
                let order = compare(a.element, b.element)
                if order != .orderedSame { return (order == .orderedAscending) != descending }
            }
            return a.offset < b.offset
        }.map(\.element)
    }

    static func compare<T: Comparable>(_ a: T, _ b: T) -> ComparisonResult {
        a < b ? .orderedAscending : (a == b ? .orderedSame : .orderedDescending)
    }
}

extension ListOrdering where Row: NetBoxObject {
    /// `id` plus natural ordering on the given name-like fields.
    static func byID(names: [String: KeyPath<Row, String>] = [:]) -> ListOrdering<Row> {
        var fields: [String: (Row, Row) -> ComparisonResult] = ["id": { compare($0.id, $1.id) }]
        for (name, path) in names { fields[name] = { NaturalOrder.compare($0[keyPath: path], $1[keyPath: path]) } }
        return ListOrdering(fields: fields)
    }
}
