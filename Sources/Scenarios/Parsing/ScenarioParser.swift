import Catalogues
import Foundation
import Topology
import Yams
import YAMLReading

/// Turns scenario YAML into a `Scenario`, or a `ScenarioFileError` listing every problem.
public struct ScenarioParser: Sendable {
    public var locator: TopologyLocator

    public init(locator: TopologyLocator = TopologyLocator()) {
        self.locator = locator
    }

    public func parse(yaml: String, file: String) throws(ScenarioFileError) -> Scenario {
        let reader = YAMLReader(file: file)
        guard let root = reader.compose(yaml, limits: .scenario) else { throw ScenarioFileError(issues: reader.scenarioIssues) }
        let scenario = ScenarioReader(reader: reader, locator: locator).scenario(root, YAMLPath())
        guard let scenario, !reader.hasIssues else { throw ScenarioFileError(issues: reader.scenarioIssues) }
        return scenario
    }

    public func load(file: String) throws(ScenarioFileError) -> Scenario {
        try parse(yaml: Self.read(file), file: file)
    }

    static func read(_ file: String) throws(ScenarioFileError) -> String {
        do {
            return try BoundedFile.read(file, maximumBytes: ScenarioLimits.maximumFileBytes)
        } catch {
            throw ScenarioFileError(issues: [ScenarioIssue(
                location: SourceLocation(file: file, line: 1, column: 1), field: "", message: error.description)])
        }
    }
}

/// Reads one scenario mapping; remembers the `as:` names defined so far so later references are checked.
final class ScenarioReader {
    let reader: YAMLReader
    let locator: TopologyLocator
    /// `as:` names in definition order, with the action that defined each.
    private(set) var names: [String] = []
    private var assertionNames: Set<String> = []

    init(reader: YAMLReader, locator: TopologyLocator) {
        self.reader = reader
        self.locator = locator
    }

    /// - Parameter defaultName: used when the mapping has no `name:` (an exercise's inline scenario).
    func scenario(_ node: Node, _ path: YAMLPath, defaultName: String? = nil) -> Scenario? {
        let required = (defaultName == nil ? ["name"] : []) + ["topology", "actions"]
        guard let fields = reader.mapping(node, path, keys: ScenarioVocabulary.scenarioKeys, required: required,
                                         what: "scenario") else { return nil }
        let name = fields["name"].flatMap { reader.nonEmptyString($0, fields.path("name")) } ?? defaultName
        let description = fields["description"].flatMap { reader.string($0, fields.path("description")) } ?? ""
        let tags = fields["tags"].flatMap { reader.strings($0, fields.path("tags"), what: "a tag or a list of tags") } ?? []
        let workflows = fields["workflows"].flatMap { self.catalogueName($0, fields.path("workflows")) }
        let seed = fields["seed"].flatMap { reader.int($0, fields.path("seed"), minimum: 0) }.map(UInt64.init)
        let topology = fields["topology"].flatMap { self.topology($0, fields.path("topology")) }
        let actions = fields["actions"].flatMap { self.actions($0, fields.path("actions")) }
        guard let name, let topology, let actions else { return nil }
        return Scenario(name: name, description: description, tags: tags, topology: topology.value,
                        topologyPath: topology.path, workflows: workflows,
                        workflowsLocation: fields["workflows"].map(reader.location(of:)), seed: seed, actions: actions,
                        location: reader.location(of: node))
    }

    /// A catalogue name; whether it is registered is checked by the run, which knows the catalogues.
    private func catalogueName(_ node: Node, _ path: YAMLPath) -> String? {
        guard let name = reader.nonEmptyString(node, path, expected: "a workflow catalogue name") else { return nil }
        guard CatalogueRegistry.isValidName(name) else {
            reader.fail(node, path, "'\(name)' is not a catalogue name (1–64 letters, digits, '-', '_' or '.')")
            return nil
        }
        return name
    }

    private func topology(_ node: Node, _ path: YAMLPath) -> (value: String, path: String)? {
        guard let value = reader.nonEmptyString(node, path, expected: "a topology name or file") else { return nil }
        guard let resolved = locator.resolve(value, scenarioFile: reader.file) else {
            let tried = locator.candidates(for: value, scenarioFile: reader.file)
            reader.fail(node, path, "topology '\(value)' not found; looked for \(tried.joined(separator: ", "))")
            return nil
        }
        guard locator.allowedRealPath(of: resolved, scenarioFile: reader.file) != nil else {
            let roots = locator.roots(scenarioFile: reader.file)
            reader.fail(node, path, "topology '\(value)' (\(TopologyLocator.realPath(resolved) ?? resolved)) lies outside the folders "
                + "a scenario may use: " + (roots.isEmpty ? "no Topologies/ folder was found" : roots.joined(separator: ", ")))
            return nil
        }
        return (value, resolved)
    }

    private func actions(_ node: Node, _ path: YAMLPath) -> [ScenarioAction]? {
        guard case .sequence(let sequence) = node, !sequence.isEmpty else {
            return reader.mistyped(node, path, expected: "a non-empty list of actions")
        }
        guard sequence.count <= ScenarioLimits.maximumActions else {
            reader.fail(node, path, "\(sequence.count) actions; a scenario has at most \(ScenarioLimits.maximumActions)")
            return nil
        }
        let actions = sequence.enumerated().map { action($0.element, index: $0.offset, path.index($0.offset)) }
        return actions.contains(nil) ? nil : actions.compactMap { $0 }
    }

