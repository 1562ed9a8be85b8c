/// The outcome of evaluating one check against what the world shows: pass or fail, and what was
/// actually found, worded for a reader.
public struct CheckVerdict: Sendable, Hashable {
    public var passed: Bool
    public var actual: String

    public init(passed: Bool, actual: String) {
        self.passed = passed
        self.actual = actual
    }
}

extension AssertionResult {
    public init(assertion: Assertion, verdict: CheckVerdict) {
        self.init(assertion: assertion, passed: verdict.passed, actual: verdict.actual)
    }
}
