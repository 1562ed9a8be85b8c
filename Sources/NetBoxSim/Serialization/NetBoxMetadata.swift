import OrchLabJSON

/// NetBox 4's answer to `OPTIONS` on a list or detail endpoint (DRF metadata): the endpoint's
/// name, the media types, and under `actions` the writable fields with their types, and for
/// choice fields every `{value, display_name}` (what pynetbox's `endpoint.choices()` reads).
public enum NetBoxMetadata {
    /// `action` is `POST` for a list endpoint, `PUT` for a detail endpoint.
    public static func options(_ type: ObjectType, action: String, detail: Bool) -> JSON {
        var fields: [String: JSON] = [
            "id": field("integer", "ID", readOnly: true), "url": field("url", "Url", readOnly: true),
            "display_url": field("url", "Display url", readOnly: true), "display": field("string", "Display", readOnly: true),
            "created": field("datetime", "Created", readOnly: true), "last_updated": field("datetime", "Last updated", readOnly: true),
        ]
        for spec in writable(type) {
            fields[spec.name] = field(spec.kind, spec.label, required: spec.required, choices: spec.choices)
        }
        let name = type.verboseName.replacingOccurrences(of: "IPAddress", with: "IP Address")
            .replacingOccurrences(of: "DeviceType", with: "Device Type").replacingOccurrences(of: "DeviceRole", with: "Device Role")
        return [
            "name": .string(name + (detail ? " Instance" : " List")), "description": "",
            "renders": ["application/json", "text/html"],
            "parses": ["application/json", "application/x-www-form-urlencoded", "multipart/form-data"],
            "actions": .object([action: .object(fields)]),
        ]
    }

    private struct Spec {
        let name: String
        let kind: String
        let label: String
        var required = false
        var choices: [(value: String, label: String)]? = nil
    }

    private static func field(_ kind: String, _ label: String, required: Bool = false, readOnly: Bool = false,
                              choices: [(value: String, label: String)]? = nil) -> JSON {
        var object: [String: JSON] = ["type": .string(kind), "required": .bool(required), "read_only": .bool(readOnly),
                                      "label": .string(label)]
        if let choices {
            object["choices"] = .array(choices.map { ["value": .string($0.value), "display_name": .string($0.label)] })
        }
        return .object(object)
    }

    private static func choices<C: NetBoxChoice>(_: C.Type) -> [(value: String, label: String)] {
        C.allCases.map { ($0.rawValue, $0.label) }
    }

    private static func status<C: NetBoxChoice>(_ kind: C.Type) -> Spec {
        Spec(name: "status", kind: "choice", label: "Status", choices: choices(kind))
    }

    private static func text(_ name: String, _ label: String, required: Bool = false) -> Spec {
        Spec(name: name, kind: "string", label: label, required: required)
    }

    private static func related(_ name: String, _ label: String, required: Bool = true) -> Spec {
        Spec(name: name, kind: "field", label: label, required: required)
    }

    private static func flag(_ name: String, _ label: String) -> Spec { Spec(name: name, kind: "boolean", label: label) }

    /// The fields the simulator's create and update calls read, per type.
    private static func writable(_ type: ObjectType) -> [Spec] {
        let description = text("description", "Description")
        switch type {
        case .site:
            return [text("name", "Name", required: true), Spec(name: "slug", kind: "slug", label: "Slug", required: true),
                    status(SiteStatus.self), description]
        case .manufacturer:
            return [text("name", "Name", required: true), Spec(name: "slug", kind: "slug", label: "Slug", required: true), description]
        case .deviceType:
            return [related("manufacturer", "Manufacturer"), text("model", "Model", required: true),
                    Spec(name: "slug", kind: "slug", label: "Slug", required: true), description]
        case .deviceRole:
            return [text("name", "Name", required: true), Spec(name: "slug", kind: "slug", label: "Slug", required: true),
                    text("color", "Color"), description]
        case .device:
            return [text("name", "Name"), related("device_type", "Device type"), related("role", "Role"), related("site", "Site"),
                    status(DeviceStatus.self), description]
        case .interface:
            let types = InterfaceTypeLabel.known.sorted { $0.key < $1.key }.map { (value: $0.key, label: $0.value) }
            return [related("device", "Device"), text("name", "Name", required: true),
                    Spec(name: "type", kind: "choice", label: "Type", required: true, choices: types),
                    Spec(name: "speed", kind: "integer", label: "Speed (Kbps)"), flag("enabled", "Enabled"),
                    flag("mgmt_only", "Management only"), flag("mark_connected", "Mark connected"), description]
        case .cable:
            return [Spec(name: "a_terminations", kind: "list", label: "A terminations"),
                    Spec(name: "b_terminations", kind: "list", label: "B terminations"),
                    status(CableStatus.self), text("label", "Label"), description]
        case .prefix:
            return [text("prefix", "Prefix", required: true), status(PrefixStatus.self), flag("is_pool", "Is a pool"),
                    flag("mark_utilized", "Mark utilized"), description]
        case .ipAddress:
            return [text("address", "Address", required: true), status(IPAddressStatus.self), text("dns_name", "DNS name"),
                    Spec(name: "assigned_object_type", kind: "string", label: "Assigned object type"),
                    Spec(name: "assigned_object_id", kind: "integer", label: "Assigned object ID"), description]
        }
    }
}
