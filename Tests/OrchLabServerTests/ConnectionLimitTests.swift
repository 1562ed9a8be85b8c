import Foundation
import Testing
import OrchLabServer

/// `--max-connections` and `--request-timeout` over real sockets. No sleeps: the tests wait on
/// what the server does (an answer, or the connection closing), with 30 s test-side deadlines
/// far above the limits under test, and an idle timeout (60 s) above those deadlines, so a
/// close seen here is never the idle timeout's.
@Suite struct ConnectionLimitTests {
    static let get = "GET /lab/devices HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"

    @Test func theConnectionPastTheLimitIsClosedAtOnceAndOneFitsAgainAfterAClose() async throws {
        try await LiveServer.with(maxConnections: 3) { server in
            // Each answered, so the server holds all three before the fourth arrives.
            var open: [RawConnection] = []
            for _ in 0..<3 {
                let connection = try RawConnection(port: server.port)
                connection.send(Self.get)
                let answer = await connection.readAnswer(within: 30)
                #expect(answer?.hasPrefix("HTTP/1.1 200") == true, "\(answer ?? "closed")")
                open.append(connection)
            }
            let fourth = try RawConnection(port: server.port)
            fourth.send(Self.get)
            let refused = await fourth.readUntilClosed(within: 30)
            #expect(refused.closed && refused.bytes.isEmpty, "\(String(decoding: refused.bytes, as: UTF8.self))")
            // The three kept theirs.
            open[0].send(Self.get)
            #expect(await open[0].readAnswer(within: 30)?.hasPrefix("HTTP/1.1 200") == true)

            // Once one hangs up a new one is served. The server frees the slot when it sees the
            // close, a moment after the client's; until then a new one is still closed at once.
            open[2].hangUp()
            var attempts = 0
            var served = false
            while !served && attempts < 1_000 {
                attempts += 1
                let next = try RawConnection(port: server.port)
                next.send(Self.get)
                served = await next.readAnswer(within: 30)?.hasPrefix("HTTP/1.1 200") == true
                if served { open[2] = next }
            }
            #expect(served, "no connection served after \(attempts) attempts")
            // And the limit still holds with the new one in place.
            let again = try RawConnection(port: server.port)
            again.send(Self.get)
            let refusedAgain = await again.readUntilClosed(within: 30)
            #expect(refusedAgain.closed && refusedAgain.bytes.isEmpty)
        }
    }

    @Test func aRequestNotReceivedWithinTheRequestTimeoutIsCutWhileANormalUploadPasses() async throws {
        // One second, so that a starved event loop still reads a whole normal upload in time.
        try await LiveServer.with(requestTimeout: .seconds(1)) { server in
            let kept = try RawConnection(port: server.port)
            kept.send(Self.get)
            #expect(await kept.readAnswer(within: 30)?.hasPrefix("HTTP/1.1 200") == true)

            // A head and the first byte of a 100-byte body, then nothing: the body is never done.
            let trickle = try RawConnection(port: server.port)
            trickle.send("POST /lab/faults HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Token \(LiveServer.token)\r\n"
                         + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{")
            let cut = await trickle.readUntilClosed(within: 30)
            #expect(cut.closed && cut.bytes.isEmpty, "\(String(decoding: cut.bytes, as: UTF8.self))")

            // 512 KiB sent at once is read whole and answered, and its connection stays usable.
            let body = "[" + String(repeating: "1,", count: 256 * 1_024) + "1]"
            let upload = try RawConnection(port: server.port)
            upload.send("POST /netbox/api/dcim/sites/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Token \(LiveServer.token)\r\n"
                        + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body)
            let answer = await upload.readAnswer(within: 30)
            #expect(answer?.hasPrefix("HTTP/1.1 400") == true, "\(answer?.prefix(300) ?? "closed")")
            upload.send(Self.get)
            #expect(await upload.readAnswer(within: 30)?.hasPrefix("HTTP/1.1 200") == true)

            // A kept-alive connection idle between requests is not a request in progress: it has
            // been idle longer than the request timeout by now and still answers.
            kept.send(Self.get)
            #expect(await kept.readAnswer(within: 30)?.hasPrefix("HTTP/1.1 200") == true)
        }
    }

    @Test func theWaitForABodyAfterExpectContinueIsNotCounted() async throws {
        try await LiveServer.with(requestTimeout: .seconds(1)) { server in
            // curl sends `Expect: 100-continue` and its body only after a second without an answer.
            let patient = try RawConnection(port: server.port)
            patient.send("POST /lab/faults HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Token \(LiveServer.token)\r\n"
                         + "Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n")
            // A request timeout passes: a stuck body started after that head is cut.
            let stuck = try RawConnection(port: server.port)
            stuck.send("POST /lab/faults HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{")
            let cut = await stuck.readUntilClosed(within: 30)
            #expect(cut.closed && cut.bytes.isEmpty)
            // The body sent only now is still read and answered.
            patient.send("{}")
            let answer = await patient.readAnswer(within: 30)
            #expect(answer?.contains("HTTP/1.1 400") == true, "\(answer ?? "closed")")
        }
    }

    @Test func theNewOptionsAreRangeChecked() {
        func check(connections: Int = ServerLimits.defaultMaxConnections, request: Double = ServerLimits.defaultRequestTimeout) -> String? {
            do {
                _ = try ServerConfiguration.checked(host: "127.0.0.1", port: 0, token: "0123456789abcdef", environment: [:],
                                                    bodyLimit: ServerLimits.defaultBodyLimit, idleTimeoutSeconds: 60, allowRemote: false,
                                                    maxConnections: connections, requestTimeoutSeconds: request)
                return nil
            } catch {
                return error.description
            }
        }
        #expect(check() == nil)
        #expect(check(connections: 1) == nil)
        #expect(check(connections: 10_000) == nil)
        #expect(check(connections: 0) == "--max-connections must be 1...10000, not 0")
        #expect(check(connections: 10_001)?.contains("--max-connections") == true)
        #expect(check(connections: -1)?.contains("--max-connections") == true)
        #expect(check(request: 0.05) == nil)
        #expect(check(request: 3_600) == nil)
        #expect(check(request: 0.04) == "--request-timeout must be 0.05...3600.0 seconds, not 0.04")
        #expect(check(request: 3_601)?.contains("--request-timeout") == true)
        #expect(check(request: .nan)?.contains("--request-timeout") == true)
        #expect(check(request: -.infinity)?.contains("--request-timeout") == true)
    }
}
