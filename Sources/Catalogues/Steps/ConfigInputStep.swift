import WorkflowEngine

/// A text an engineer pastes into one device, as a workflow shows it.
public struct ConfigText: Sendable {
    public let field: String
    public let device: String
    public let text: String

    public init(field: String, device: String, text: String) {
        self.field = field
        self.device = device
        self.text = text
    }
}

/// "Provide Config to User": shows each text read-only with the device it is for as field
/// metadata (`meta.device`, so the engineer — simulated or a real client — pastes each text
/// into its router without parsing the text), then asks for the accept field `confirm`. The
/// texts are rendered from the state, so the form stays free of side effects when replayed.
public func configInputStep(_ title: String, stepName: String = "Provide Config to User", confirm: String,
                            texts: @escaping @Sendable (State) throws -> [ConfigText]) -> Step {
    inputStep(stepName) { form in
        let configs = try texts(form.state)
        return try form.page(title) {
            for config in configs {
                FormField.readOnlyText(config.field, value: config.text).meta([EngineerPolicy.deviceMetaKey: .string(config.device)])
            }
            FormField.accept(confirm)
        }.values
    }
}
