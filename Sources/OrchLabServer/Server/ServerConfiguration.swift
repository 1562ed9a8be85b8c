import Foundation

/// How the server listens and whom it lets write.
public struct ServerConfiguration: Sendable {
    public var host: String
    /// 0 picks a free port (tests); the bound port is reported through `onRunning`.
    public var port: Int
    /// The API token; nil is the no-auth mode (`--no-auth`): every request is let through, as
    /// orchestrator-core with `OAUTH2_ACTIVE=False`. `validate` allows that on loopback only.
    public var token: String?
    /// Where `token` came from, for the start banner (never the token itself unless generated).
    public var tokenSource: TokenSource = .option
    /// Request bodies above this many bytes get 413.
    public var bodyLimit: Int
    /// A connection that sends nothing for this long (idle between requests, or stuck in a
    /// request head) is closed by the server.
    public var idleTimeout: Duration
    /// Connections open at once; a new one beyond this is closed at once.
    public var maxConnections = ServerLimits.defaultMaxConnections
    /// From a request's first byte to its last; past it the connection is closed.
    public var requestTimeout = Duration.seconds(ServerLimits.defaultRequestTimeout)

    public enum TokenSource: String, Sendable {
        case option = "--token", environment = "ORCHLAB_TOKEN", generated
        case disabled = "--no-auth"
    }

    public init(host: String = "127.0.0.1", port: Int = 8080, token: String?, bodyLimit: Int = ServerLimits.defaultBodyLimit,
                idleTimeout: Duration = .seconds(ServerLimits.defaultIdleTimeout)) {
        self.host = host
        self.port = port
        self.token = token
        if token == nil { tokenSource = .disabled }
        self.bodyLimit = bodyLimit
        self.idleTimeout = idleTimeout
    }

