/// Query parameters of a list call, as strings exactly as they would arrive over HTTP
/// (`device=loc1-core&occupied=False&speed=400000000`). A repeated name ORs its values.
public struct NetBoxQuery: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    public var items: [(name: String, value: String)]

    public init(_ items: [(name: String, value: String)] = []) { self.items = items }

    public init(dictionaryLiteral elements: (String, String)...) {
        items = elements.map { (name: $0.0, value: $0.1) }
    }

    public static func == (a: NetBoxQuery, b: NetBoxQuery) -> Bool {
        a.items.elementsEqual(b.items) { $0.name == $1.name && $0.value == $1.value }
    }

    public func values(_ name: String) -> [String] { items.filter { $0.name == name }.map(\.value) }

    public func adding(_ name: String, _ value: String) -> NetBoxQuery {
        NetBoxQuery(items + [(name: name, value: value)])
    }

    /// Pagination as NetBox reads it: default limit 50; `limit=0` means everything up to the
    /// 1000-row maximum; negative or non-numeric values are ignored.
    var pagination: (limit: Int, offset: Int) {
        var limit = 50
        if let text = values("limit").last, let value = Int(text), value >= 0 {
            limit = value == 0 ? Self.maxPageSize : min(value, Self.maxPageSize)
        }
        var offset = 0
        if let text = values("offset").last, let value = Int(text), value >= 0 { offset = value }
        return (limit, offset)
    }

    static let maxPageSize = 1000
}

/// One page of a list answer.
public struct Page<Object: Sendable>: Sendable {
    /// Rows matching the filters (all pages).
    public let count: Int
    public let results: [Object]
    public let limit: Int
    public let offset: Int

    public var hasNext: Bool { offset + limit < count }
    public var hasPrevious: Bool { offset > 0 }

    init(all: [Object], query: NetBoxQuery) {
        let (limit, offset) = query.pagination
        count = all.count
        self.limit = limit
        self.offset = offset
        results = offset >= all.count ? [] : Array(all[offset..<min(all.count, offset + limit)])
    }
}
