import Testing
import WorkflowEngine

@Suite struct FormTests {
    let routers: [Choice] = [Choice("loc1-core", label: "Loc 1 core"), Choice("loc2-core", label: "Loc 2 core"), "loc3-core"]

    var twoPageForm: Form {
        let routers = self.routers
        return Form { form in
            let a = try form.page("Router A") { FormField.choice("router_a", options: routers) }
            let chosen = try a.string("router_a")
            let b = try form.page("Router B", meta: ["hasNext": false]) {
                FormField.choice("router_b", options: routers.filter { $0.value != chosen })
                FormField.bool("under_maintenance", default: false)
            }
            return a.values.merging(b.values) { $1 }
        }
    }

    @Test func missingPageGivesNextPageSchemaDependingOnEarlierAnswers() throws {
        let error = try #require(throws: FormError.self) { try twoPageForm.run(state: State(), inputs: [["router_a": "loc1-core"]]) }
        guard case .notComplete(let next) = error else { Issue.record("expected notComplete, got \(error)"); return }
        #expect(next.form["title"] == "Router B")
        #expect(next.meta == ["hasNext": false])
        let routerB = try #require(next.form["properties"]?["router_b"])
        #expect(routerB["enum"] == ["loc2-core", "loc3-core"])
        #expect(routerB["type"] == "string")
        #expect(routerB["options"] == ["loc2-core": "Loc 2 core", "loc3-core": "loc3-core"])
        #expect(next.form["required"] == ["router_b"])
        #expect(next.form["additionalProperties"] == false)
    }

    /// As pydantic-forms' `Choice`: the value is what is offered in `enum` and posted; `options`
    /// appears only when some label differs from its value.
    @Test func choicesAreValidatedByValueWithLabelsOnlyWhereTheyDiffer() throws {
        let labelled = FormPage(title: "A") { FormField.choice("router_a", options: routers) }
        let error = try #require(throws: FormError.self) { try labelled.validate(["router_a": "Loc 1 core"]) }
        #expect(error.validationErrors.map(\.loc) == [["router_a"]], "a label is not a value")
        #expect(try labelled.validate(["router_a": "loc1-core"]).values == ["router_a": "loc1-core"])
        let plain = FormPage(title: "A") { FormField.choice("router_a", options: ["loc1-core", "loc2-core"]) }.jsonSchema()
        #expect(plain["properties"]?["router_a"] == ["title": "Router A", "type": "string", "enum": ["loc1-core", "loc2-core"], "propertyOrder": 0])
    }

    @Test func completeInputsReplayToMergedAnswersWithDefaults() throws {
        let answers = try twoPageForm.run(state: State(), inputs: [["router_a": "loc1-core"], ["router_b": "loc3-core"]])
        #expect(answers == ["router_a": "loc1-core", "router_b": "loc3-core", "under_maintenance": false])
    }

    @Test func invalidInputListsEveryFieldProblem() throws {
        let page = FormPage(title: "Everything") {
            FormField.string("name").validated { value in
                if value.stringValue == "bad" { throw FieldError("name is reserved") }
            }
            FormField.int("count", minimum: 1)
            FormField.multiChoice("tags", options: ["a", "b"], maxItems: 1)
            FormField.accept("confirm")
        }
        let error = try #require(throws: FormError.self) {
            try page.validate(["name": "bad", "count": 0, "tags": ["a", "b"], "confirm": "INCOMPLETE", "extra": 1])
        }
        let byField = Dictionary(uniqueKeysWithValues: error.validationErrors.map { ($0.loc[0], $0) })
        #expect(byField["name"]?.msg == "name is reserved")
        #expect(byField["name"]?.type == "value_error")
        #expect(byField["count"]?.type == "greater_than_equal")
        #expect(byField["tags"]?.type == "too_long")
        #expect(byField["confirm"]?.msg == "Not all tasks are done")
        #expect(byField["extra"]?.type == "extra_forbidden")
        #expect(error.validationErrors.count == 5)
    }

    @Test func typeAndEnumErrorsUsePydanticWording() throws {
        let page = FormPage(title: "Types") {
            FormField.choice("generic_select", options: ["A", "B", "C"])
            FormField.bool("flag")
            FormField.string("text")
        }
        let error = try #require(throws: FormError.self) { try page.validate(["generic_select": 123, "flag": "yes"]) }
        #expect(error.validationErrors == [
            ValidationError(loc: ["generic_select"], msg: "Input should be 'A', 'B' or 'C'", type: "enum", input: 123),
            ValidationError(loc: ["flag"], msg: "Input should be a valid boolean", type: "bool_type", input: "yes"),
            ValidationError(loc: ["text"], msg: "Field required", type: "missing", input: nil),
        ])
    }

    @Test func schemaShapesMatchPydanticForms() {
        let schema = FormPage(title: "Confirm") {
            FormField.readOnlyText("config", title: "Config for loc1", value: "hostname loc1").meta(["device": "loc1-core"])
            FormField.accept("confirm_config_put_on_routers")
            FormField.string("notes", long: true).optional()
        }.jsonSchema()
        let config = schema["properties"]?["config"]
        #expect(config?["format"] == "long")
        #expect(config?["const"] == "hostname loc1")
        #expect(config?["meta"] == ["device": "loc1-core"])
        #expect(config?["title"] == "Config for loc1")
        let accept = schema["properties"]?["confirm_config_put_on_routers"]
        #expect(accept?["format"] == "accept")
        #expect(accept?["enum"] == ["ACCEPTED", "INCOMPLETE"])
        #expect(schema["properties"]?["notes"]?["propertyOrder"] == 2)
        #expect(schema["required"] == ["confirm_config_put_on_routers"])
    }

    @Test func readOnlyTextMayBeOmittedButNotChanged() throws {
        let page = FormPage(title: "RO") { FormField.readOnlyText("config", value: "x") }
        #expect(try page.validate([:]).values == ["config": "x"])
        let error = try #require(throws: FormError.self) { try page.validate(["config": "y"]) }
        #expect(error.validationErrors.first?.type == "literal_error")
    }

    @Test func extraPagesAndNonObjectPagesAreRejected() throws {
        let form = Form.pages(FormPage(title: "One") { FormField.string("a") })
        #expect(throws: FormError.overflow(extraPages: 1)) { try form.run(state: State(), inputs: [["a": "x"], [:]]) }
        #expect(throws: FormError.malformedPage(index: 0, found: "array")) { try form.run(state: State(), inputs: [["a"]]) }
    }
}
