import NIOCore
import Synchronization

/// The open connections of one server, against `--max-connections`. Each connection is a file
/// descriptor and may hold a request body of up to `--body-limit` bytes, so their number is
/// what bounds the server's memory and descriptors.
final class ConnectionSlots: Sendable {
    let limit: Int
    private let open = Atomic<Int>(0)

    init(limit: Int) { self.limit = limit }

    /// Claims a slot for `channel` until it closes; false (and nothing claimed) when `limit`
    /// connections are already open.
    func claim(for channel: any Channel) -> Bool {
        guard open.add(1, ordering: .relaxed).newValue <= limit else {
            open.subtract(1, ordering: .relaxed)
            return false
        }
        channel.closeFuture.whenComplete { _ in self.open.subtract(1, ordering: .relaxed) }
        return true
    }
}

/// First handler of a connection over the limit: closes it as soon as it is active, before a
/// byte is read. nginx (`worker_connections`), Node (`server.maxConnections`) and Envoy do the
/// same; a 503 would first have to read the request (else the close resets the answer away),
/// holding the very slot the limit protects, and leaving it in the listen backlog (what
/// Hummingbird's own limit does) would leave the client hanging with no answer at all.
final class CloseAtOnce: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { context.close(promise: nil) }
    }

    func channelActive(context: ChannelHandlerContext) {
        context.close(promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}
}
