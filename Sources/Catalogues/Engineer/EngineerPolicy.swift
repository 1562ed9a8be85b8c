import WorkflowEngine

/// A config text a suspended process shows, with the device it is for.
public struct ConfigToPaste: Sendable, Hashable {
    public let field: String
    public let device: String
    public let text: String

    public init(field: String, device: String, text: String) {
        self.field = field
        self.device = device
        self.text = text
    }
}

/// How the simulated engineer reads an input step: which texts go into which routers, and the
/// page that confirms the step. A catalogue chooses one; the default suits any workflow that
/// shows config texts with `configInputStep`.
public struct EngineerPolicy: Sendable {
    /// The texts to paste, in the form's field order, read from the pending page's JSON Schema.
    public let configs: @Sendable (_ form: JSON) -> [ConfigToPaste]
    /// The answers that confirm the step once every text is pasted.
    public let confirmation: @Sendable (_ form: JSON) -> JSON

    public init(configs: @escaping @Sendable (JSON) -> [ConfigToPaste], confirmation: @escaping @Sendable (JSON) -> JSON) {
        self.configs = configs
        self.confirmation = confirmation
    }

    /// The key under a text field's `meta` naming the device the text is for.
    public static let deviceMetaKey = "device"

    /// Pastes every read-only text whose field's `meta.device` names a router into that router,
    /// then accepts every accept field (`format: accept`) on the page.
    public static let pastesDeviceConfigs = EngineerPolicy(configs: deviceConfigs, confirmation: acceptingAll)

    /// Every field with `meta.device` and a text default, in field order.
    public static func deviceConfigs(in form: JSON) -> [ConfigToPaste] {
        properties(of: form).compactMap { name, property -> ConfigToPaste? in
            guard let device = property["meta"]?[deviceMetaKey]?.stringValue, let text = property["default"]?.stringValue else { return nil }
            return ConfigToPaste(field: name, device: device, text: text)
        }
    }

    /// `ACCEPTED` for every accept field of the page.
    public static func acceptingAll(_ form: JSON) -> JSON {
        var answers: [String: JSON] = [:]
        for (name, property) in properties(of: form) where property["format"]?.stringValue == "accept" {
            answers[name] = "ACCEPTED"
        }
        return .object(answers)
    }

    /// The page's properties in `propertyOrder`.
    static func properties(of form: JSON) -> [(String, JSON)] {
        (form["properties"]?.objectValue ?? [:]).sorted {
            ($0.value["propertyOrder"]?.intValue ?? 0, $0.key) < ($1.value["propertyOrder"]?.intValue ?? 0, $1.key)
        }
    }
}
