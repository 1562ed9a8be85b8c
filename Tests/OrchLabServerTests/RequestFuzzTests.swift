import Foundation
import Testing
import HTTPTypes
@testable import OrchLabServer
import WorkflowEngine
import SeededRandom

/// Seeded, structure-aware requests driven straight into the server's request handling (the
/// responder after the body is read, no sockets): methods, paths built from real endpoint
/// pieces, query strings full of huge, negative and garbage numbers, and random JSON bodies.
/// Every answer must be a valid status with a body in the API's format, and no 5xx may carry
/// anything but a documented, fixed text or the generic internal error.
@Suite struct RequestFuzzTests {
    static let cases = 3_000

    @Test(.timeLimit(.minutes(5))) func generatedRequestsNeverCrashOrLeak() async throws {
        let world = try LiveServer.makeWorld()
        let responder = OrchLabServer.responder(world: world, configuration: ServerConfiguration(token: LiveServer.token))
        var generator = RequestGenerator(seed: 20_261_204)
        var statuses: [Int: Int] = [:]
        for index in 0..<Self.cases {
            let request = generator.next()
            let context = "case \(index): \(request.method.rawValue) \(request.path)?\(request.query ?? "") body \(request.body.count) bytes"
            guard let area = responder.area(forPath: request.path) else { continue }
            let reply = await responder.answer(method: request.method, path: request.path, query: request.query,
                                               headers: request.headers, body: request.body, origin: "http://127.0.0.1:1", area: area)
            statuses[reply.status.code, default: 0] += 1
            check(reply, request, context)
        }
        // The generator reaches every kind of answer the APIs give, not just one error.
        for status in [200, 201, 204, 400, 403, 404, 405] { #expect(statuses[status, default: 0] > 0, "no \(status): \(statuses)") }
        // The server still serves normally afterwards.
        let after = await responder.answer(method: .get, path: "/api/products/", query: nil, headers: [:], body: [],
                                           origin: "http://127.0.0.1:1", area: try #require(responder.area(forPath: "/api/")))
        #expect(after.status == .ok)
    }

    private func check(_ reply: Reply, _ request: RequestGenerator.Request, _ context: String) {
        #expect((100...599).contains(reply.status.code), "\(context)")
        switch reply.contentType {
        case "application/json"?:
            #expect((try? JSON.parse(reply.body)) != nil, "\(context): \(reply.body.prefix(200))")
        case "text/html; charset=utf-8"?:
            #expect(request.path.hasPrefix("/netbox") && reply.status == .notFound, "\(context)")
        case "text/plain; charset=utf-8"?:
            #expect(request.path.hasSuffix("running-config") && reply.status == .ok, "\(context)")
        case nil:
            #expect(reply.status == .noContent, "\(context)")
        default:
            Issue.record("\(context): content type \(reply.contentType ?? "")")
        }
        guard reply.status.code >= 500, reply.status.code != 510 else { return }
        let documented = ["FormOverflowError", "DoesNotExist", "Internal error "].contains { reply.body.contains($0) }
        #expect(documented, "\(context): \(reply.body)")
        for leak in ["sqlite", "SQLite", "SELECT", "INSERT", "/tmp/", ".swift"] {
            #expect(!reply.body.contains(leak), "\(context) leaks \(leak): \(reply.body)")
        }
    }
}

/// Builds hostile but well-aimed requests from the pieces of the real API.
struct RequestGenerator {
    struct Request {
        let method: HTTPRequest.Method
        let path: String
        let query: String?
        let headers: HTTPFields
        let body: [UInt8]
    }

    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    private mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }
    private mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

    static let methods: [HTTPRequest.Method] = [.get, .get, .get, .post, .put, .patch, .delete, .options, .head,
                                                HTTPRequest.Method("TRACE")!, HTTPRequest.Method("PROPFIND")!]
    static let numbers = ["0", "1", "2", "-1", "5", "50", "1000", "1001", "1000000000", "1000000001", "\(Int.max)", "\(Int.min)",
                          "\(Int.max - 1)", "99999999999999999999999", "-99999999999999999999999", "1e9", "0x10", "1.5", "abc",
                          "", " ", "%00", "NaN", "+7", "--1", "٣"]
    static let endpoints = ["dcim/sites", "dcim/manufacturers", "dcim/device-types", "dcim/device-roles", "dcim/devices",
                            "dcim/interfaces", "dcim/cables", "ipam/prefixes", "ipam/ip-addresses"]
    static let queryNames = ["limit", "offset", "id", "id__gte", "id__lte", "device_id", "speed", "status", "brief", "q", "ordering",
                             "name", "device", "mask_length", "prefix_length", "range", "filter", "sort", "from", "to", "user"]
    static let fieldNames = ["id", "name", "slug", "status", "description", "device", "type", "speed", "enabled", "prefix",
                             "address", "prefix_length", "a_terminations", "b_terminations", "assigned_object_id", "product",
                             "select_device_choice", "confirm_config_put_on_routers", "unreachable", "rejects_config"]

    mutating func next() -> Request {
        let method = pick(Self.methods)
        let path = self.path()
        var query: [String] = []
        for _ in 0..<Int.random(in: 0...4, using: &random) {
            let name = pick(Self.queryNames)
            let value = name == "range" ? "\(pick(Self.numbers)),\(pick(Self.numbers))"
                : name == "filter" || name == "sort" ? "\(pick(Self.fieldNames)),\(pick(Self.numbers))" : pick(Self.numbers)
            query.append("\(name)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value)")
        }
        var headers = HTTPFields()
        if chance(90) { headers[.authorization] = "Token \(LiveServer.token)" } else if chance(50) { headers[.authorization] = "Token wrong" }
        return Request(method: method, path: path, query: query.isEmpty ? nil : query.joined(separator: "&"), headers: headers, body: body())
    }

    private mutating func id() -> String { chance(60) ? String(Int.random(in: 1...12, using: &random)) : pick(Self.numbers) }

    private mutating func path() -> String {
        switch Int.random(in: 0..<10, using: &random) {
        case 0..<5:
            let endpoint = pick(Self.endpoints)
            let tail = pick(["", "/\(id())", "/\(id())/available-ips", "/\(id())/available-prefixes", "/\(id())/\(id())"])
            return "/netbox/api/\(endpoint)\(tail)/"
        case 5..<8:
            return "/api/" + pick(["products/", "workflows", "processes/", "processes/create_node", "processes/create_circuit",
                                   "processes/\(id())", "processes/\(id())/resume", "processes/\(id())/abort",
                                   "processes/\(id())/callback/\(id())", "subscriptions/", "subscriptions/\(id())",
                                   "subscriptions/domain-model/\(id())", "subscriptions/workflows/\(id())"])
        case 8:
            let device = pick(["loc1-core", "loc2-core", "nope", "%00", id()])
            return "/lab/" + pick(["devices", "devices/\(device)", "devices/\(device)/running-config", "devices/\(device)/history",
                                   "devices/\(device)/cli", "routing/adjacencies", "routing/path", "routing/reachability",
                                   "faults", "faults/\(id())"])
        default:
            return pick(["/", "/netbox/api/", "/netbox/api/dcim/", "/netbox/api/status/", "/elsewhere", "/netbox/api/dcim/nothing/"])
        }
    }

    private mutating func body() -> [UInt8] {
        switch Int.random(in: 0..<10, using: &random) {
        case 0..<2: return []
        case 2: return (0..<Int.random(in: 1...64, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
        case 3: return Array(pick(["{", "[", "[{", "{\"a\": }", "nul", "[1,]", String(repeating: "[", count: 3_000)]).utf8)
        case 4..<6:
            // A bulk-shaped list of objects carrying ids.
            let items = (0..<Int.random(in: 1...4, using: &random)).map { _ in
                "{\"id\": \(pick(Self.numbers.filter { Int($0) != nil })), \"\(pick(Self.fieldNames))\": \(value(depth: 2))}"
            }
            return Array("[\(items.joined(separator: ", "))]".utf8)
        default: return Array(value(depth: 0).utf8)
        }
    }

    private mutating func value(depth: Int) -> String {
        switch Int.random(in: 0..<(depth > 2 ? 5 : 7), using: &random) {
        case 0: return pick(Self.numbers.filter { Int($0) != nil })
        case 1: return "\"\(pick(Self.numbers + ["active", "planned", "loc1-core", "10.0.0.0/8", "dcim.interface", "ACCEPTED"]))\""
        case 2: return pick(["true", "false", "null", "1e999", "-0.0", "12345678901234567890"])
        case 3: return "\"\(pick(Self.fieldNames))\""
        case 4: return pick(["[]", "{}"])
        case 5:
            return "[" + (0..<Int.random(in: 0...3, using: &random)).map { _ in value(depth: depth + 1) }.joined(separator: ",") + "]"
        default:
            return "{" + (0..<Int.random(in: 0...4, using: &random)).map { _ in
                "\"\(pick(Self.fieldNames))\": \(value(depth: depth + 1))"
            }.joined(separator: ",") + "}"
        }
    }
}
