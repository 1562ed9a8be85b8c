/// The page a client must fill in next (the reference's 510 "Form not complete").
public struct NextPage: Sendable, Equatable, Codable {
    /// The page's JSON Schema.
    public let form: JSON
    public let meta: JSON
}

/// One field's problem (the reference's pydantic `validation_errors` entries).
public struct ValidationError: Sendable, Equatable, Codable, CustomStringConvertible {
    /// Field name (or "__root__").
    public let loc: [String]
    public let msg: String
    public let type: String
    public let input: JSON?

    public init(loc: [String], msg: String, type: String, input: JSON?) {
        self.loc = loc
        self.msg = msg
        self.type = type
        self.input = input
    }

    public var description: String { "\(loc.joined(separator: ".")): \(msg)" }
}

public enum FormError: Error, Sendable, Equatable, CustomStringConvertible {
    /// More pages are needed; `page.form` is the next page's schema.
    case notComplete(NextPage)
    /// The posted page failed validation; nothing was stored.
    case invalid(page: String, errors: [ValidationError])
    /// More pages were posted than the form has.
    case overflow(extraPages: Int)
    /// A posted page was not a JSON object.
    case malformedPage(index: Int, found: String)

    public var description: String {
        switch self {
        case .notComplete(let next):
            "Form not complete: next page '\(next.form["title"]?.stringValue ?? "?")'"
        case .invalid(let page, let errors):
            "Form not valid: \(errors.count) validation error\(errors.count == 1 ? "" : "s") for \(page): "
                + errors.map(\.description).joined(separator: "; ")
        case .overflow(let extra): "Form overflow: \(extra) more page\(extra == 1 ? "" : "s") posted than the form has"
        case .malformedPage(let index, let found): "Form page \(index) must be a JSON object, not \(found)"
        }
    }

    /// Validation errors, or [] for other cases.
    public var validationErrors: [ValidationError] {
        if case .invalid(_, let errors) = self { return errors }
        return []
    }
}

/// Thrown by a field validator; its message becomes the field's `msg`.
public struct FieldError: Error, Sendable, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
}
