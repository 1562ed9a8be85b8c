/// The keys and names scenario files may use. The parser checks files against these lists and a
/// test checks `Scenarios/schema.json` documents exactly the same, so the two cannot drift apart.
public enum ScenarioVocabulary {
    public static let scenarioKeys = ["name", "description", "tags", "topology", "workflows", "seed", "actions"]

    /// Every action kind with the keys it accepts (its kind key first). Assertion keys come from
    /// `assertionSubjects`.
    public static let actionKeys: [String: [String]] = [
        "start": ["start", "as", "subscription", "form", "engineer", "expect"],
        "resume": ["resume", "engineer", "expect"],
        "retry": ["retry", "engineer", "expect"],
        "abort": ["abort"],
        "fault": ["fault"],
        "assert": ["assert", "message"],
    ]

    /// Action kinds in the order messages list them.
    public static let actionKinds = ["start", "resume", "retry", "abort", "fault", "assert"]

    /// Each assertion subject (the key naming what is checked) with the option keys it accepts.
    public static let assertionSubjects: [String: [String]] = [
        "subscription": ["status", "insync", "description", "fields"],
        "device": ["status"],
        "prefix": ["allocated", "description"],
        "address": ["allocated", "assigned_to", "description"],
        "cable": ["status", "exists"],
        "config": ["section", "contains", "excludes", "matches", "equals", "no_rejected_lines"],
        "adjacency": ["state"],
        "path": ["via", "avoids", "reachable"],
        "all_loopbacks_reachable": [],
        "process": ["outcome", "steps", "audit"],
        "no_leaked_resources": [],
    ]

    /// Each fault kind with the keys of its mapping form (`[]` when it only takes a scalar).
    public static let faultKeys: [String: [String]] = [
        "netbox": ["operation", "occurrence", "status", "times"],
        "router_unreachable": [],
        "router_rejects_config": ["device", "lines"],
        "link_down": ["device", "port"],
        "link_up": ["device", "port"],
        "kill_engine": ["after_step"],
    ]

    /// Faults written as a plain word: `fault: clear`.
    public static let faultWords = ["clear"]

    /// Engineer modes written as a plain word, and the keys of the mapping form.
    public static let engineerModes = ["apply_and_confirm", "confirm_only", "leave_suspended"]
    public static let engineerKeys = ["apply", "answer"]

    public static let interfaceKeys = ["device", "port"]
    public static let pathKeys = ["from", "to"]
    public static let adjacencyStates = ["up", "down"]
}
