import WorkflowEngine

/// Choices a client sees and posts by name, each standing for an id the workflow works with.
/// The workshop builds them with pydantic-forms as `Choice(title, zip(ids, names))`: an enum whose
/// values are the names (what is offered, validated and posted) and whose member names are the
/// ids (what the workflow keeps). Here the names are plain `Choice` values, so the page's schema
/// holds the names in `enum` and, value and label agreeing, no `options`.
public struct NamedChoices: Sendable {
    public let choices: [Choice]
    private let ids: [String: String]

    /// `entries` in the order offered; a name listed twice keeps its first id (as a duplicate
    /// value in a Python enum becomes an alias of the first member).
    public init(_ entries: [(name: String, id: String)]) {
        var ids: [String: String] = [:]
        var choices: [Choice] = []
        for entry in entries where ids[entry.name] == nil {
            ids[entry.name] = entry.id
            choices.append(Choice(entry.name))
        }
        self.init(choices: choices, ids: ids)
    }

    private init(choices: [Choice], ids: [String: String]) {
        self.choices = choices
        self.ids = ids
    }

    /// The same choices without `name` (router B is never router A).
    public func removing(_ name: String) -> NamedChoices {
        NamedChoices(choices: choices.filter { $0.value != name }, ids: ids.filter { $0.key != name })
    }

    /// The id behind the name posted for `field` on a page that offered these choices.
    public func id(_ answers: FormAnswers, _ field: String) throws -> String {
        let name = try answers.string(field)
        guard let id = ids[name] else { throw WorkshopError.notOffered(field: field, value: name) }
        return id
    }
}
