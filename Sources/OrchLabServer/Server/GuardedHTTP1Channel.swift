import HummingbirdCore
import Logging
import NIOCore

/// Hummingbird's HTTP/1 connection with OrchLab's two connection bounds in front of it: at
/// most `slots.limit` open connections (beyond, a new one is closed at once) and a deadline for
/// receiving each whole request.
struct GuardedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let http1: HTTP1Channel
    let slots: ConnectionSlots
    let requestTimeout: TimeAmount

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            let first: any ChannelHandler = slots.claim(for: channel) ? RequestDeadline(limit: requestTimeout) : CloseAtOnce()
            try channel.pipeline.syncOperations.addHandler(first)
        }.flatMap {
            http1.setup(channel: channel, logger: logger)
        }
    }

    func handle(value: Value, logger: Logger) async {
        await http1.handle(value: value, logger: logger)
    }
}
