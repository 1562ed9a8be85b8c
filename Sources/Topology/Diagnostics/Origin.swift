/// Where a model object was written: its field path and the position of it and of each of its fields,
/// so that checks made long after parsing can still point at the right line.
public struct Origin: Sendable {
    public var path: String
    public var location: TopologyLocation
    var fieldLocations: [String: TopologyLocation] = [:]
    /// Fields present in the file but unusable (wrong type…): already reported, so later checks stay
    /// quiet about them instead of also calling them missing.
    var invalidFields: Set<String> = []

    public init(path: String, location: TopologyLocation = .unknown) {
        self.path = path; self.location = location
    }

    func location(of field: String) -> TopologyLocation { fieldLocations[field] ?? location }
    func path(of field: String) -> String { path.isEmpty ? field : "\(path).\(field)" }
    func isInvalid(_ field: String) -> Bool { invalidFields.contains(field) }
}

// Where an object was written does not change what it is: two topologies with the same content are
// equal whether they were parsed, imported or generated.
extension Origin: Equatable {
    public static func == (_: Origin, _: Origin) -> Bool { true }
}
