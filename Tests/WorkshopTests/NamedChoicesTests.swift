import Testing
import WorkflowEngine
import Workshop

@Suite struct NamedChoicesTests {
    /// Two subscriptions for loc1-core, as the starter's create_node allows.
    static let routers = NamedChoices([(name: "loc1-core", id: "sub-1"), (name: "loc2-core", id: "sub-2"), (name: "loc1-core", id: "sub-3")])

    static func answers(_ choices: NamedChoices, _ posted: String) throws -> FormAnswers {
        try FormPage(title: "Circuit") { FormField.choice("router_a", options: choices.choices) }.validate(["router_a": .string(posted)])
    }

    @Test func offersEachNameOnceAndMapsItToItsFirstID() throws {
        #expect(Self.routers.choices == ["loc1-core", "loc2-core"])
        #expect(try Self.routers.id(Self.answers(Self.routers, "loc1-core"), "router_a") == "sub-1")
        #expect(try Self.routers.id(Self.answers(Self.routers, "loc2-core"), "router_a") == "sub-2")
    }

    @Test func removingANameTakesAwayItsChoiceAndItsID() throws {
        let others = Self.routers.removing("loc1-core")
        #expect(others.choices == ["loc2-core"])
        let posted = try Self.answers(Self.routers, "loc1-core")
        #expect(throws: WorkshopError.notOffered(field: "router_a", value: "loc1-core")) { try others.id(posted, "router_a") }
        #expect(WorkshopError.notOffered(field: "router_a", value: "loc1-core").description == "router_a offered no choice 'loc1-core'")
    }
}
