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

    /// Pagination as NetBox reads it: default limit 50; `limit=0` or any limit above the
    /// maximum means the 1000-row maximum; negative or non-numeric values are ignored. An offset
    /// above `NetBoxLimits.maxOffset` is clamped here and refused by `paginationErrors`.
    var pagination: (limit: Int, offset: Int) {
        var limit = NetBoxLimits.defaultPageSize
        if let text = values("limit").last, let value = Self.wholeNumber(text), value >= 0 {
            limit = value == 0 ? NetBoxLimits.maxPageSize : min(value, NetBoxLimits.maxPageSize)
        }
        var offset = 0
        if let text = values("offset").last, let value = Self.wholeNumber(text), value >= 0 {
            offset = min(value, NetBoxLimits.maxOffset)
        }
        return (limit, offset)
    }

    /// The 400 for an offset beyond `NetBoxLimits.maxOffset` (NetBox's database would fail on it).
    var paginationErrors: [String: [String]] {
        guard let text = values("offset").last, let value = Self.wholeNumber(text), value > NetBoxLimits.maxOffset else { return [:] }
        return ["offset": ["Ensure this value is less than or equal to \(NetBoxLimits.maxOffset)."]]
    }

    /// Decimal digits (with an optional sign) as an Int; too many digits for an Int saturate
    /// to Int.max/Int.min, since Python reads them as the huge numbers they are.
    static func wholeNumber(_ text: String) -> Int? {
        if let value = Int(text) { return value }
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        return text.hasPrefix("-") ? .min : .max
    }
}

/// Bounds on what a list query may ask for, in one place (docs/limits-server.md).
public enum NetBoxLimits {
    /// NetBox's default `PAGINATE_COUNT`.
    public static let defaultPageSize = 50
    /// NetBox's default `MAX_PAGE_SIZE`: larger limits are clamped to it.
    public static let maxPageSize = 1000
    /// Largest `offset` a list accepts (a 400 above it). Far beyond any real list, and small
    /// enough that offset + limit can never overflow.
    public static let maxOffset = 1_000_000_000
    /// NetBox's `max_length` of the text fields written here (device names are 64, see
    /// `NetBox+DCIM`); a longer value is a 400 naming the field, as in NetBox.
    public static let maxLength = ["name": 100, "slug": 100, "model": 100, "label": 100, "description": 200,
                                   "dns_name": 255, "color": 6]
    /// Text fields not listed above (NetBox's own free-text fields are bounded only by the body limit).
    public static let maxTextLength = 200
    /// NetBox's `Device.name` `max_length`.
    public static let maxDeviceNameLength = 64
}

/// One page of a list answer.
public struct Page<Object: Sendable>: Sendable {
    /// Rows matching the filters (all pages).
    public let count: Int
    public let results: [Object]
    public let limit: Int
    public let offset: Int

    public var hasNext: Bool { offset < count && count - offset > limit }
    public var hasPrevious: Bool { offset > 0 }

    init(all: [Object], query: NetBoxQuery) {
        let (limit, offset) = query.pagination
        count = all.count
        self.limit = limit
        self.offset = offset
        results = offset >= all.count ? [] : Array(all[offset..<min(all.count, offset + limit)])
    }
}
