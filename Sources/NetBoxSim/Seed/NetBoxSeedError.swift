/// Why a seed was refused, naming the offending object: `device 'loc9-core': unknown site 'location-9'`.
public struct NetBoxSeedError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The object as `kind 'key'`, e.g. `device 'loc9-core'`.
    public let object: String
    public let problem: String

    public init(object: String, problem: String) {
        self.object = object
        self.problem = problem
    }

    public var description: String { "\(object): \(problem)" }
}
