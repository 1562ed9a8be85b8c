/// Reads a list call's filters with NetBox's rules and collects the row predicates they imply.
///
/// Quirks reproduced: free-text filters never fail (unknown value → no rows), choice and
/// foreign-key filters fail with 400, integer filters reject text, boolean filters honour only
/// `true/True/false/False` and silently ignore anything else, unknown filter names are ignored.
struct FilterSet<Row> {
    let query: NetBoxQuery
    private(set) var predicates: [(Row) -> Bool] = []
    private var errors: [String: [String]] = [:]

    init(_ query: NetBoxQuery) {
        self.query = query
        errors = query.paginationErrors
    }

    mutating func add(_ predicate: @escaping (Row) -> Bool) { predicates.append(predicate) }

    private mutating func invalidChoice(_ name: String, _ value: String) {
        errors[name, default: []].append("Select a valid choice. \(value) is not one of the available choices.")
    }

    /// Exact, case-insensitive text match; repeated values OR.
    mutating func text(_ name: String, _ field: @escaping (Row) -> String) {
        let values = Set(query.values(name).map { $0.lowercased() })
        if !values.isEmpty { add { values.contains(field($0).lowercased()) } }
        let contains = query.values(name + "__ic").map { $0.lowercased() }
        if !contains.isEmpty { add { row in contains.contains { field(row).lowercased().contains($0) } } }
    }

    /// `q=`: case-insensitive substring search over the fields NetBox searches.
    mutating func search(_ fields: @escaping (Row) -> [String]) {
        let terms = query.values("q").map { $0.lowercased() }.filter { !$0.isEmpty }
        guard !terms.isEmpty else { return }
        add { row in terms.allSatisfy { term in fields(row).contains { $0.lowercased().contains(term) } } }
    }

    mutating func choice<C: NetBoxChoice>(_ name: String, _: C.Type, _ field: @escaping (Row) -> C) {
        let raw = query.values(name)
        guard !raw.isEmpty else { return }
        var wanted = Set<C>()
        for value in raw {
            if let choice = C(rawValue: value) { wanted.insert(choice) } else { invalidChoice(name, value) }
        }
        add { wanted.contains(field($0)) }
    }

    /// A foreign key by some natural key (name or slug); unknown values are a 400.
    mutating func reference(_ name: String, resolve: (String) -> [Int], _ field: @escaping (Row) -> Int?) {
        let raw = query.values(name)
        guard !raw.isEmpty else { return }
        var ids = Set<Int>()
        for value in raw {
            let found = resolve(value)
            if found.isEmpty { invalidChoice(name, value) } else { ids.formUnion(found) }
        }
        add { field($0).map(ids.contains) ?? false }
    }

    /// Integer filter with `__gte`/`__lte` variants; id lists are integer filters too.
    mutating func integer(_ name: String, _ field: @escaping (Row) -> Int?) {
        if let values = integers(name) { add { field($0).map(values.contains) ?? false } }
        if let bounds = integers(name + "__gte"), let low = bounds.max() { add { (field($0) ?? .min) >= low } }
        if let bounds = integers(name + "__lte"), let high = bounds.min() { add { (field($0) ?? .max) <= high } }
    }

    /// An id foreign key (`device_id=`): unknown ids are a 400 like unknown names.
    mutating func referenceID(_ name: String, exists: (Int) -> Bool, _ field: @escaping (Row) -> Int?) {
        guard let values = integers(name) else { return }
        for id in values where !exists(id) { invalidChoice(name, String(id)) }
        add { field($0).map(values.contains) ?? false }
    }

    private mutating func integers(_ name: String) -> Set<Int>? {
        let raw = query.values(name)
        guard !raw.isEmpty else { return nil }
        var values = Set<Int>()
        for value in raw {
            if let number = Int(value) { values.insert(number) } else {
                errors[name, default: []].append("Enter a whole number.")
            }
        }
        return values
    }

    mutating func boolean(_ name: String, _ field: @escaping (Row) -> Bool) {
        guard let value = query.values(name).last else { return }
        switch value {
        case "true", "True": add { field($0) }
        case "false", "False": add { !field($0) }
        default: break
        }
    }

    func apply(to rows: [Row]) throws(NetBoxError) -> [Row] {
        if !errors.isEmpty { throw .fields(errors) }
        if predicates.isEmpty { return rows }
        return rows.filter { row in predicates.allSatisfy { $0(row) } }
    }
}