    func action(_ node: Node, index: Int, _ path: YAMLPath) -> ScenarioAction? {
        guard let entries = reader.entries(node, path, expected: "an action mapping") else { return nil }
        let kinds = ScenarioVocabulary.actionKinds
        let present = entries.filter { kinds.contains($0.key) }
        guard present.count == 1, let kind = present.first?.key else {
            if present.isEmpty {
                let typo = entries.lazy.compactMap { entry in
                    Suggestion.closest(to: entry.key, in: kinds).map { "'\($0)' for '\(entry.key)'" }
                }.first
                let note = typo.map { " (did you mean \($0)?)" } ?? ""
                reader.fail(node, path, "unknown action; an action starts with one of \(kinds.joined(separator: ", "))\(note)")
            } else {
                reader.fail(present[1].keyNode, path,
                            "an action has exactly one of \(kinds.joined(separator: ", ")); found \(present.map(\.key).joined(separator: " and ")) (start a new list item for each)")
            }
            return nil
        }
        let location = reader.location(of: node)
        let parsed: ScenarioAction.Kind?
        switch kind {
        case "start": parsed = start(node, path)
        case "resume": parsed = continuation(node, path, kind: kind).map(ScenarioAction.Kind.resume)
        case "retry": parsed = continuation(node, path, kind: kind).map(ScenarioAction.Kind.retry)
        case "abort": parsed = abort(node, path)
        case "fault": parsed = faultAction(node, path)
        default: parsed = assertion(node, path).map(ScenarioAction.Kind.assert)
        }
        return parsed.map { ScenarioAction(index: index, location: location, kind: $0) }
    }

    private func start(_ node: Node, _ path: YAMLPath) -> ScenarioAction.Kind? {
        guard let fields = reader.mapping(node, path, keys: ScenarioVocabulary.actionKeys["start"]!, what: "start action")
        else { return nil }
        let workflow = fields["start"].flatMap { reader.nonEmptyString($0, fields.path("start"), expected: "a workflow name") }
        let subscription = fields["subscription"].flatMap { value($0, fields.path("subscription")) }
        let pages = fields["form"].flatMap { formPages($0, fields.path("form")) } ?? []
        let engineer = fields["engineer"].flatMap { self.engineer($0, fields.path("engineer")) } ?? .applyAndConfirm
        let expect = fields["expect"].flatMap { outcome($0, fields.path("expect")) }
        // The name is defined after the form is read: a start cannot refer to its own result.
        let name = fields["as"].flatMap { define($0, fields.path("as")) }
        guard let workflow else { return nil }
        return .start(StartWorkflow(workflow: workflow, name: name, subscription: subscription, pages: pages,
                                    engineer: engineer, expect: expect))
    }

    private func continuation(_ node: Node, _ path: YAMLPath, kind: String) -> ContinueProcess? {
        guard let fields = reader.mapping(node, path, keys: ScenarioVocabulary.actionKeys[kind]!, what: "\(kind) action")
        else { return nil }
        let process = fields[kind].flatMap { processName($0, fields.path(kind)) }
        let engineer = fields["engineer"].flatMap { self.engineer($0, fields.path("engineer")) } ?? .applyAndConfirm
        let expect = fields["expect"].flatMap { outcome($0, fields.path("expect")) }
        return process.map { ContinueProcess(process: $0, engineer: engineer, expect: expect) }
    }

    private func abort(_ node: Node, _ path: YAMLPath) -> ScenarioAction.Kind? {
        guard let fields = reader.mapping(node, path, keys: ScenarioVocabulary.actionKeys["abort"]!, what: "abort action")
        else { return nil }
        return fields["abort"].flatMap { processName($0, fields.path("abort")) }.map { .abort(process: $0) }
    }

    private func faultAction(_ node: Node, _ path: YAMLPath) -> ScenarioAction.Kind? {
        guard let fields = reader.mapping(node, path, keys: ScenarioVocabulary.actionKeys["fault"]!, what: "fault action")
        else { return nil }
        return fields["fault"].flatMap { fault($0, fields.path("fault")) }.map(ScenarioAction.Kind.fault)
    }

    /// Registers an `as:` name.
    private func define(_ node: Node, _ path: YAMLPath) -> String? {
        guard let name = reader.nonEmptyString(node, path, expected: "a name (letters, digits, _ and -)") else { return nil }
        guard name.isScenarioIdentifier else {
            reader.fail(node, path, "'\(name)' is not a valid name; use letters, digits, _ and -, starting with a letter or _")
            return nil
        }
        guard !names.contains(name) else {
            reader.fail(node, path, "the name '\(name)' is already used by an earlier action")
            return nil
        }
        names.append(name)
        return name
    }

    /// A name defined by an earlier `as:`.
    func processName(_ node: Node, _ path: YAMLPath) -> String? {
        guard let name = reader.nonEmptyString(node, path, expected: "the name of an earlier action (its as:)") else { return nil }
        return checkDefined(name, node, path) ? name : nil
    }

    func checkDefined(_ name: String, _ node: Node, _ path: YAMLPath) -> Bool {
        guard !names.contains(name) else { return true }
        let known = names.isEmpty ? "no earlier action has an as: name" : "names defined so far: \(names.joined(separator: ", "))"
        reader.fail(node, path, "unknown name '\(name)'; \(known)" + Suggestion.hint(for: name, in: names))
        return false
    }

    func registerAssertion(_ name: String, _ node: Node, _ path: YAMLPath) -> Bool {
        guard assertionNames.insert(name).inserted else {
            reader.fail(node, path, "another assertion in this scenario is already named '\(name)'; names must be unique")
            return false
        }
        return true
    }
}
