import Testing
import YAMLReading

@Suite struct SuggestionTests {
    @Test func suggestsLikelyTyposOnly() {
        #expect(Suggestion.closest(to: "stauts", in: ["status", "site"]) == "status")
        #expect(Suggestion.closest(to: "lba", in: ["lab"]) == "lab")
        #expect(Suggestion.closest(to: "from", in: ["form", "as"]) == "form")
        #expect(Suggestion.closest(to: "x", in: ["a"]) == nil)
        #expect(Suggestion.closest(to: "colour", in: ["name", "id", "site"]) == nil)
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
        #expect(Suggestion.editDistance("stauts", "status") == 1)
    }

    /// Candidates often come from a dictionary's keys, whose order changes from run to run.
    @Test func tiesDoNotDependOnTheCandidatesOrder() {
        #expect(Suggestion.closest(to: "bat", in: ["hat", "cat"]) == "cat")
        #expect(Suggestion.closest(to: "bat", in: ["cat", "hat"]) == "cat")
        #expect(Suggestion.closest(to: "Stauts", in: ["status"]) == "status")
    }

    @Test func hintsAndLists() {
        #expect(Suggestion.hint(for: "stauts", in: ["status"]) == " (did you mean 'status'?)")
        #expect(Suggestion.hint(for: "zzz", in: ["status"]) == "")
        #expect(Suggestion.list(["a", "b"]) == "a, b")
        #expect(Suggestion.list((1...10).map(String.init), limit: 3) == "1, 2, 3, … (10 in all)")
    }
}
