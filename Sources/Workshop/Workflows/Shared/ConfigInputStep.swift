import WorkflowEngine

/// A text an engineer pastes into one device.
struct ConfigText: Sendable {
    let field: String
    let device: String
    let text: String
}

/// Field names of the config pages (an API: clients fill them in).
public enum ConfigField {
    public static let confirm = "confirm_config_put_on_routers"
    public static let node = "node_config"
    public static let endpointA = "endpoint_a_router_config"
    public static let endpointB = "endpoint_b_router_config"
    /// The key under each text field's `meta` naming the device the text is for.
    public static let deviceMeta = "device"
}

/// "Provide Config to User": shows each text read-only with the device it is for as field
/// metadata (so a client can paste each text into its router without parsing the comment
/// line), then asks for `confirm_config_put_on_routers`. The texts are rendered from the state,
/// so the form stays free of side effects when it is replayed.
func provideConfigStep(_ title: String, texts: @escaping @Sendable (State) throws -> [ConfigText]) -> Step {
    inputStep("Provide Config to User") { form in
        let configs = try texts(form.state)
        return try form.page(title) {
            for config in configs {
                FormField.readOnlyText(config.field, value: config.text).meta([ConfigField.deviceMeta: .string(config.device)])
            }
            FormField.accept(ConfigField.confirm)
        }.values
    }
}
