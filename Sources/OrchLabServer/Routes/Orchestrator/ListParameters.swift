import WorkflowEngine

/// orchestrator-core's list parameters: `filter=key,value[,key,value…]`, `sort=key,ASC|DESC[,…]`
/// and `range=start,end` (rows start..<end). Plain `key=value` query items filter too.
/// Keys may be snake_case or camelCase (`lastStatus`); values compare case-insensitively.
struct ListParameters {
    var filters: [(key: String, value: String)] = []
    var sort: [(key: String, descending: Bool)] = []
    var range: Range<Int>?

    init(_ call: HTTPCall) throws(ListParameterError) {
        for item in call.query {
            switch item.name {
            case "filter":
                let parts = item.value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                guard parts.count % 2 == 0 else { throw ListParameterError("filter needs key,value pairs: '\(item.value)'") }
                for index in stride(from: 0, to: parts.count, by: 2) {
                    filters.append((Self.snakeCase(parts[index]), parts[index + 1]))
                }
            case "sort":
                let parts = item.value.split(separator: ",").map(String.init)
                guard parts.count % 2 == 0 else { throw ListParameterError("sort needs key,ASC|DESC pairs: '\(item.value)'") }
                for index in stride(from: 0, to: parts.count, by: 2) {
                    let order = parts[index + 1].uppercased()
                    guard order == "ASC" || order == "DESC" else { throw ListParameterError("sort order must be ASC or DESC, not '\(parts[index + 1])'") }
                    sort.append((Self.snakeCase(parts[index]), order == "DESC"))
                }
            case "range":
                let parts = item.value.split(separator: ",").map { Int($0) }
                let most = ServerLimits.maxRangeIndex
                guard parts.count == 2, let start = parts[0], let end = parts[1], start >= 0, end >= start, end <= most else {
                    throw ListParameterError("range must be start,end with 0 <= start <= end <= \(most): '\(item.value)'")
                }
                range = start..<end
            default:
                filters.append((Self.snakeCase(item.name), item.value))
            }
        }
    }

    /// Filters, sorts and slices `rows`; also returns how many matched before slicing.
    /// `matches` may claim keys that are not plain fields (e.g. a product name).
    func apply(_ rows: [JSON], special: (String, String, JSON) -> Bool? = { _, _, _ in nil }) -> (rows: [JSON], total: Int) {
        var result = rows.filter { row in
            filters.allSatisfy { filter in
                if let verdict = special(filter.key, filter.value, row) { return verdict }
                return Self.text(row[filter.key]).lowercased() == filter.value.lowercased()
            }
        }
        if !sort.isEmpty {
            result.sort { a, b in
                for key in sort {
                    let x = Self.text(a[key.key]), y = Self.text(b[key.key])
                    if x != y { return key.descending ? x > y : x < y }
                }
                return false
            }
        }
        let total = result.count
        if let range { result = Array(result[min(range.lowerBound, total)..<min(range.upperBound, total)]) }
        return (result, total)
    }

    static func text(_ value: JSON?) -> String {
        switch value {
        case .string(let text)?: text
        case .bool(let flag)?: flag ? "true" : "false"
        case .int(let number)?: String(number)
        default: ""
        }
    }

    static func snakeCase(_ key: String) -> String {
        var result = ""
        for character in key {
            if character.isUppercase { result += "_" + character.lowercased() } else { result.append(character) }
        }
        return result
    }

    /// `Content-Range: <name> start-end/total`, as orchestrator-core sends with ranged lists.
    func contentRange(_ name: String, shown: Int, total: Int) -> String {
        let start = range?.lowerBound ?? 0
        return "\(name) \(start)-\(start + shown)/\(total)"
    }
}

struct ListParameterError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
