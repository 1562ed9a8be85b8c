import Foundation
import OrchLabJSON
import IPAddressing

/// Renders objects in NetBox 4.7's REST shapes (full and brief/nested), with absolute URLs built
/// from `baseURL` (e.g. `http://127.0.0.1:8001`, no trailing slash). Use it inside
/// `NetBox.withReader`, which gives the related objects a consistent view.
public struct NetBoxSerializer: Sendable {
    public let baseURL: String

    public init(baseURL: String) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    }

    public func url(_ type: ObjectType, _ id: Int) -> JSON { .string("\(baseURL)/api/\(type.path)/\(id)/") }
    func displayURL(_ type: ObjectType, _ id: Int) -> JSON { .string("\(baseURL)/\(type.path)/\(id)/") }

    /// `{"value": …, "label": …}` as NetBox reads choice fields.
    func choice<C: NetBoxChoice>(_ value: C) -> JSON { ["value": .string(value.rawValue), "label": .string(value.label)] }

    func family(_ family: IPFamily) -> JSON { ["value": .int(family.rawValue), "label": .string(family.label)] }

    /// UTC with microseconds and `Z`, as NetBox prints `created`/`last_updated`. Computed
    /// directly (days to civil date) because Calendar is slow on Linux and lists print thousands.
    public static func timestamp(_ date: Date) -> String {
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        let (seconds, fraction) = micros.quotientAndRemainder(dividingBy: 1_000_000)
        let adjust = fraction < 0 ? 1 : 0
        let total = seconds - Int64(adjust)
        let (days, secondOfDay) = (floorDiv(total, 86_400), total - floorDiv(total, 86_400) * 86_400)
        let (year, month, day) = civil(days)
        func pad(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay / 60 % 60, 2)):"
            + "\(pad(secondOfDay % 60, 2)).\(pad(fraction + Int64(adjust) * 1_000_000, 6))Z"
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : (a - b + 1) / b }

    /// Days since 1970-01-01 to (year, month, day), proleptic Gregorian (Hinnant's algorithm).
    private static func civil(_ days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Fields every full object carries.
    func common(_ type: ObjectType, _ id: Int, display: String, created: Date, lastUpdated: Date) -> [String: JSON] {
        [
            "id": .int(id), "url": url(type, id), "display_url": displayURL(type, id), "display": .string(display),
            "tags": [], "custom_fields": [:],
            "created": .string(Self.timestamp(created)), "last_updated": .string(Self.timestamp(lastUpdated)),
        ]
    }

    func brief(_ type: ObjectType, _ id: Int, display: String, _ extra: [String: JSON]) -> JSON {
        .object(extra.merging(["id": .int(id), "url": url(type, id), "display": .string(display)]) { _, new in new })
    }

    /// The list envelope `{count, next, previous, results}`; `next`/`previous` repeat the query
    /// with parameters sorted by name, the way NetBox re-encodes them.
    public func list<T>(_ page: Page<T>, type: ObjectType, query: NetBoxQuery, _ render: (T) -> JSON) -> JSON {
        let others = query.items.filter { $0.name != "limit" && $0.name != "offset" }
        func link(offset: Int) -> JSON {
            var items = others + [(name: "limit", value: String(page.limit))]
            if offset > 0 { items.append((name: "offset", value: String(offset))) }
            let text = items.enumerated().sorted { ($0.element.name, $0.offset) < ($1.element.name, $1.offset) }
                .map { "\(Self.encode($0.element.name))=\(Self.encode($0.element.value))" }.joined(separator: "&")
            return .string("\(baseURL)/api/\(type.path)/?\(text)")
        }
        let next: JSON = page.hasNext ? link(offset: page.offset + page.limit) : .null
        let previous: JSON = page.hasPrevious ? link(offset: max(0, page.offset - page.limit)) : .null
        return ["count": .int(page.count), "next": next, "previous": previous, "results": .array(page.results.map(render))]
    }

    private static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~:/")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// `available-prefixes` answer: a plain list, family as a bare int.
    public func availablePrefixes(_ blocks: [AvailablePrefix]) -> JSON {
        .array(blocks.map { ["family": .int($0.family), "prefix": .string($0.prefix.description), "vrf": .null] })
    }

    /// `available-ips` answer: a plain list, family as a bare int.
    public func availableIPs(_ addresses: [AvailableIP]) -> JSON {
        .array(addresses.map { ["family": .int($0.family), "address": .string($0.address.description), "vrf": .null] })
    }
}
