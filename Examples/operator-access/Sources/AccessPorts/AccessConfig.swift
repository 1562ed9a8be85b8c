import Catalogues

/// The texts an engineer pastes into the PE router. They use only what the lab's routers take
/// (`description`, `ipv6 address`, `shutdown`), and every change is undone by the terminate text.
public enum AccessConfig {
    /// The field the text is shown in on the workflows' config page.
    public static let field = "router_config"
    public static let confirm = "confirm_config_applied"

    public static func create(_ access: CustomerAccessBlock) -> ConfigText {
        let port = access.port.fields
        return text(port, purpose: "to connect customer \(access.customer ?? "")", lines: [
            " description \(access.portDescription)",
            " ipv6 address \(access.ipv6_address ?? "")",
            (port.enabled ?? true) ? " no shutdown" : " shutdown",
        ])
    }

    /// Suspends (shuts) or resumes the customer's port.
    public static func adminState(_ access: CustomerAccessBlock) -> ConfigText {
        let port = access.port.fields
        let enabled = port.enabled ?? true
        return text(port, purpose: "to \(enabled ? "resume" : "suspend") customer \(access.customer ?? "")",
                    lines: [enabled ? " no shutdown" : " shutdown"])
    }

    /// Leaves the port shut and bare, as an unused access port is kept.
    public static func removal(_ access: CustomerAccessBlock) -> ConfigText {
        text(access.port.fields, purpose: "to disconnect customer \(access.customer ?? "")", lines: [
            " no description",
            " no ipv6 address \(access.ipv6_address ?? "")",
            " shutdown",
        ])
    }

    private static func text(_ port: AccessPortBlock, purpose: String, lines: [String]) -> ConfigText {
        let router = port.router_name ?? ""
        let body = ["! Paste the following config into \(router):", "! \(purpose)", "interface \(port.port_name ?? "")"]
            + lines + ["!", "end", "!"]
        return ConfigText(field: field, device: router, text: body.joined(separator: "\n"))
    }
}
