import WorkflowEngine

extension EngineerPolicy {
    /// The engineer of SURF's workshop app (and of any orchestrator that shows texts the same
    /// way): a read-only text whose first line is `! Paste the following config into NAME:` goes
    /// into router NAME; a field with `meta.device` names its router as `pastesDeviceConfigs`
    /// reads it. Then every accept field is accepted. `$ref`s into the schema's `definitions`
    /// (pydantic 1) are followed.
    public static let pastesAnnouncedConfigs = EngineerPolicy(configs: announcedConfigs, confirmation: { form in
        var answers: [String: JSON] = [:]
        for (name, property) in resolvedProperties(of: form) where property["format"]?.stringValue == "accept" {
            answers[name] = "ACCEPTED"
        }
        return .object(answers)
    })

    static let announcement = "! Paste the following config into "

    /// Every text field announcing its router (or naming it in `meta.device`), in field order.
    public static func announcedConfigs(in form: JSON) -> [ConfigText] {
        resolvedProperties(of: form).compactMap { name, property -> ConfigText? in
            guard let text = property["default"]?.stringValue else { return nil }
            if let device = property["meta"]?[deviceMetaKey]?.stringValue { return ConfigText(field: name, device: device, text: text) }
            guard let first = text.split(separator: "\n", maxSplits: 1).first, first.hasPrefix(announcement), first.hasSuffix(":")
            else { return nil }
            let device = first.dropFirst(announcement.count).dropLast()
            guard !device.isEmpty, !device.contains(" ") else { return nil }
            return ConfigText(field: name, device: String(device), text: text)
        }
    }

    /// The page's properties in order, each merged with the definitions it refers to.
    static func resolvedProperties(of form: JSON) -> [(String, JSON)] {
        let definitions = form["definitions"]?.objectValue ?? form["$defs"]?.objectValue ?? [:]
        func definition(_ reference: JSON?) -> [String: JSON] {
            guard let name = reference?.stringValue?.split(separator: "/").last else { return [:] }
            return definitions[String(name)]?.objectValue ?? [:]
        }
        return properties(of: form).map { name, property in
            guard var merged = property.objectValue else { return (name, property) }
            var referred = definition(merged["$ref"])
            for part in merged["allOf"]?.arrayValue ?? [] { referred.merge(definition(part["$ref"])) { own, _ in own } }
            merged.merge(referred) { own, _ in own }
            return (name, .object(merged))
        }
    }
}
