import Hummingbird

/// The API token rule: `Authorization: Token T` or `Bearer T` (NetBox accepts both scheme
/// words). Failures are 403 with NetBox's wording, which names what is wrong. Without a token
/// (the loopback-only `--no-auth` mode) every request proceeds and any Authorization header is
/// ignored, as orchestrator-core with OAuth2 off ignores it.
struct TokenCheck: Sendable {
    let token: String?

    /// nil when the request may proceed, else the 403 answer.
    func refusal(_ call: HTTPCall, area: any APIArea) -> Reply? {
        guard let token else { return nil }
        let mutating = call.method != .get && call.method != .head && call.method != .options
        guard mutating || area.tokenForReads else { return nil }
        guard let header = call.headers[.authorization], !header.isEmpty else {
            return .detail("Authentication credentials were not provided.", status: .forbidden)
        }
        let parts = header.split(separator: " ", maxSplits: 1).map(String.init)
        let presented = parts.count == 2 && ["token", "bearer"].contains(parts[0].lowercased())
            ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        guard Self.constantTimeEqual(presented, token) else {
            return .detail(presented.hasPrefix("nbt_") ? "Invalid v2 token" : "Invalid v1 token", status: .forbidden)
        }
        return nil
    }

    /// Compares without an early exit, so response time does not leak the matching prefix.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var difference = UInt8(x.count == y.count ? 0 : 1)
        for index in 0..<max(x.count, y.count) {
            difference |= (index < x.count ? x[index] : 0) ^ (index < y.count ? y[index] : 0)
        }
        return difference == 0
    }
}
