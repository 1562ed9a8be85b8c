import HTTPTypes

/// Weak ETags as orchestrator-core sends them on the process list and domain models: a client
/// repeating `If-None-Match` with the tag gets 304 and no body while nothing changed.
enum EntityTag {
    static func conditional(_ reply: Reply, _ call: HTTPCall) -> Reply {
        guard reply.status == .ok else { return reply }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in reply.body.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let tag = "W/\"\(String(hash, radix: 16))\""
        if let wanted = call.headers[.ifNoneMatch], wanted.split(separator: ",").contains(where: {
            $0.trimmingCharacters(in: .whitespaces) == tag || $0.trimmingCharacters(in: .whitespaces) == "*"
        }) {
            return Reply(status: .notModified, contentType: nil, body: "").adding("ETag", tag)
        }
        return reply.adding("ETag", tag)
    }
}
