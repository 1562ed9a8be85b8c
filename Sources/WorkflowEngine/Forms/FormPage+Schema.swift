extension FormPage {
    /// The page as JSON Schema in pydantic-forms' shapes: `{"enum":[…],"type":"string"}` with
    /// `options` for labels, `format: accept`, `format: long`. Because keys are serialised sorted,
    /// each property carries `propertyOrder` to keep the page's field order.
    public func jsonSchema() -> JSON {
        var properties: [String: JSON] = [:]
        for (index, field) in fields.enumerated() {
            var property = field.schema()
            property["propertyOrder"] = .int(index)
            properties[field.name] = .object(property)
        }
        let required = fields.filter { $0.defaultValue == nil && !$0.isOptional }.map { JSON.string($0.name) }
        return .object([
            "title": .string(title),
            "type": "object",
            "properties": .object(properties),
            "required": .array(required),
            "additionalProperties": false,
        ])
    }
}

extension FormField {
    func schema() -> [String: JSON] {
        var schema: [String: JSON] = ["title": .string(title)]
        switch kind {
        case .string(let long):
            schema["type"] = "string"
            if long { schema["format"] = "long" }
        case .int(let minimum, let maximum):
            schema["type"] = "integer"
            if let minimum { schema["minimum"] = .int(minimum) }
            if let maximum { schema["maximum"] = .int(maximum) }
        case .bool:
            schema["type"] = "boolean"
        case .choice(let options):
            schema.merge(FormField.enumSchema(options)) { $1 }
        case .multiChoice(let options, let minItems, let maxItems):
            schema["type"] = "array"
            schema["items"] = .object(FormField.enumSchema(options))
            schema["uniqueItems"] = true
            if let minItems { schema["minItems"] = .int(minItems) }
            if let maxItems { schema["maxItems"] = .int(maxItems) }
        case .accept:
            schema["type"] = "string"
            schema["format"] = "accept"
            schema["enum"] = ["ACCEPTED", "INCOMPLETE"]
        case .readOnlyText(let text):
            schema["type"] = "string"
            schema["format"] = "long"
            schema["const"] = .string(text)
            schema["uniforms"] = ["disabled": true, "value": .string(text)]
        }
        if let defaultValue { schema["default"] = defaultValue }
        if !meta.isEmpty { schema["meta"] = .object(meta) }
        return schema
    }

    static func enumSchema(_ options: [Choice]) -> [String: JSON] {
        var schema: [String: JSON] = ["type": "string", "enum": .array(options.map { .string($0.value) })]
        if options.contains(where: { $0.label != $0.value }) {
            schema["options"] = .object(Dictionary(options.map { ($0.value, JSON.string($0.label)) }) { first, _ in first })
        }
        return schema
    }
}
