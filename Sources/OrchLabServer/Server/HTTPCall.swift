import Foundation
import Hummingbird

/// A request as route handlers see it: method, decoded path segments below the API prefix,
/// decoded query items in arrival order, the collected body, and the URL the client used.
public struct HTTPCall: Sendable {
    public let method: HTTPRequest.Method
    public let segments: [String]
    public let query: [QueryItem]
    public let body: [UInt8]
    public let headers: HTTPFields
    /// `scheme://host:port` as the client addressed the server (for NetBox's absolute URLs).
    public let origin: String
    /// Values of `:name` segments of the matched route.
    public var parameters: [String: String] = [:]

    public struct QueryItem: Sendable, Equatable {
        public let name: String
        public let value: String
    }

    func parameter(_ name: String) -> String { parameters[name] ?? "" }
    func queryValue(_ name: String) -> String? { query.last { $0.name == name }?.value }
    var bodyText: String { String(decoding: body, as: UTF8.self) }
    var bodyIsValidUTF8: Bool { String(validating: body, as: UTF8.self) != nil }
}

extension HTTPCall {
    /// Splits a raw path into percent-decoded segments, dropping empty ones (so a trailing
    /// slash is optional, as clients of both APIs use it inconsistently).
    static func segments(of path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map { String($0).removingPercentEncoding ?? String($0) }
    }

    /// Parses `a=1&b=x%20y&b=z` into items in order; `+` is a space, as form encoding has it.
    static func queryItems(_ query: String?) -> [QueryItem] {
        guard let query, !query.isEmpty else { return [] }
        return query.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return QueryItem(name: decode(parts[0]), value: parts.count > 1 ? decode(parts[1]) : "")
        }
    }
}
