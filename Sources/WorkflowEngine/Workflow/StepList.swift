/// An ordered list of steps. Recovery is positional, as in the reference: a process resumes at
/// the index of its first step not yet cleared.
public struct StepList: Sendable, ExpressibleByArrayLiteral {
    public var steps: [Step]

    public init(_ steps: [Step] = []) {
        self.steps = steps
    }

    public init(arrayLiteral steps: Step...) {
        self.steps = steps
    }

    public init(@StepListBuilder _ build: () -> StepList) {
        self = build()
    }

    public var names: [String] { steps.map(\.name) }
    public var count: Int { steps.count }
}

/// Lets a workflow read as its step list:
///
///     createWorkflow("create_node", "Create Node") {
///         constructNodeModel
///         storeProcessSubscription
///         if withIPAM { reserveLoopbacks }
///     }
@resultBuilder
public enum StepListBuilder {
    public static func buildExpression(_ step: Step) -> StepList { StepList([step]) }
    public static func buildExpression(_ list: StepList) -> StepList { list }
    public static func buildBlock(_ parts: StepList...) -> StepList { StepList(parts.flatMap(\.steps)) }
    public static func buildOptional(_ part: StepList?) -> StepList { part ?? StepList() }
    public static func buildEither(first part: StepList) -> StepList { part }
    public static func buildEither(second part: StepList) -> StepList { part }
    public static func buildArray(_ parts: [StepList]) -> StepList { StepList(parts.flatMap(\.steps)) }
}
