import Foundation
import Yams
import YAMLReading

/// Reads `Scenarios/exercises/*.yaml`:
///
/// ```yaml
/// exercise: Set the NetBox device status to active
/// hint: Add a step after provisioning that updates the device in NetBox.
/// scenario:
///   topology: workshop
///   actions: [...]
/// checks:
///   - assert: loc1-core is active in NetBox
///     points: 5
///   - assert: other devices stay planned
///     points: 5
///     hidden: true
/// ```
public struct ExerciseParser: Sendable {
    public static let exerciseKeys = ["exercise", "id", "description", "hint", "scenario", "checks"]
    public static let checkKeys = ["assert", "points", "hint", "hidden"]

    public var locator: TopologyLocator

    public init(locator: TopologyLocator = TopologyLocator()) {
        self.locator = locator
    }

    public func load(file: String) throws(ScenarioFileError) -> Exercise {
        try parse(yaml: ScenarioParser.read(file), file: file)
    }

    public func parse(yaml: String, file: String) throws(ScenarioFileError) -> Exercise {
        let reader = YAMLReader(file: file)
        guard let root = reader.compose(yaml, limits: .scenario),
              let fields = reader.mapping(root, YAMLPath(), keys: Self.exerciseKeys, required: ["exercise", "scenario", "checks"],
                                         what: "exercise") else { throw ScenarioFileError(issues: reader.scenarioIssues) }
        let title = fields["exercise"].flatMap { reader.nonEmptyString($0, fields.path("exercise"), expected: "the exercise's title") }
        let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let id = fields["id"].flatMap { reader.nonEmptyString($0, fields.path("id")) } ?? stem
        let description = fields["description"].flatMap { reader.string($0, fields.path("description")) } ?? ""
        let hint = fields["hint"].flatMap { reader.string($0, fields.path("hint")) }
        let scenario = fields["scenario"].flatMap {
            ScenarioReader(reader: reader, locator: locator).scenario($0, fields.path("scenario"), defaultName: title ?? id)
        }
        let checks = fields["checks"].flatMap { self.checks($0, fields.path("checks"), reader: reader, scenario: scenario) }
        guard !reader.hasIssues, let title, let scenario, let checks else { throw ScenarioFileError(issues: reader.scenarioIssues) }
        return Exercise(id: id, title: title, description: description, hint: hint, scenario: scenario, checks: checks,
                        location: reader.location(of: root))
    }

    private func checks(_ node: Node, _ path: YAMLPath, reader: YAMLReader, scenario: Scenario?) -> [ExerciseCheck]? {
        guard case .sequence(let items) = node, !items.isEmpty else {
            return reader.mistyped(node, path, expected: "a non-empty list of checks")
        }
        let assertionNames = scenario?.assertions.map(\.name) ?? []
        var used: Set<String> = []
        let checks = items.enumerated().map { offset, item -> ExerciseCheck? in
            let at = path.index(offset)
            guard let fields = reader.mapping(item, at, keys: Self.checkKeys, required: ["assert", "points"], what: "check"),
                  let name = fields["assert"].flatMap({ reader.nonEmptyString($0, fields.path("assert"), expected: "an assertion name") }),
                  let points = fields["points"].flatMap({ self.points($0, fields.path("points"), reader: reader) }) else { return nil }
            if scenario != nil, !assertionNames.contains(name) {
                reader.fail(fields["assert"], fields.path("assert"),
                            "the scenario has no assertion named '\(name)'" + Suggestion.hint(for: name, in: assertionNames))
                return nil
            }
            guard used.insert(name).inserted else {
                reader.fail(fields["assert"], fields.path("assert"), "the assertion '\(name)' is already graded by another check")
                return nil
            }
            return ExerciseCheck(assertion: name, points: points,
                                 hint: fields["hint"].flatMap { reader.string($0, fields.path("hint")) },
                                 hidden: fields["hidden"].flatMap { reader.bool($0, fields.path("hidden")) } ?? false,
                                 location: reader.location(of: item))
        }
        return checks.contains(nil) ? nil : checks.compactMap { $0 }
    }

    private func points(_ node: Node, _ path: YAMLPath, reader: YAMLReader) -> Double? {
        let value: Double
        switch YAMLScalar(node) {
        case .int(let number): value = Double(number)
        case .double(let number): value = number
        default: value = -1
        }
        guard value >= 0, value.isFinite else {
            return reader.mistyped(node, path, expected: "points as a number ≥ 0")
        }
        return value
    }
}
