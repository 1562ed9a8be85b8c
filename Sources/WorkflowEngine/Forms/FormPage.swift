/// One page of a form: a title, fields, and page-level metadata (e.g. `hasNext`).
public struct FormPage: Sendable {
    public let title: String
    public let fields: [FormField]
    public let meta: [String: JSON]

    public init(title: String, meta: [String: JSON] = [:], @FormFieldBuilder fields: () -> [FormField]) {
        self.init(title: title, meta: meta, fields: fields())
    }

    public init(title: String, meta: [String: JSON] = [:], fields: [FormField]) {
        self.title = title
        self.meta = meta
        self.fields = fields
    }

    /// Validates a posted page: unknown fields are rejected, missing fields take their default,
    /// and every problem is reported at once.
    public func validate(_ input: [String: JSON]) throws(FormError) -> FormAnswers {
        var answers: [String: JSON] = [:]
        var errors: [ValidationError] = []
        let known = Set(fields.map(\.name))
        for key in input.keys.sorted() where !known.contains(key) {
            errors.append(ValidationError(loc: [key], msg: "Extra inputs are not permitted", type: "extra_forbidden", input: input[key]))
        }
        for field in fields {
            guard let value = input[field.name] else {
                if let value = field.defaultValue {
                    answers[field.name] = value
                } else if !field.isOptional {
                    errors.append(ValidationError(loc: [field.name], msg: "Field required", type: "missing", input: nil))
                }
                continue
            }
            if let error = field.check(value) {
                errors.append(error)
            } else {
                answers[field.name] = value
            }
        }
        guard errors.isEmpty else { throw FormError.invalid(page: title, errors: errors) }
        return FormAnswers(values: answers, readingContext: "form page '\(title)'")
    }
}

extension FormField {
    /// The first problem with `value`: its type or allowed values, then the field's validators.
    func check(_ value: JSON) -> ValidationError? {
        func error(_ msg: String, _ type: String) -> ValidationError {
            ValidationError(loc: [name], msg: msg, type: type, input: value)
        }
        switch kind {
        case .string:
            if value.stringValue == nil { return error("Input should be a valid string", "string_type") }
        case .int(let minimum, let maximum):
            guard let int = value.intValue else { return error("Input should be a valid integer", "int_type") }
            if let minimum, int < minimum { return error("Input should be greater than or equal to \(minimum)", "greater_than_equal") }
            if let maximum, int > maximum { return error("Input should be less than or equal to \(maximum)", "less_than_equal") }
        case .bool:
            if value.boolValue == nil { return error("Input should be a valid boolean", "bool_type") }
        case .choice(let options):
            guard let string = value.stringValue, options.contains(where: { $0.value == string }) else {
                return error("Input should be \(FormField.enumeration(options.map(\.value)))", "enum")
            }
        case .multiChoice(let options, let minItems, let maxItems):
            guard let items = value.arrayValue else { return error("Input should be a valid list", "list_type") }
            if let bad = items.first(where: { item in !options.contains { $0.value == item.stringValue } }) {
                return ValidationError(loc: [name], msg: "Input should be \(FormField.enumeration(options.map(\.value)))",
                                       type: "enum", input: bad)
            }
            if let minItems, items.count < minItems { return error("List should have at least \(minItems) items", "too_short") }
            if let maxItems, items.count > maxItems { return error("List should have at most \(maxItems) items", "too_long") }
        case .accept:
            if value == "INCOMPLETE" { return error("Not all tasks are done", "value_error") }
            if value != "ACCEPTED" { return error("Input should be 'ACCEPTED' or 'INCOMPLETE'", "enum") }
        case .readOnlyText(let text):
            if value != .string(text) { return error("Input should be '\(text.prefix(40))'", "literal_error") }
        }
        for validator in validators {
            do {
                try validator(value)
            } catch let failure as FieldError {
                return error(failure.message, "value_error")
            } catch {
                return ValidationError(loc: [name], msg: "\(error)", type: "value_error", input: value)
            }
        }
        return nil
    }

    static func enumeration(_ values: [String]) -> String {
        let quoted = values.map { "'\($0)'" }
        guard quoted.count > 1 else { return quoted.first ?? "nothing" }
        return quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
    }
}
