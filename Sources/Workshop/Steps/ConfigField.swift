import Catalogues
import WorkflowEngine

/// Field names of the workshop's config pages (an API: clients fill them in).
public enum ConfigField {
    public static let confirm = "confirm_config_put_on_routers"
    public static let node = "node_config"
    public static let endpointA = "endpoint_a_router_config"
    public static let endpointB = "endpoint_b_router_config"
}

/// The workshop's "Provide Config to User" step: the texts with their devices, then
/// `confirm_config_put_on_routers`.
public func provideConfigStep(_ title: String, texts: @escaping @Sendable (State) throws -> [ConfigText]) -> Step {
    configInputStep(title, confirm: ConfigField.confirm, texts: texts)
}
