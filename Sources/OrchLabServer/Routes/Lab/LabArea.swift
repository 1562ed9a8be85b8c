import Hummingbird
import RouterSim
import WorkflowEngine

/// `/lab`: the routers as an engineer sees them (configs, CLI sessions, history), the network
/// the configs build (adjacencies, paths, reachability), and fault injection.
struct LabArea: APIArea {
    let prefix = "lab"
    let tokenForReads = false
    private(set) var routes = RouteTable()

    init(control: LabControl) {
        let fleet = control.fleet
        routes.on(.get, "devices") { _ in
            .json(.array(try fleet.deviceNames.map { try LabArea.summary(fleet, $0) }))
        }
        routes.on(.get, "devices/:name") { call in
            let name = call.parameter("name")
            var detail = try LabArea.summary(fleet, name)
            let spec = fleet.spec.routers.first { $0.name == name }
            detail = detail.merging([
                "ports": .array((spec?.ports ?? []).map(JSON.string)),
                "startup_saved": .bool(try fleet.runningConfig(name) == fleet.startupConfig(name)),
                "adjacencies": .array(fleet.adjacencies().filter { $0.a.device == name || $0.b.device == name }.map(\.json)),
                "routes": .int(try fleet.routes(on: name).count),
            ])
            return .json(detail)
        }
        routes.on(.get, "devices/:name/running-config") { call in
            .text(try fleet.runningConfig(call.parameter("name")).render())
        }
        routes.on(.get, "devices/:name/history") { call in
            let name = call.parameter("name")
            _ = try fleet.faults(name)
            return .json(.array(fleet.history(device: name).map(\.json)))
        }
        routes.on(.post, "devices/:name/cli") { call in
            guard call.bodyIsValidUTF8 else { throw LabRequestError("the session must be UTF-8 text") }
            let actor = call.queryValue("actor") ?? "lab-api"
            let text = call.bodyText
            let result = try await offload { try control.paste(text, to: call.parameter("name"), actor: actor) }
            return .json(result.json)
        }
        routes.on(.get, "routing/adjacencies") { _ in .json(.array(fleet.adjacencies().map(\.json))) }
        routes.on(.get, "routing/path") { call in
            guard let from = call.queryValue("from"), let to = call.queryValue("to") else {
                throw LabRequestError("give both query parameters 'from' and 'to' (device names)")
            }
            let paths = try fleet.path(from: from, to: to)
            return .json(["from": .string(from), "to": .string(to), "reachable": .bool(!paths.isEmpty),
                          "paths": .array(paths.map(\.json))])
        }
        routes.on(.get, "routing/reachability") { _ in .json(fleet.reachability().json) }
        routes.on(.get, "faults") { _ in .json(.array(try control.faults().map(\.json))) }
        routes.on(.post, "faults") { call in
            let body: JSON
            do { body = try JSON.parse(call.bodyText) } catch { throw LabRequestError("\(error)") }
            let kind = try LabFault.Kind(json: body)
            let fault = try await offload { try control.add(kind, actor: call.queryValue("actor") ?? "lab-api") }
            return .json(fault.json, status: .created)
        }
        routes.on(.delete, "faults/:id") { call in
            guard let id = Int(call.parameter("id")) else { throw LabRequestError("fault id must be an integer") }
            guard try await offload({ try control.remove(id: id, actor: call.queryValue("actor") ?? "lab-api") }) else {
                return .detail("No fault \(id)", status: .notFound)
            }
            return .noContent
        }
    }

    private static func summary(_ fleet: Fleet, _ name: String) throws -> JSON {
        let faults = try fleet.faults(name)
        return ["name": .string(name), "reachable": .bool(!faults.unreachable), "faults": faults.json,
                "running_config_lines": .int(try fleet.runningConfig(name).render().split(separator: "\n").count)]
    }

    func notFound(_ call: HTTPCall) -> Reply { .detail("Not Found", status: .notFound) }

    func methodNotAllowed(_ call: HTTPCall, allowed: [HTTPRequest.Method]) -> Reply {
        .detail("Method Not Allowed", status: .methodNotAllowed)
    }

    func reply(for error: any Error, _ call: HTTPCall) -> Reply? {
        switch error {
        case let error as LabRequestError: return .detail(error.description, status: .badRequest)
        case let error as LabJournalFull: return .detail(error.description, status: .init(code: 507, reasonPhrase: "Insufficient Storage"))
        case let error as RouterError:
            switch error {
            case .unknownDevice, .noLink, .unknownLink, .unknownInterface: return .detail(error.description, status: .notFound)
            case .unreachable, .configRejected: return .detail(error.description, status: .conflict).adding("X-Lab-Error", "refused")
            case .invalidCommand, .invalidFaultPattern: return .detail(error.description, status: .badRequest)
            case .pasteTooLarge, .pasteTooManyLines: return .detail(error.description, status: .contentTooLarge)
            }
        default: return nil
        }
    }
}
