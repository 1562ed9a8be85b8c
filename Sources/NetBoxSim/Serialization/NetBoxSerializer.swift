import Foundation

/// Renders objects in NetBox 4.7's REST shapes (full and brief/nested), with absolute URLs built
/// from `baseURL` (e.g. `http://127.0.0.1:8001`, no trailing slash). Use it inside
/// `NetBox.withReader`, which gives the related objects a consistent view.
public struct NetBoxSerializer: Sendable {
    public let baseURL: String

    public init(baseURL: String) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    }

    public func url(_ type: ObjectType, _ id: Int) -> JSONValue { .string("\(baseURL)/api/\(type.path)/\(id)/") }
    func displayURL(_ type: ObjectType, _ id: Int) -> JSONValue { .string("\(baseURL)/\(type.path)/\(id)/") }

    /// `{"value": …, "label": …}` as NetBox reads choice fields.
    func choice<C: NetBoxChoice>(_ value: C) -> JSONValue { ["value": .string(value.rawValue), "label": .string(value.label)] }

    func family(_ family: IPFamily) -> JSONValue { ["value": .int(family.rawValue), "label": .string(family.label)] }

    /// UTC with microseconds and `Z`, as NetBox prints `created`/`last_updated`.
    public static func timestamp(_ date: Date) -> String {
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        let seconds = micros >= 0 ? micros / 1_000_000 : (micros - 999_999) / 1_000_000
        let fraction = micros - seconds * 1_000_000
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", parts.year!, parts.month!, parts.day!,
                      parts.hour!, parts.minute!, parts.second!, Int(fraction))
    }

    /// Fields every full object carries.
    func common(_ type: ObjectType, _ id: Int, display: String, created: Date, lastUpdated: Date) -> [String: JSONValue] {
        [
            "id": .int(id), "url": url(type, id), "display_url": displayURL(type, id), "display": .string(display),
            "tags": [], "custom_fields": [:],
            "created": .string(Self.timestamp(created)), "last_updated": .string(Self.timestamp(lastUpdated)),
        ]
    }

    func brief(_ type: ObjectType, _ id: Int, display: String, _ extra: [String: JSONValue]) -> JSONValue {
        .object(extra.merging(["id": .int(id), "url": url(type, id), "display": .string(display)]) { _, new in new })
    }

    /// The list envelope `{count, next, previous, results}`; `next`/`previous` repeat the query
    /// with parameters sorted by name, the way NetBox re-encodes them.
    public func list<T>(_ page: Page<T>, type: ObjectType, query: NetBoxQuery, _ render: (T) -> JSONValue) -> JSONValue {
        let others = query.items.filter { $0.name != "limit" && $0.name != "offset" }
        func link(offset: Int) -> JSONValue {
            var items = others + [(name: "limit", value: String(page.limit))]
            if offset > 0 { items.append((name: "offset", value: String(offset))) }
            let text = items.enumerated().sorted { ($0.element.name, $0.offset) < ($1.element.name, $1.offset) }
                .map { "\(Self.encode($0.element.name))=\(Self.encode($0.element.value))" }.joined(separator: "&")
            return .string("\(baseURL)/api/\(type.path)/?\(text)")
        }
        let next: JSONValue = page.hasNext ? link(offset: page.offset + page.limit) : .null
        let previous: JSONValue = page.hasPrevious ? link(offset: max(0, page.offset - page.limit)) : .null
        return ["count": .int(page.count), "next": next, "previous": previous, "results": .array(page.results.map(render))]
    }

    private static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~:/")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// `available-prefixes` answer: a plain list, family as a bare int.
    public func availablePrefixes(_ blocks: [AvailablePrefix]) -> JSONValue {
        .array(blocks.map { ["family": .int($0.family), "prefix": .string($0.prefix.description), "vrf": .null] })
    }

    /// `available-ips` answer: a plain list, family as a bare int.
    public func availableIPs(_ addresses: [AvailableIP]) -> JSONValue {
        .array(addresses.map { ["family": .int($0.family), "address": .string($0.address.description), "vrf": .null] })
    }
}
