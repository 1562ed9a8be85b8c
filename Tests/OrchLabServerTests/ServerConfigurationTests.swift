import Testing
import OrchLabServer

@Suite struct ServerConfigurationTests {
    private func check(host: String = "127.0.0.1", port: Int = 8080, token: String? = "0123456789abcdef",
                       environment: [String: String] = [:], bodyLimit: Int = ServerLimits.defaultBodyLimit,
                       idle: Double = ServerLimits.defaultIdleTimeout, allowRemote: Bool = false, noAuth: Bool = false) -> String? {
        do {
            _ = try ServerConfiguration.checked(host: host, port: port, token: token, environment: environment,
                                                bodyLimit: bodyLimit, idleTimeoutSeconds: idle, allowRemote: allowRemote,
                                                noAuth: noAuth)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func numericOptionsAreRangeChecked() {
        #expect(check() == nil)
        #expect(check(port: 0) == nil)
        #expect(check(port: 65_535) == nil)
        #expect(check(port: 65_536)?.contains("--port must be 0...65535") == true)
        #expect(check(port: -1)?.contains("--port") == true)
        #expect(check(port: .max)?.contains("--port") == true)
        #expect(check(bodyLimit: 1_024) == nil)
        #expect(check(bodyLimit: 64 << 20) == nil)
        #expect(check(bodyLimit: -1)?.contains("--body-limit must be 1024...67108864 bytes, not -1") == true)
        #expect(check(bodyLimit: 1_023)?.contains("--body-limit") == true)
        #expect(check(bodyLimit: (64 << 20) + 1)?.contains("--body-limit") == true)
        #expect(check(idle: 0.05) == nil)
        #expect(check(idle: 3_600) == nil)
        #expect(check(idle: 0)?.contains("--idle-timeout") == true)
        #expect(check(idle: 3_601)?.contains("--idle-timeout") == true)
        #expect(check(idle: .nan)?.contains("--idle-timeout") == true)
        #expect(check(idle: .infinity)?.contains("--idle-timeout") == true)
    }

    @Test func weakTokensAreRefusedNamingWhereTheyCameFrom() {
        #expect(check(token: String(repeating: "x", count: 16)) == nil)
        #expect(check(token: String(repeating: "x", count: 15))?.contains("from --token) is 15 characters; it must be at least 16") == true)
        #expect(check(token: nil, environment: ["ORCHLAB_TOKEN": "a"])?.contains("from ORCHLAB_TOKEN") == true)
        #expect(check(token: String(repeating: " ", count: 20))?.contains("visible ASCII") == true)
        #expect(check(token: "0123456789 abcdef")?.contains("visible ASCII") == true)
        #expect(check(token: "0123456789abcdeé")?.contains("visible ASCII") == true)
        #expect(check(token: String(repeating: "x", count: 256)) == nil)
        #expect(check(token: String(repeating: "x", count: 257))?.contains("at most 256") == true)
        // No token anywhere (or an empty variable): a strong one is generated.
        let generated = try? ServerConfiguration.checked(host: "127.0.0.1", port: 0, token: nil, environment: ["ORCHLAB_TOKEN": ""],
                                                         bodyLimit: 1_024, idleTimeoutSeconds: 1, allowRemote: false)
        #expect(generated?.tokenSource == .generated)
        #expect(generated?.token?.count == 40)
    }

    @Test func onlyLoopbackLiteralsAndLocalhostCountAsLoopback() {
        for host in ["127.0.0.1", "127.1.2.3", "127.255.255.255", "::1", "0:0:0:0:0:0:0:1", "localhost"] {
            #expect(ServerConfiguration.isLoopback(host), "\(host)")
        }
        for host in ["127.evil.name", "127.0.0.1.nip.io", "128.0.0.1", "0.0.0.0", "::", "::2", "::ffff:10.0.0.1",
                     "localhost.example", "LOCALHOST.", "127.1", "10.0.0.1", "", "[::1]"] {
            #expect(!ServerConfiguration.isLoopback(host), "\(host)")
        }
        #expect(check(host: "127.evil.name")?.contains("is not a loopback address") == true)
        #expect(check(host: "0.0.0.0", allowRemote: true) == nil)
    }

    @Test func noAuthIsForLoopbackOnlyAndExcludesATokenOption() throws {
        let open = try ServerConfiguration.checked(host: "::1", port: 0, token: nil, environment: ["ORCHLAB_TOKEN": "0123456789abcdef"],
                                                   bodyLimit: 1_024, idleTimeoutSeconds: 1, allowRemote: false, noAuth: true)
        #expect(open.token == nil && open.tokenSource == .disabled)
        #expect(check(host: "localhost", token: nil, noAuth: true) == nil)
        let remote = "--no-auth is only allowed on a loopback host (127.0.0.0/8, ::1 or localhost), not --host 0.0.0.0"
        #expect(check(host: "0.0.0.0", token: nil, noAuth: true)?.contains(remote) == true)
        #expect(check(host: "0.0.0.0", token: nil, allowRemote: true, noAuth: true)?.contains("--no-auth is only allowed") == true)
        #expect(check(token: "0123456789abcdef", noAuth: true)?.contains("--no-auth and --token exclude each other") == true)
        // A configuration built without the checks is refused the same way when validated.
        #expect(throws: ServerConfigurationError.self) {
            try ServerConfiguration(host: "10.0.0.1", port: 0, token: nil).validate(allowRemote: true)
        }
        #expect(check(host: "0.0.0.0", token: nil, allowRemote: true) == nil)
    }
}
