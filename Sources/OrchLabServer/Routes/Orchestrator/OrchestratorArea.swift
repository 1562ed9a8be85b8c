import Hummingbird
import WorkflowEngine

/// `/api`: orchestrator-core's REST paths and shapes over the engine. Starts and resumes
/// return once the process stops running, like the reference in testing mode.
struct OrchestratorArea: APIArea {
    let prefix = "api"
    let tokenForReads = false
    private(set) var routes = RouteTable()

    init(engine: Engine) {
        let details = ProcessDetailCache(engine: engine)
        routes.on(.get, "products") { call in
            let list = try ListParameters(call)
            let created = try engine.productCreationTimes()
            let workflows = Dictionary(engine.workflows().map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            let products = engine.products().map { OrchestratorArea.product($0, created: created, workflows: workflows) }
            let (rows, _) = list.apply(products)
            return .json(.array(rows))
        }
        routes.on(.get, "products/:id") { call in
            let product = try engine.product(call.parameter("id"))
            let workflows = Dictionary(engine.workflows().map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            return .json(OrchestratorArea.product(product, created: try engine.productCreationTimes(), workflows: workflows))
        }
        routes.on(.get, "workflows") { _ in
            .json(.array(engine.workflows().map { ["name": .string($0.name), "description": .string($0.description),
                                                   "target": .string($0.target.rawValue), "is_task": .bool($0.isTask),
                                                   "steps": .array($0.steps.map(JSON.string))] }))
        }
        routes.on(.post, "processes/:workflow") { call in
            let pages = try OrchestratorErrors.pages(call)
            let user = call.queryValue("user") ?? "api"
            let outcome = try await offload { try engine.start(call.parameter("workflow"), inputs: pages, user: user) }
            return .json(["id": .string(outcome.processID)], status: .created)
        }
        routes.on(.get, "processes") { call in
            let list = try ListParameters(call)
            let all = try await offload { try engine.processList() }.map(ReferenceShapes.processListRow)
            let (rows, total) = list.apply(all) { key, value, row in
                guard key == "subscription_id" || key == "subscriptions" else { return nil }
                return row["subscriptions"]?.arrayValue?.contains { $0["subscription_id"]?.stringValue == value } ?? false
            }
            return EntityTag.conditional(
                Reply.json(.array(rows)).adding("Content-Range", list.contentRange("processes", shown: rows.count, total: total)), call)
        }
        routes.on(.get, "processes/:pid") { call in try await details.reply(call.parameter("pid")) }
        // 1.3.6 deletes a process in any status (processes.py `delete`): 204, or 404 with
        // `raise_status`'s body.
        routes.on(.delete, "processes/:pid") { call in
            let processID = call.parameter("pid")
            do {
                try await offload { try engine.deleteProcess(processID) }
            } catch EngineError.unknownProcess {
                return ReferenceShapes.problem(nil, status: .notFound)
            }
            details.forget([processID])
            return .noContent
        }
        routes.on(.get, "processes/process-subscriptions-by-subscription-id/:id") { call in
            .json(.array(try await offload { try engine.processLinks(ofSubscription: call.parameter("id")) }))
        }
        routes.on(.put, "processes/:pid/resume") { call in
            let pages = try OrchestratorErrors.pages(call)
            let user = call.queryValue("user") ?? "api"
            _ = try await offload { try engine.resume(call.parameter("pid"), inputs: pages, user: user) }
            return .noContent
        }
        routes.on(.put, "processes/:pid/abort") { call in
            _ = try await offload { try engine.abort(call.parameter("pid"), user: call.queryValue("user") ?? "api") }
            return .noContent
        }
        routes.on(.post, "processes/:pid/callback/:token") { call in
            let body = call.body.isEmpty ? JSON.object([:]) : try OrchestratorErrors.json(call)
            guard body.objectValue != nil else {
                throw ReplyError(OrchestratorErrors.bodyShape(type: "dict_type", loc: ["body"], msg: "Input should be a valid dictionary"))
            }
            let outcome = try await offload {
                try engine.postCallback(processID: call.parameter("pid"), token: call.parameter("token"), result: body)
            }
            return .json(["process_id": .string(outcome.processID), "last_status": .string(outcome.status.rawValue)])
        }
        routes.on(.get, "subscriptions") { call in
            let list = try ListParameters(call)
            // SubscriptionWithMetadata: the engine keeps no subscription metadata.
            let all = try await offload { try engine.subscriptionList() }.map { $0.merging(["metadata": .null]) }
            let (rows, total) = list.apply(all) { key, value, row in
                guard key == "product" else { return nil }
                let product = row["product"]
                return [product?["name"], product?["tag"], product?["product_type"], product?["product_id"]]
                    .contains { $0?.stringValue?.lowercased() == value.lowercased() }
            }
            return Reply.json(.array(rows)).adding("Content-Range", list.contentRange("subscriptions", shown: rows.count, total: total))
        }
        // Registered before `subscriptions/:id`, which would take `all` for an id.
        routes.on(.get, "subscriptions/all") { _ in
            .json(.array(try await offload { try engine.subscriptionList() }))
        }
        // 1.3.6 (subscriptions.py `delete_subscription`) deletes the linked processes and then
        // the subscription, and answers 200 with `null`; 404 when it does not exist.
        routes.on(.delete, "subscriptions/:id") { call in
            let deleted: [String]
            do {
                deleted = try await offload { try engine.deleteSubscription(call.parameter("id")) }
            } catch EngineError.unknownSubscription {
                return ReferenceShapes.problem(nil, status: .notFound)
            }
            details.forget(deleted)
            return .json(.null)
        }
        routes.on(.get, "subscriptions/:id") { call in
            guard let row = try engine.subscriptionList(ids: [call.parameter("id")]).first else {
                throw EngineError.unknownSubscription(call.parameter("id"))
            }
            return .json(row)
        }
        routes.on(.get, "subscriptions/domain-model/:id") { call in
            let model = try await offload {
                ReferenceShapes.domainModel(try engine.subscription(call.parameter("id")), productCreated: try engine.productCreationTimes())
            }
            return EntityTag.conditional(.json(model), call)
        }
        routes.on(.get, "subscriptions/workflows/:id") { call in
            let options = try await offload { try engine.subscriptionWorkflows(call.parameter("id")) }
            return .json(OrchestratorArea.workflows(options))
        }
    }

    static func product(_ info: ProductInfo, created: [String: String], workflows: [String: WorkflowInfo]) -> JSON {
        let snapshot = info.snapshot
        return [
            "product_id": .string(snapshot.productID), "name": .string(snapshot.name), "description": .string(snapshot.description),
            "product_type": .string(snapshot.productType), "status": .string(snapshot.status.rawValue), "tag": .string(snapshot.tag),
            "created_at": created[snapshot.productID].map(JSON.string) ?? .null, "end_date": .null, "product_blocks": [],
            "fixed_inputs": .array(info.fixedInputs.sorted { $0.key < $1.key }.map {
                ["name": .string($0.key), "value": .string($0.value), "product_id": .string(snapshot.productID)]
            }),
            "workflows": .array(info.workflows.sorted().map { name in
                ["name": .string(name), "target": .string(workflows[name]?.target.rawValue ?? ""),
                 "description": .string(workflows[name]?.description ?? "")]
            }),
        ]
    }

    /// `{create: […], modify: […], …}`; a blocked workflow carries its reason code, and the
    /// top-level `reason` is the first one when nothing but create may start.
    static func workflows(_ options: SubscriptionWorkflows) -> JSON {
        var object: [String: JSON] = [:]
        for target in Target.allCases {
            object[target.rawValue.lowercased()] = .array(options.options(target).map { option in
                var entry: [String: JSON] = ["name": .string(option.name), "description": .string(option.description)]
                if let reason = option.reason {
                    entry["reason"] = .string(reason.rawValue)
                    entry["reason_text"] = .string(reason.text)
                }
                return .object(entry)
            })
        }
        if options.startable.isEmpty,
           let reason = options.byTarget.filter({ $0.key != .create }).values.flatMap({ $0 }).compactMap(\.reason).first {
            object["reason"] = .string(reason.rawValue)
        }
        return .object(object)
    }

    func notFound(_ call: HTTPCall) -> Reply { .detail("Not Found", status: .notFound) }

    func methodNotAllowed(_ call: HTTPCall, allowed: [HTTPRequest.Method]) -> Reply {
        .detail("Method Not Allowed", status: .methodNotAllowed)
    }

    func reply(for error: any Error, _ call: HTTPCall) -> Reply? { OrchestratorErrors.reply(for: error) }
}
