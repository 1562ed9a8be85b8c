import Yams
import YAMLReading

/// `assert:` actions: a name, an optional message, exactly one subject and that subject's options.
extension ScenarioReader {
    func assertion(_ node: Node, _ path: YAMLPath) -> Assertion? {
        let subjects = ScenarioVocabulary.assertionSubjects
        guard let entries = reader.entries(node, path) else { return nil }
        let present = entries.filter { subjects[$0.key] != nil }
        guard present.count == 1, let subject = present.first?.key else {
            let list = subjects.keys.sorted().joined(separator: ", ")
            reader.fail(node, path, present.isEmpty
                ? "an assertion checks one subject; add one of \(list)"
                : "an assertion checks one subject; found \(present.map(\.key).joined(separator: " and ")) (write one assert per subject)")
            return nil
        }
        let options = subjects[subject]!
        let allowed = ScenarioVocabulary.actionKeys["assert"]! + [subject] + options
        let owners = subjects.filter { $0.key != subject }
        guard let fields = reader.mapping(node, path, keys: allowed, what: "\(subject) assertion", misplaced: { key in
            let others = owners.filter { $0.value.contains(key) }.map(\.key).sorted()
            return others.isEmpty ? nil
                : "'\(key)' does not apply to a \(subject) assertion (it belongs to \(others.joined(separator: ", "))); expected one of \(options.joined(separator: ", "))"
        }) else { return nil }
        let name = fields["assert"].flatMap { reader.nonEmptyString($0, fields.path("assert"), expected: "the assertion's name") }
        let message = fields["message"].flatMap { reader.string($0, fields.path("message")) }
        guard let check = check(subject, fields), let name,
              registerAssertion(name, fields["assert"]!, fields.path("assert")) else { return nil }
        return Assertion(name: name, message: message, check: check, location: reader.location(of: node))
    }

    private func check(_ subject: String, _ fields: YAMLMapping) -> Assertion.Check? {
        let node = fields[subject]!
        let at = fields.path(subject)
        switch subject {
        case "subscription": return subscriptionCheck(node, at, fields).map(Assertion.Check.subscription)
        case "device":
            guard let device = reader.nonEmptyString(node, at, expected: "a device name"),
                  let status = required("status", fields).flatMap({ reader.nonEmptyString($0, fields.path("status")) }) else { return nil }
            return .device(name: device, status: status)
        case "prefix":
            guard let prefix = reader.nonEmptyString(node, at, expected: "a prefix like 2001:db8:10::/127") else { return nil }
            return PrefixCheck(prefix: prefix, allocated: optionalBool("allocated", fields) ?? true,
                               description: optionalString("description", fields)).prefixCheck
        case "address":
            guard let address = reader.nonEmptyString(node, at, expected: "an address like 2001:db8:10::1/127") else { return nil }
            let assigned = fields["assigned_to"].map { interface($0, fields.path("assigned_to")) }
            if case .some(.none) = assigned { return nil }
            return .address(AddressCheck(address: address, allocated: optionalBool("allocated", fields) ?? true,
                                         assignedTo: assigned ?? nil, description: optionalString("description", fields)))
        case "cable": return cableCheck(node, at, fields)
        case "config": return configCheck(node, at, fields)
        case "adjacency":
            guard let routers = pair(node, at, what: "two routers, e.g. [loc1-core, loc2-core]") else { return nil }
            let state = fields["state"].map { reader.choice($0, fields.path("state"), from: ScenarioVocabulary.adjacencyStates, what: "adjacency state") } ?? "up"
            return state.map { .adjacency(a: routers.0, b: routers.1, up: $0 == "up") }
        case "path": return pathCheck(node, at, fields)
        case "all_loopbacks_reachable", "no_leaked_resources":
            guard reader.bool(node, at) == true else {
                reader.fail(node, at, "write \(subject): true")
                return nil
            }
            return subject == "no_leaked_resources" ? .noLeakedResources : .allLoopbacksReachable
        default: return processCheck(node, at, fields)
        }
    }

    private func subscriptionCheck(_ node: Node, _ at: YAMLPath, _ fields: YAMLMapping) -> SubscriptionCheck? {
        guard let subscription = value(node, at) else { return nil }
        let fieldValues = fields["fields"].map { valueMap($0, fields.path("fields")) }
        if case .some(.none) = fieldValues { return nil }
        let check = SubscriptionCheck(
            subscription: subscription, status: optionalString("status", fields), insync: optionalBool("insync", fields),
            description: optionalString("description", fields), fields: (fieldValues ?? nil) ?? [:])
        guard check.status != nil || check.insync != nil || check.description != nil || !check.fields.isEmpty else {
            return nothingToCheck(fields, "subscription")
        }
        return check
    }

