import Hummingbird
import WorkflowEngine

/// orchestrator-core's error answers: forms per pydantic-forms' handlers (510 next page, 400
/// validation errors), FastAPI's 422 for bodies of the wrong shape, `{"detail"}` otherwise.
enum OrchestratorErrors {
    static func reply(for error: any Error) -> Reply? {
        switch error {
        case let error as FormError: form(error)
        case let error as EngineError: engine(error)
        case let error as ListParameterError: .detail(error.description, status: .badRequest)
        default: nil
        }
    }

    static func form(_ error: FormError) -> Reply {
        switch error {
        case .notComplete(let next):
            return .json(["type": "FormNotCompleteError", "title": "Form not complete", "status": 510,
                          "detail": .string(next.form["title"]?.stringValue ?? ""), "form": next.form],
                         status: .init(code: 510, reasonPhrase: "Not Extended"))
        case .invalid(let page, let errors):
            let lines = errors.map { "\($0.loc.joined(separator: "."))\n  \($0.msg) [type=\($0.type)]" }
            return .json(["type": "FormValidationError", "title": "Form not valid", "status": 400,
                          "detail": .string("\(errors.count) validation error\(errors.count == 1 ? "" : "s") for \(page)\n"
                                            + lines.joined(separator: "\n")),
                          "validation_errors": .array(errors.map { error in
                              ["type": .string(error.type), "loc": .array(error.loc.map(JSON.string)),
                               "msg": .string(error.msg), "input": error.input ?? .null]
                          })],
                         status: .badRequest)
        case .overflow:
            return .json(["type": "FormOverflowError", "title": "Form overflow", "status": 500, "detail": .string(error.description)],
                         status: .internalServerError)
        case .malformedPage(let index, let found):
            return bodyShape(type: "dict_type", loc: ["body", .int(index)], msg: "Input should be a valid dictionary (got \(found))")
        }
    }

    static func engine(_ error: EngineError) -> Reply {
        let status: HTTPResponse.Status = switch error {
        case .unknownWorkflow, .unknownProduct, .unknownProcess, .unknownSubscription, .invalidCallbackToken: .notFound
        case .notResumable, .cannotAbort, .alreadyRunning, .cannotStart, .notAwaitingCallback, .subscriptionInUse: .conflict
        case .malformedInput: .unprocessableContent
        case .stepListMismatch: .internalServerError
        case .storage: .serviceUnavailable
        }
        // 1.3.6's wording where a client might match it; the engine's own messages otherwise.
        let detail = switch error {
        case .unknownProcess(let id): "Process with process_id \(id) not found"
        case .unknownSubscription(let id): "Subscription with id: \(id), not found"
        default: error.description
        }
        return ReferenceShapes.problem(detail, status: status)
    }

    /// FastAPI's request-validation answer for a body of the wrong shape.
    static func bodyShape(type: String, loc: [JSON], msg: String, context: JSON? = nil) -> Reply {
        var item: [String: JSON] = ["type": .string(type), "loc": .array(loc), "msg": .string(msg), "input": .null]
        if let context { item["ctx"] = context }
        return .json(["detail": [.object(item)]], status: .unprocessableContent)
    }

    /// The body as a JSON value; malformed JSON is FastAPI's `json_invalid`.
    static func json(_ call: HTTPCall) throws(ReplyError) -> JSON {
        do {
            return try JSON.parse(call.bodyText)
        } catch {
            throw ReplyError(bodyShape(type: "json_invalid", loc: ["body", 0], msg: "JSON decode error",
                                       context: ["error": .string(error.message)]))
        }
    }

    /// The body as a list of form pages (each checked to be an object by the engine).
    static func pages(_ call: HTTPCall) throws(ReplyError) -> [JSON] {
        let body = call.body.isEmpty ? JSON.array([]) : try json(call)
        guard case .array(let pages) = body else {
            throw ReplyError(bodyShape(type: "list_type", loc: ["body"], msg: "Input should be a valid list (got \(body.typeName))"))
        }
        return pages
    }
}
