/// A form: a function that asks for pages one at a time and returns what to merge into the state.
/// It is replayed from the start with the list of page inputs posted so far (stateless, like
/// pydantic-forms generators), so it must be deterministic and free of side effects; pages may
/// depend on earlier answers and on live data captured by the closure.
///
///     Form { form in
///         let a = try form.page("Router A") { FormField.choice("router_a", options: routers) }
///         let b = try form.page("Router B") { FormField.choice("router_b", options: routers.filter { $0.value != a["router_a"]?.stringValue }) }
///         return a.values.merging(b.values) { $1 }
///     }
public struct Form: Sendable {
    let body: @Sendable (FormContext) throws -> [String: JSON]

    public init(_ body: @escaping @Sendable (FormContext) throws -> [String: JSON]) {
        self.body = body
    }

    /// Replays the form over `inputs`: the merged answers, or `FormError.notComplete` with the
    /// next page's schema, `.invalid` with each field's error, `.overflow` for extra pages.
    public func run(state: State, inputs: [JSON]) throws -> [String: JSON] {
        let context = FormContext(state: state, inputs: inputs)
        let result = try body(context)
        if context.consumed < inputs.count {
            throw FormError.overflow(extraPages: inputs.count - context.consumed)
        }
        return result
    }

    /// Pages in sequence; each page's answers merge into the result.
    public static func pages(_ pages: FormPage...) -> Form {
        Form { form in
            var result: [String: JSON] = [:]
            for page in pages { result.merge(try form.page(page).values) { $1 } }
            return result
        }
    }

    /// `first`'s pages, then `second`'s, with `first`'s answers visible to `second` in its state.
    func followed(by second: Form?) -> Form {
        guard let second else { return self }
        let first = self
        return Form { form in
            let head = try first.body(form)
            form.state = form.state.merging(head)
            return head.merging(try second.body(form)) { $1 }
        }
    }
}

/// Hands out pages while a form is replayed.
public final class FormContext {
    /// The process state (on start: the engine keys plus earlier standard pages).
    public internal(set) var state: State
    private let inputs: [JSON]
    private(set) var consumed = 0

    init(state: State, inputs: [JSON]) {
        self.state = state
        self.inputs = inputs
    }

    /// Shows a page: returns its validated answers when the client posted them, otherwise
    /// throws `FormError.notComplete` with the page's JSON Schema.
    public func page(_ title: String, meta: [String: JSON] = [:],
                     @FormFieldBuilder _ fields: () -> [FormField]) throws -> FormAnswers {
        try page(FormPage(title: title, meta: meta, fields: fields()))
    }

    public func page(_ page: FormPage) throws -> FormAnswers {
        guard consumed < inputs.count else {
            throw FormError.notComplete(NextPage(form: page.jsonSchema(), meta: .object(page.meta)))
        }
        let index = consumed
        consumed += 1
        guard case .object(let input) = inputs[index] else {
            throw FormError.malformedPage(index: index, found: inputs[index].typeName)
        }
        return try page.validate(input)
    }
}

/// The validated answers of one page (defaults filled in).
public struct FormAnswers: JSONObjectReading, Sendable, Hashable {
    public let values: [String: JSON]
    public let readingContext: String
}