    private func cableCheck(_ node: Node, _ at: YAMLPath, _ fields: YAMLMapping) -> Assertion.Check? {
        guard case .sequence(let ends) = node, ends.count == 2 else {
            reader.fail(node, at, "expected the cable's two ends: [{device:, port:}, {device:, port:}]")
            return nil
        }
        let between = ends.enumerated().map { interface($0.element, at.index($0.offset)) }
        guard !between.contains(nil) else { return nil }
        return .cable(CableCheck(between: between.compactMap { $0 }, status: optionalString("status", fields),
                                 exists: optionalBool("exists", fields) ?? true))
    }

    private func configCheck(_ node: Node, _ at: YAMLPath, _ fields: YAMLMapping) -> Assertion.Check? {
        guard let device = reader.nonEmptyString(node, at, expected: "a device name") else { return nil }
        func lines(_ key: String) -> [String] {
            fields[key].flatMap { reader.strings($0, fields.path(key), what: "a config line or a list of lines") } ?? []
        }
        let check = ConfigCheck(
            device: device, section: optionalString("section", fields), contains: lines("contains"),
            excludes: lines("excludes"), matches: fields["matches"].flatMap { reader.patterns($0, fields.path("matches")) } ?? [],
            equals: optionalString("equals", fields), noRejectedLines: optionalBool("no_rejected_lines", fields) ?? false)
        guard !check.contains.isEmpty || !check.excludes.isEmpty || !check.matches.isEmpty || check.equals != nil
            || check.noRejectedLines else { return nothingToCheck(fields, "config") }
        return .config(check)
    }

    private func pathCheck(_ node: Node, _ at: YAMLPath, _ fields: YAMLMapping) -> Assertion.Check? {
        guard let ends = reader.mapping(node, at, keys: ScenarioVocabulary.pathKeys, required: ScenarioVocabulary.pathKeys,
                                       what: "path (from and to)"),
              let from = ends["from"].flatMap({ reader.nonEmptyString($0, ends.path("from")) }),
              let to = ends["to"].flatMap({ reader.nonEmptyString($0, ends.path("to")) }) else { return nil }
        let via = fields["via"].flatMap { reader.strings($0, fields.path("via"), what: "the routers hop by hop") }
        let avoids = fields["avoids"].flatMap { reader.strings($0, fields.path("avoids"), what: "a router or a list of routers") } ?? []
        return .path(PathCheck(from: from, to: to, via: via, avoids: avoids, reachable: optionalBool("reachable", fields) ?? true))
    }

    private func processCheck(_ node: Node, _ at: YAMLPath, _ fields: YAMLMapping) -> Assertion.Check? {
        let process = processName(node, at)
        let outcome = fields["outcome"].flatMap { self.outcome($0, fields.path("outcome")) }
        let steps = fields["steps"].flatMap { reader.strings($0, fields.path("steps"), what: "a list of step names") }
        let audit = fields["audit"].flatMap { reader.patterns($0, fields.path("audit")) } ?? []
        guard let process else { return nil }
        let check = ProcessCheck(process: process, outcome: outcome, steps: steps, audit: audit)
        guard check.outcome != nil || check.steps != nil || !check.audit.isEmpty else { return nothingToCheck(fields, "process") }
        return .process(check)
    }

    private func pair(_ node: Node, _ at: YAMLPath, what: String) -> (String, String)? {
        guard case .sequence(let items) = node, items.count == 2 else {
            reader.fail(node, at, "expected \(what)")
            return nil
        }
        guard let a = reader.nonEmptyString(items[0], at.index(0)), let b = reader.nonEmptyString(items[1], at.index(1)) else { return nil }
        return (a, b)
    }

    private func required(_ key: String, _ fields: YAMLMapping) -> Node? {
        if let node = fields[key] { return node }
        reader.fail(fields.node, fields.path(key), "missing required key '\(key)'")
        return nil
    }

    private func optionalString(_ key: String, _ fields: YAMLMapping) -> String? {
        fields[key].flatMap { reader.string($0, fields.path(key)) }
    }

    private func optionalBool(_ key: String, _ fields: YAMLMapping) -> Bool? {
        fields[key].flatMap { reader.bool($0, fields.path(key)) }
    }

    private func nothingToCheck<T>(_ fields: YAMLMapping, _ subject: String) -> T? {
        let options = ScenarioVocabulary.assertionSubjects[subject]!
        reader.fail(fields.node, fields.path, "a \(subject) assertion needs something to check: one of \(options.joined(separator: ", "))")
        return nil
    }
}

private extension PrefixCheck {
    var prefixCheck: Assertion.Check { .prefix(self) }
}
