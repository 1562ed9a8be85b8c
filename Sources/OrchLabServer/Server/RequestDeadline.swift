import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Bounds the time from a request's first byte to its last (`--request-timeout`): when it
/// passes, the connection is closed. The idle timeout alone restarts on every body part, so a
/// client sending one byte just inside each idle timeout held its connection, and its buffered
/// body, for as long as it liked. Sits first in the pipeline to see a request's first raw
/// bytes; `RequestBoundaryMarker`, after the HTTP decoder, tells it where requests begin and end.
final class RequestDeadline: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer

    private let limit: TimeAmount
    private var timer: Scheduled<Void>?

    init(limit: TimeAmount) { self.limit = limit }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        start(context)
        context.fireChannelRead(data)
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        switch event as? RequestBoundary {
        case .began?:
            // A pipelined request whose first bytes came in the read that ended the one before.
            start(context)
            promise?.succeed()
        case .ended?, .waitingForBody?:
            // After a head that waits for `100 Continue`, the clock restarts with the body's
            // first bytes (the idle timeout bounds the wait for them).
            stop()
            promise?.succeed()
        case nil:
            context.triggerUserOutboundEvent(event, promise: promise)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        stop()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) { stop() }

    private func start(_ context: ChannelHandlerContext) {
        guard timer == nil else { return }
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: limit) { context.close(promise: nil) }
    }

    private func stop() {
        timer?.cancel()
        timer = nil
    }
}

/// Where a request begins (its head is decoded) and ends (its last body part is decoded).
/// A head with `Expect: 100-continue` waits for its body: clients such as curl send the body
/// only after a second without an answer, and that second is not the client being slow.
enum RequestBoundary {
    case began, waitingForBody, ended
}

/// After the HTTP decoder: reports each request's head and end to `RequestDeadline` (an
/// outbound event travels towards the front of the pipeline, where it sits).
final class RequestBoundaryMarker: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            let expectsContinue = head.headerFields[.expect]?.lowercased() == "100-continue"
            context.triggerUserOutboundEvent(RequestBoundary.began, promise: nil)
            if expectsContinue { context.triggerUserOutboundEvent(RequestBoundary.waitingForBody, promise: nil) }
        case .end: context.triggerUserOutboundEvent(RequestBoundary.ended, promise: nil)
        case .body: break
        }
        context.fireChannelRead(data)
    }
}
