/// One value of a choice field: what is posted, and what a person sees.
public struct Choice: Sendable, Hashable, ExpressibleByStringLiteral {
    public let value: String
    public let label: String

    public init(_ value: String, label: String? = nil) {
        self.value = value
        self.label = label ?? value
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }
}

/// A form field. Build with the static factories, then refine:
/// `.string("node_name").validated { … }.meta(["device": "loc1-core"])`.
public struct FormField: Sendable {
    public typealias Validator = @Sendable (JSON) throws -> Void

    enum Kind: Sendable {
        case string(long: Bool)
        case int(minimum: Int?, maximum: Int?)
        case bool
        case choice([Choice])
        case multiChoice([Choice], minItems: Int?, maxItems: Int?)
        case accept
        /// Read-only long text: may be omitted, must equal the value if posted.
        case readOnlyText(String)
    }

    public let name: String
    public let title: String
    let kind: Kind
    public let defaultValue: JSON?
    /// Structured data next to the field (e.g. which device a config text is for), emitted
    /// under `meta` in the field's JSON Schema.
    public private(set) var meta: [String: JSON] = [:]
    /// An optional field without a default may be left out; it is then absent from the answers.
    public private(set) var isOptional = false
    private(set) var validators: [Validator] = []

    init(name: String, title: String?, kind: Kind, defaultValue: JSON?) {
        self.name = name
        self.title = title ?? FormField.titleCase(name)
        self.kind = kind
        self.defaultValue = defaultValue
    }

    public static func string(_ name: String, title: String? = nil, default value: String? = nil, long: Bool = false) -> FormField {
        FormField(name: name, title: title, kind: .string(long: long), defaultValue: value.map(JSON.string))
    }

    public static func int(_ name: String, title: String? = nil, default value: Int? = nil,
                           minimum: Int? = nil, maximum: Int? = nil) -> FormField {
        FormField(name: name, title: title, kind: .int(minimum: minimum, maximum: maximum), defaultValue: value.map(JSON.int))
    }

    public static func bool(_ name: String, title: String? = nil, default value: Bool? = nil) -> FormField {
        FormField(name: name, title: title, kind: .bool, defaultValue: value.map(JSON.bool))
    }

    public static func choice(_ name: String, title: String? = nil, options: [Choice], default value: String? = nil) -> FormField {
        FormField(name: name, title: title, kind: .choice(options), defaultValue: value.map(JSON.string))
    }

    public static func multiChoice(_ name: String, title: String? = nil, options: [Choice], minItems: Int? = nil,
                                   maxItems: Int? = nil, default value: [String]? = nil) -> FormField {
        FormField(name: name, title: title, kind: .multiChoice(options, minItems: minItems, maxItems: maxItems),
                  defaultValue: value.map { .array($0.map(JSON.string)) })
    }

    /// A checkbox-like confirmation: `ACCEPTED` passes, `INCOMPLETE` fails with "Not all tasks are done".
    public static func accept(_ name: String, title: String? = nil) -> FormField {
        FormField(name: name, title: title, kind: .accept, defaultValue: nil)
    }

    /// Read-only long text shown to the person filling in the form (e.g. a router config).
    public static func readOnlyText(_ name: String, title: String? = nil, value: String) -> FormField {
        FormField(name: name, title: title, kind: .readOnlyText(value), defaultValue: .string(value))
    }

    /// Adds a validator; throw `FieldError("message")` to reject the value.
    public func validated(_ check: @escaping Validator) -> FormField {
        var copy = self
        copy.validators.append(check)
        return copy
    }

    public func optional() -> FormField {
        var copy = self
        copy.isOptional = true
        return copy
    }

    public func meta(_ values: [String: JSON]) -> FormField {
        var copy = self
        copy.meta.merge(values) { $1 }
        return copy
    }

    static func titleCase(_ name: String) -> String {
        name.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}

@resultBuilder
public enum FormFieldBuilder {
    public static func buildExpression(_ field: FormField) -> [FormField] { [field] }
    public static func buildExpression(_ fields: [FormField]) -> [FormField] { fields }
    public static func buildBlock(_ parts: [FormField]...) -> [FormField] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [FormField]?) -> [FormField] { part ?? [] }
    public static func buildEither(first part: [FormField]) -> [FormField] { part }
    public static func buildEither(second part: [FormField]) -> [FormField] { part }
    public static func buildArray(_ parts: [[FormField]]) -> [FormField] { parts.flatMap { $0 } }
}
