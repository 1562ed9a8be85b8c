import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP connection to a live server on 127.0.0.1, for what URLSession cannot do: send
/// half a request, or wait for the server to hang up.
final class RawConnection: @unchecked Sendable {
    private let descriptor: Int32

    struct Refused: Error { let errno: Int32 }

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            let failure = errno
            close(descriptor)
            throw Refused(errno: failure)
        }
    }

    deinit { close(descriptor) }

    /// Ends the connection from the client's side (the descriptor itself closes at deinit).
    func hangUp() { shutdown(descriptor, Int32(SHUT_RDWR)) }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Reads one answer that carries a `Content-Length` (every OrchLab answer does) and leaves
    /// the connection open; nil if the server closes first or `seconds` pass.
    func readAnswer(within seconds: Int) async -> String? {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var timeout = timeval(tv_sec: seconds, tv_usec: 0)
                setsockopt(self.descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                var received: [UInt8] = []
                var byte: UInt8 = 0
                // Byte by byte, so nothing of a following answer is consumed.
                while recv(self.descriptor, &byte, 1, 0) == 1 {
                    received.append(byte)
                    guard received.suffix(4) == Array("\r\n\r\n".utf8) else { continue }
                    let head = String(decoding: received, as: UTF8.self)
                    let length = head.split(separator: "\r\n").lazy
                        .compactMap { line -> Int? in
                            let parts = line.split(separator: ":", maxSplits: 1)
                            guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
                            return Int(parts[1].trimmingCharacters(in: .whitespaces))
                        }.first ?? 0
                    var body = [UInt8](repeating: 0, count: length)
                    var filled = 0
                    while filled < length {
                        let count = body[filled...].withUnsafeMutableBytes { recv(self.descriptor, $0.baseAddress, $0.count, 0) }
                        guard count > 0 else { continuation.resume(returning: nil); return }
                        filled += count
                    }
                    continuation.resume(returning: head + String(decoding: body, as: UTF8.self))
                    return
                }
                continuation.resume(returning: nil)
            }
        }
    }

    /// Reads until the server closes the connection (`closed`), or until `seconds` pass on the
    /// test's side (then `closed` is false). Runs on a Dispatch thread, as the reads block.
    func readUntilClosed(within seconds: Int) async -> (bytes: [UInt8], closed: Bool) {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var timeout = timeval(tv_sec: seconds, tv_usec: 0)
                setsockopt(self.descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                var received: [UInt8] = []
                var buffer = [UInt8](repeating: 0, count: 4096)
                while true {
                    let count = buffer.withUnsafeMutableBytes { recv(self.descriptor, $0.baseAddress, $0.count, 0) }
                    if count > 0 { received += buffer[..<count]; continue }
                    // 0 is an orderly close; a reset counts as closed too; a timeout does not.
                    let closed = count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)
                    continuation.resume(returning: (received, closed))
                    return
                }
            }
        }
    }
}
