import Dispatch
import Foundation
import Testing
import OrchLabServer
import WorkflowEngine

@Suite struct ConnectionTests {
    @Test func idleAndSlowHeaderConnectionsAreClosedAfterTheIdleTimeout() async throws {
        // One second, so that a starved event loop still reads a complete head before the timer.
        try await LiveServer.with(idleTimeout: .seconds(1)) { server in
            let idle = try RawConnection(port: server.port)
            // A head that never completes is the slow-header attack: it is closed the same way.
            let slow = try RawConnection(port: server.port)
            slow.send("GET /lab/devices HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: aaaa")
            // A complete request is answered, then the kept-alive connection idles out too.
            let normal = try RawConnection(port: server.port)
            normal.send("GET /lab/devices HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")

            async let silent = idle.readUntilClosed(within: 30)
            async let trickled = slow.readUntilClosed(within: 30)
            async let answered = normal.readUntilClosed(within: 30)
            let (a, b, c) = await (silent, trickled, answered)
            #expect(a.closed && a.bytes.isEmpty)
            #expect(b.closed && b.bytes.isEmpty)
            #expect(c.closed)
            #expect(String(decoding: c.bytes, as: UTF8.self).hasPrefix("HTTP/1.1 200"))
        }
    }

    @Test func gracefulShutdownFinishesTheAnswerInFlightThenStopsListening() async throws {
        let world = try LiveServer.makeWorld()
        let (entered, enteredContinuation) = AsyncStream.makeStream(of: Void.self)
        let release = DispatchSemaphore(value: 0)
        try world.engine.register(workflow("hold", "Holds its step until the test releases it", target: .system, isTask: true) {
            step("Hold") { _ in
                enteredContinuation.yield()
                release.wait()
                return ["held": true]
            }
            doneStep
        })
        let shutdown = ShutdownSwitch()
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let configuration = ServerConfiguration(host: "127.0.0.1", port: 0, token: LiveServer.token)
        let serving = Task {
            try await OrchLabServer.serve(world: world, configuration: configuration, handleSignals: false, shutdown: shutdown) {
                portContinuation.yield($0)
            }
        }
        var portIterator = ports.makeAsyncIterator()
        let port = try #require(await portIterator.next())
        let server = LiveServer(port: port, world: world)

        let inFlight = Task { try await server.call("POST", "/api/processes/hold", body: "[{}]") }
        // Should the request end without ever entering the step, the wait below ends too.
        Task {
            _ = try? await inFlight.value
            enteredContinuation.finish()
        }
        var enteredIterator = entered.makeAsyncIterator()
        let holding = await enteredIterator.next() != nil
        await shutdown.trigger()
        release.signal()

        let answer = try await inFlight.value
        #expect(holding, "\(answer.text)")
        #expect(answer.status == 201, "\(answer.text)")
        try await serving.value
        // serve() returned only after the answer went out; nothing listens any more.
        #expect(throws: RawConnection.Refused.self) { try RawConnection(port: port) }
        let processID = try #require(answer.json["id"]?.stringValue)
        let detail = try world.engine.process(processID)
        #expect(detail.lastStatus == .completed, "\(detail.lastStatus) \(detail.lastStep ?? "")")
    }
}
