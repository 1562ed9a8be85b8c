import Foundation
import OrchLabTestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import OrchLabServer
import Topology
import WorkflowEngine
import Workshop
import WorkshopReference

/// An answer as the tests read it.
struct Answer {
    let status: Int
    let text: String
    let headers: [String: String]

    var json: JSON { (try? JSON.parse(text)) ?? .null }
    func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name.lowercased() }?.value }
}

/// A server started live on 127.0.0.1, port 0, over a fresh in-memory world (or the given
/// database file), with a seeded id generator and a stepping clock.
struct LiveServer {
    static let token = "test-token-0123456789"
    static let topology: CompiledTopology = {
        try! TopologyLoader.load(contentsOf: TestRepository.path("Topologies/workshop.yaml"))
    }()

    let port: Int
    let world: OrchLabWorld

    static func makeWorld(path: String = ":memory:", seed: UInt64 = 7) throws -> OrchLabWorld {
        try OrchLabWorld(topology: topology, databasePath: path, catalogue: WorkshopReference.catalogue(),
                         clock: SteppingClock(), ids: IDGenerator(seed: seed))
    }

    /// Runs `body` against a live server, then stops it.
    @discardableResult
    /// `token: nil` serves in the no-auth mode.
    static func with<T: Sendable>(_ world: OrchLabWorld? = nil, bodyLimit: Int = 1 << 20, idleTimeout: Duration = .seconds(60),
                                  token: String? = token, maxConnections: Int = ServerLimits.defaultMaxConnections,
                                  requestTimeout: Duration = .seconds(60), _ body: (LiveServer) async throws -> T) async throws -> T {
        let world = try world ?? makeWorld()
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let configuration = {
            var configuration = ServerConfiguration(host: "127.0.0.1", port: 0, token: token, bodyLimit: bodyLimit, idleTimeout: idleTimeout)
            configuration.maxConnections = maxConnections
            configuration.requestTimeout = requestTimeout
            return configuration
        }()
        let shutdown = ShutdownSwitch()
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await OrchLabServer.serve(world: world, configuration: configuration, handleSignals: false, shutdown: shutdown) { port in
                    continuation.yield(port)
                }
            }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            // Stopped the way SIGTERM stops it, so every test also shuts a server down gracefully.
            do {
                let result = try await body(LiveServer(port: port, world: world))
                await shutdown.trigger()
                try await group.waitForAll()
                return result
            } catch {
                await shutdown.trigger()
                throw error
            }
        }
    }

    enum Auth {
        case token, bearer, none
        case raw(String)
    }

    func call(_ method: String, _ path: String, body: String? = nil, auth: Auth = .token,
              contentType: String = "application/json", headers: [String: String] = [:]) async throws -> Answer {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        request.cachePolicy = .reloadIgnoringLocalCacheData
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        switch auth {
        case .token: request.setValue("Token \(Self.token)", forHTTPHeaderField: "Authorization")
        case .bearer: request.setValue("Bearer \(Self.token)", forHTTPHeaderField: "Authorization")
        case .raw(let value): request.setValue(value, forHTTPHeaderField: "Authorization")
        case .none: break
        }
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields { headers["\(key)"] = "\(value)" }
        return Answer(status: http.statusCode, text: String(decoding: data, as: UTF8.self), headers: headers)
    }

    func get(_ path: String, auth: Auth = .token) async throws -> Answer { try await call("GET", path, auth: auth) }

    var nodeProductID: String { world.catalogue.product(named: "Node")?.snapshot.productID ?? "" }

    /// Starts create_node for `device`; the process id (it suspends at the config page).
    func startNode(_ device: String) async throws -> String {
        let answer = try await call("POST", "/api/processes/create_node",
                                    body: "[{\"product\": \"\(nodeProductID)\"}, {\"select_device_choice\": \"\(device)\"}]")
        #expect(answer.status == 201, "\(answer.text)")
        return try #require(answer.json["id"]?.stringValue)
    }

    /// Plays the engineer: pastes every config the suspended process shows into its device, then resumes.
    func confirm(_ processID: String) async throws -> Answer {
        let process = try await get("/api/processes/\(processID)").json
        for (_, property) in process["form"]?["properties"]?.objectValue ?? [:] {
            guard let device = property["meta"]?["device"]?.stringValue, let text = property["default"]?.stringValue else { continue }
            let pasted = try await call("POST", "/lab/devices/\(device)/cli", body: text, contentType: "text/plain")
            #expect(pasted.json["clean"] == .bool(true), "\(pasted.text)")
        }
        return try await call("PUT", "/api/processes/\(processID)/resume",
                              body: "[{\"confirm_config_put_on_routers\": \"ACCEPTED\"}]")
    }

    /// create_node run to completion over HTTP; the subscription id.
    func enrol(_ device: String) async throws -> String {
        let processID = try await startNode(device)
        let resumed = try await confirm(processID)
        #expect(resumed.status == 204, "\(resumed.text)")
        let process = try await get("/api/processes/\(processID)").json
        #expect(process["last_status"] == "completed")
        return try #require(process["subscriptions"]?[0]?["subscription_id"]?.stringValue)
    }
}

extension JSON {
    subscript(index: Int) -> JSON? {
        guard case .array(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }
}