    /// The configuration `orchlab serve` runs with: the token from `token`, else a non-empty
    /// `ORCHLAB_TOKEN` in `environment`, else a generated one (none with `noAuth`, which
    /// ignores `ORCHLAB_TOKEN` and refuses `token`); every value range-checked.
    public static func checked(host: String, port: Int, token: String?, environment: [String: String],
                               bodyLimit: Int, idleTimeoutSeconds: Double, allowRemote: Bool, noAuth: Bool = false,
                               maxConnections: Int = ServerLimits.defaultMaxConnections,
                               requestTimeoutSeconds: Double = ServerLimits.defaultRequestTimeout)
        throws(ServerConfigurationError) -> ServerConfiguration {
        if noAuth && token != nil {
            throw ServerConfigurationError("--no-auth and --token exclude each other: with --no-auth no token is checked")
        }
        let fromEnvironment = environment["ORCHLAB_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        let source: TokenSource = noAuth ? .disabled : token != nil ? .option : fromEnvironment != nil ? .environment : .generated
        guard idleTimeoutSeconds.isFinite, ServerLimits.idleTimeouts.contains(idleTimeoutSeconds) else {
            throw ServerConfigurationError("--idle-timeout must be \(ServerLimits.idleTimeouts.lowerBound)...\(ServerLimits.idleTimeouts.upperBound) seconds, not \(idleTimeoutSeconds)")
        }
        guard requestTimeoutSeconds.isFinite, ServerLimits.requestTimeouts.contains(requestTimeoutSeconds) else {
            throw ServerConfigurationError("--request-timeout must be \(ServerLimits.requestTimeouts.lowerBound)...\(ServerLimits.requestTimeouts.upperBound) seconds, not \(requestTimeoutSeconds)")
        }
        var configuration = ServerConfiguration(
            host: host, port: port, token: noAuth ? nil : token ?? fromEnvironment ?? generateToken(), bodyLimit: bodyLimit,
            idleTimeout: .nanoseconds(Int64((idleTimeoutSeconds * 1e9).rounded())))
        configuration.tokenSource = source
        configuration.maxConnections = maxConnections
        configuration.requestTimeout = .nanoseconds(Int64((requestTimeoutSeconds * 1e9).rounded()))
        try configuration.validate(allowRemote: allowRemote)
        return configuration
    }

    /// Range-checks every field; the error names the option and the accepted range.
    public func validate(allowRemote: Bool) throws(ServerConfigurationError) {
        guard ServerLimits.ports.contains(port) else {
            throw ServerConfigurationError("--port must be \(ServerLimits.ports.lowerBound)...\(ServerLimits.ports.upperBound), not \(port)")
        }
        guard ServerLimits.bodyLimits.contains(bodyLimit) else {
            throw ServerConfigurationError("--body-limit must be \(ServerLimits.bodyLimits.lowerBound)...\(ServerLimits.bodyLimits.upperBound) bytes, not \(bodyLimit)")
        }
        let seconds = Self.seconds(idleTimeout)
        guard ServerLimits.idleTimeouts.contains(seconds) else {
            throw ServerConfigurationError("--idle-timeout must be \(ServerLimits.idleTimeouts.lowerBound)...\(ServerLimits.idleTimeouts.upperBound) seconds, not \(seconds)")
        }
        guard ServerLimits.maxConnections.contains(maxConnections) else {
            throw ServerConfigurationError("--max-connections must be \(ServerLimits.maxConnections.lowerBound)...\(ServerLimits.maxConnections.upperBound), not \(maxConnections)")
        }
        let requestSeconds = Self.seconds(requestTimeout)
        guard ServerLimits.requestTimeouts.contains(requestSeconds) else {
            throw ServerConfigurationError("--request-timeout must be \(ServerLimits.requestTimeouts.lowerBound)...\(ServerLimits.requestTimeouts.upperBound) seconds, not \(requestSeconds)")
        }
        guard let token else {
            // Open writes are for a lab on this machine only: --allow-remote does not lift this.
            guard Self.isLoopback(host) else {
                throw ServerConfigurationError("--no-auth is only allowed on a loopback host (127.0.0.0/8, ::1 or localhost), not --host \(host); remote clients need a token")
            }
            return
        }
        guard Self.isLoopback(host) || allowRemote else {
            throw ServerConfigurationError("--host \(host) is not a loopback address (127.0.0.0/8, ::1 or localhost); pass --allow-remote to bind it anyway")
        }
        if let problem = Self.tokenProblem(token) {
            throw ServerConfigurationError("the API token (from \(tokenSource.rawValue)) \(problem)")
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Why `token` is refused, or nil. Tokens travel in an HTTP header, so only visible ASCII.
    static func tokenProblem(_ token: String) -> String? {
        let bytes = Array(token.utf8)
        if !bytes.allSatisfy({ (0x21...0x7E).contains($0) }) {
            return "may hold only visible ASCII characters (no spaces or control characters)"
        }
        if bytes.count < ServerLimits.minimumTokenLength {
            return "is \(bytes.count) characters; it must be at least \(ServerLimits.minimumTokenLength) (omit it to get a generated one)"
        }
        if bytes.count > ServerLimits.maximumTokenLength {
            return "is \(bytes.count) characters; it must be at most \(ServerLimits.maximumTokenLength)"
        }
        return nil
    }

    /// Whether `host` only accepts connections from this machine: an IPv4 literal in
    /// 127.0.0.0/8, the IPv6 literal ::1, or exactly `localhost`. A name such as
    /// `127.evil.name` is not an address and so is not loopback.
    public static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 {
            return UInt32(bigEndian: v4.s_addr) >> 24 == 127
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, host, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { bytes in bytes.dropLast().allSatisfy { $0 == 0 } && bytes.last == 1 }
        }
        return false
    }

    /// A random 40-hex-character token (the length of a NetBox v1 token).
    public static func generateToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<20).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}

/// A `serve` option out of range; the message names the option and what is accepted.
public struct ServerConfigurationError: Error, CustomStringConvertible, Equatable {
    public let description: String
    init(_ description: String) { self.description = description }
}
