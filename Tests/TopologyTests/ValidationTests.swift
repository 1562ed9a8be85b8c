import Testing
@testable import Topology

/// Bad topologies: each problem is reported with file, line, column and field path; nothing loads.
@Suite struct ValidationTests {
    /// The diagnostics of `yaml`, after checking it loads nothing.
    private func errors(_ yaml: String) -> [TopologyDiagnostic] {
        Fixtures.diagnostics(yaml).filter { $0.severity == .error }
    }

    private func base(replacing old: String, with new: String) throws -> String {
        try #require(Fixtures.base.contains(old), "fixture lacks \(old)")
        return Fixtures.base.replacingOccurrences(of: old, with: new)
    }

    @Test func theBaseFixtureIsValid() throws {
        let compiled = try TopologyLoader.load(yaml: Fixtures.base, file: "lab.yaml")
        #expect(compiled.seed.devices.map(\.name) == ["r1", "r2"])
        #expect(compiled.fleet.links.count == 1)
        #expect(compiled.warnings.isEmpty)
    }

    @Test func duplicateDeviceNameNamesBothPlaces() throws {
        let yaml = try base(replacing: "  - name: r2\n", with: "  - name: r1\n")
        let found = errors(yaml)
        let duplicate = try #require(found.first { $0.message.contains("duplicate device name 'r1'") })
        #expect(duplicate.path == "devices[1].name")
        #expect(duplicate.line == 13 && duplicate.column == 11)
        #expect(duplicate.message.contains("devices[0].name"))
        #expect(duplicate.description == "lab.yaml:13:11: error: devices[1].name: duplicate device name 'r1' (already used by devices[0].name)")
    }

    @Test func duplicateSiteNamesAndSlugs() throws {
        let found = errors(try base(replacing: "sites: [{name: Lab, slug: lab}]", with: "sites: [{name: Lab, slug: lab}, {name: Lab}]"))
        #expect(found.contains { $0.path == "sites[1].name" && $0.message.contains("duplicate site name 'Lab'") })
        #expect(found.contains { $0.path == "sites[1].slug" && $0.message.contains("duplicate site slug 'lab'") })
    }

    @Test func duplicateInterfaceOnADevice() throws {
        let yaml = try base(
            replacing: "  - name: r2\n",
            with: "  - name: r2\n    interfaces: [{name: '1/1/c2/1', type: 100gbase-x-qsfp28}]\n")
        let found = errors(yaml)
        #expect(found.contains { $0.path == "devices[1].interfaces[0].name" && $0.message == "duplicate interface name '1/1/c2/1' on device 'r2'" })
    }

    @Test func duplicateIDsIncludingTemplateRanges() throws {
        let yaml = try base(replacing: "  - name: r1\n", with: "  - name: r1\n    id: 7\n    first_interface_id: 10\n")
            .replacingOccurrences(of: "  - name: r2\n", with: "  - name: r2\n    id: 7\n    first_interface_id: 12\n")
        let found = errors(yaml)
        #expect(found.contains { $0.path == "devices[1].id" && $0.message.contains("duplicate device id 7") })
        // r1 takes 10...13, so r2's 12 and 13 collide.
        let interfaceIDs = found.filter { $0.message.contains("duplicate interface id") }
        #expect(interfaceIDs.map(\.message) == [
            "duplicate interface id 12 (already used by devices[0].first_interface_id)",
            "duplicate interface id 13 (already used by devices[0].first_interface_id)",
        ])
    }

    @Test func unknownReferencesSuggestTheClosestName() throws {
        let yaml = try base(replacing: "  - name: r2\n", with: "  - name: r2\n    site: lba\n    device_type: sr-2\n    role: rooter\n    kind: srl\n    group: spine\n")
        let found = errors(yaml)
        #expect(found.contains { $0.path == "devices[1].site" && $0.message == "unknown site 'lba' (did you mean 'lab'?)" && $0.expected == "one of lab" })
        #expect(found.contains { $0.path == "devices[1].device_type" && $0.message == "unknown device type 'sr-2' (did you mean 'sr-1'?)" })
        #expect(found.contains { $0.path == "devices[1].role" && $0.message.hasPrefix("unknown device role 'rooter' (did you mean 'router'?)") })
        #expect(found.contains { $0.path == "devices[1].kind" && $0.message == "unknown kind 'srl'" })
        #expect(found.contains { $0.path == "devices[1].group" && $0.message == "unknown group 'spine'" })
        #expect(found.allSatisfy { $0.line >= 13 && $0.line <= 19 }, "\(found)")
    }

    @Test func unknownManufacturerOfADeviceType() throws {
        let found = errors(try base(replacing: "manufacturer: nokia", with: "manufacturer: nokai"))
        #expect(found.map(\.message) == ["unknown manufacturer 'nokai' (did you mean 'nokia'?)"])
        #expect(found.first?.path == "device_types[0].manufacturer")
    }

    @Test func linkToAMissingInterfaceOrDevice() throws {
        let found = errors(try base(replacing: "['r1:1/1/c1/1', 'r2:1/1/c1/1']", with: "['r1:1/1/c9/1', 'r3:1/1/c1/1']"))
        #expect(found.count == 2)
        #expect(found.contains { $0.path == "links[0].endpoints[0]" && $0.message.hasPrefix("link to interface '1/1/c9/1' that device 'r1' does not have") })
        #expect(found.contains { $0.path == "links[0].endpoints[1]" && $0.message.hasPrefix("link to unknown device 'r3'") })
    }

    @Test func portAlreadyLinkedOrLinkedToItself() throws {
        let yaml = Fixtures.base + """
              - endpoints: ['r1:1/1/c1/1', 'r2:1/1/c2/1']
              - endpoints: ['r1:1/1/c3/1', 'r1:1/1/c3/1']

            """
        let found = errors(yaml)
        #expect(found.count == 2)
        #expect(found.first?.message == "duplicate link: r1:1/1/c1/1 is already linked (already used by links[0].endpoints[0])")
        #expect(found.first?.line == 19)
        #expect(found.last?.message == "link from r1:1/1/c3/1 to itself")
    }

    @Test func virtualInterfacesCannotBeWiredOrCabled() throws {
        let yaml = Fixtures.base + """
              - endpoints: ['r1:loopback0', 'r2:1/1/c2/1']
            cables:
              - endpoints: ['r1:1/1/c1/1', 'r2:loopback0']

            """
        let found = errors(yaml)
        #expect(found.map(\.message) == [
            "r1:loopback0 is a virtual interface and cannot be linked",
            "r2:loopback0 is a virtual interface and cannot be cabled",
        ])
    }

    @Test func cableRules() throws {
        let yaml = Fixtures.base + """
            cables:
              - {endpoints: ['r1:1/1/c1/1', 'r2:1/1/c1/1'], id: 4, status: planned}
              - {endpoints: ['r1:1/1/c1/1', 'r2:1/1/c3/1'], id: 4}

            """
        let found = errors(yaml)
        #expect(Set(found.map(\.path)) == ["cables[1].id", "cables[1].endpoints[0]"])
        #expect(found.contains { $0.message == "duplicate cable: r1:1/1/c1/1 is already cabled (already used by cables[0].endpoints[0])" })
    }

    @Test func malformedOverlappingAndHostBitPrefixes() throws {
        let yaml = try base(
            replacing: "  - {prefix: 10.0.0.0/24}\n",
            with: "  - {prefix: 10.0.0.0/24}\n  - {prefix: 10.0.0.0/24}\n  - {prefix: 10.0.0.1/24}\n  - {prefix: 10.0.0/33}\n  - {prefix: '2001:db8::g/32'}\n")
        let found = errors(yaml)
        #expect(found.map(\.path) == ["prefixes[1].prefix", "prefixes[2].prefix", "prefixes[3].prefix", "prefixes[4].prefix"])
        #expect(found[0].message == "duplicate prefix 10.0.0.0/24 (already used by prefixes[0].prefix)")
        #expect(found[1].message == "host bits set in prefix '10.0.0.1/24'" && found[1].expected == "the network address 10.0.0.0/24")
        #expect(found[2].message == "malformed prefix '10.0.0/33'")
        #expect(found[3].message == "malformed prefix '2001:db8::g/32'")
    }

    @Test func aPrefixWithHostBitsDoesNotAlsoMakeItsAddressesOutsiders() throws {
        let found = Fixtures.diagnostics(try base(replacing: "{prefix: 10.0.0.0/24}", with: "{prefix: 10.0.0.1/24}"))
        #expect(found.map(\.message) == ["host bits set in prefix '10.0.0.1/24'"])
    }

    @Test func addressOutsideEveryPrefixIsOnlyAWarning() throws {
        let yaml = try base(replacing: "{ipv4: 10.0.0.2/32}", with: "{ipv4: 192.0.2.2/32}")
        let compiled = try TopologyLoader.load(yaml: yaml, file: "lab.yaml")
        #expect(compiled.warnings.count == 1)
        let warning = try #require(compiled.warnings.first)
        #expect(warning.severity == .warning)
        #expect(warning.path == "devices[1].loopback.ipv4")
        #expect(warning.description == "lab.yaml:14:22: warning: devices[1].loopback.ipv4: address 192.0.2.2/32 is outside every prefix (expected a prefix in prefixes that contains it)")
        #expect(compiled.seed.devices[1].primaryIPv4 == "192.0.2.2/32")
    }

    @Test func primaryIPMustBeOnTheDevice() throws {
        let yaml = try base(replacing: "  - name: r2\n", with: "  - name: r2\n    primary_ip4: 10.0.0.1/32\n    primary_ip6: '2001:db8::9'\n")
            + "addresses:\n  - {address: 10.0.0.9/32, interface: 'r2:1/1/c4/1'}\n"
        let found = errors(yaml)
        #expect(found.map(\.path) == ["devices[1].primary_ip4", "devices[1].primary_ip6"])
        #expect(found[0].message == "primary IP 10.0.0.1/32 is not on device 'r2' (it is assigned to r1:loopback0)")
        #expect(found[1].message == "primary IP 2001:db8::9 is not an address of this topology")
    }

    @Test func explicitPrimaryIPOverridesTheLoopback() throws {
        let yaml = try base(replacing: "  - name: r2\n", with: "  - name: r2\n    primary_ip4: 10.0.0.9\n")
            + "addresses:\n  - {address: 10.0.0.9/32, interface: 'r2:1/1/c4/1', id: 30}\n"
        let compiled = try TopologyLoader.load(yaml: yaml, file: "lab.yaml")
        #expect(compiled.seed.devices[1].primaryIPv4 == "10.0.0.9/32")
        #expect(compiled.seed.ipAddresses.last?.assignedInterface == .init(device: "r2", interface: "1/1/c4/1"))
    }

    @Test func duplicateAddresses() throws {
        let found = errors(try base(replacing: "{ipv4: 10.0.0.2/32}", with: "{ipv4: 10.0.0.1/24}"))
        #expect(found.map(\.message) == ["duplicate address 10.0.0.1 (already used by devices[0].loopback.ipv4)"])
    }

    @Test func unknownKeysGetADidYouMean() throws {
        let found = errors(try base(replacing: "  - name: r2\n", with: "  - name: r2\n    stauts: planned\n"))
        #expect(found.count == 1)
        #expect(found.first?.message == "unknown key 'stauts' (did you mean 'status'?)")
        #expect(found.first?.path == "devices[1].stauts")
        #expect(found.first?.line == 14 && found.first?.column == 5)
    }

    @Test func wrongTypesNameWhatWasFound() throws {
        let yaml = try base(replacing: "  - name: r2\n", with: "  - name: r2\n    id: seven\n    interfaces: {name: x}\n    status: bogus\n")
        let found = errors(yaml)
        #expect(found.map(\.path) == ["devices[1].id", "devices[1].interfaces", "devices[1].status"])
        #expect(found[0].message == "wrong type: found a string 'seven'" && found[0].expected == "an integer from 1 to 2147483647")
        #expect(found[1].message == "wrong type: found a mapping" && found[1].expected == "a list")
        #expect(found[2].message == "unknown status 'bogus'" && found[2].expected?.hasPrefix("one of ") == true)
    }

    @Test func missingRequiredFieldsAndInheritedOnes() throws {
        let yaml = try base(replacing: "defaults: {site: lab, role: router, device_type: sr-1}", with: "defaults: {role: router, device_type: sr-1}")
            + "addresses:\n  - {id: 3}\n"
        let found = errors(yaml)
        #expect(found.map(\.message) == [
            "device 'r1' has no site", "device 'r2' has no site", "missing required key 'address'",
        ])
        #expect(found[2].path == "addresses[0].address")
        #expect(found[0].expected == "'site' on the device, its group or kind, or in defaults")
    }

    @Test func malformedInterfaceRange() throws {
        let found = errors(try base(replacing: "'1/1/c{1..4}/1'", with: "'1/1/c{4..1}/1'"))
        #expect(found.map(\.path).first == "device_types[0].interfaces[0].name")
        #expect(found.first?.message == "'{4..1}' is not a range like {1..36}")
    }

    @Test func allErrorsAreReportedTogetherSortedByLine() throws {
        let yaml = try base(replacing: "'r2:1/1/c1/1'", with: "'r2:1/1/c7/1'")
            .replacingOccurrences(of: "manufacturer: nokia", with: "manufacturer: acme")
            .replacingOccurrences(of: "  - name: r2\n", with: "  - name: r2\n    colour: red\n")
        let found = errors(yaml)
        #expect(found.count == 3)
        #expect(found.map(\.line) == found.map(\.line).sorted())
        #expect(found.map(\.path) == ["device_types[0].manufacturer", "devices[1].colour", "links[0].endpoints[1]"])
    }

    @Test func anchorsAndMergeKeysWork() throws {
        let yaml = try base(replacing: "  - name: r2\n    loopback: {ipv4: 10.0.0.2/32}\n", with: """
              - &router {name: r2, status: staged, loopback: {ipv4: 10.0.0.2/32}}
              - {<<: *router, name: r3, loopback: {ipv4: 10.0.0.3/32}}

            """)
        let devices = try TopologyLoader.load(yaml: yaml).seed.devices
        #expect(devices.map(\.name) == ["r1", "r2", "r3"])
        #expect(devices.map(\.status) == ["active", "staged", "staged"])
        #expect(devices.map(\.primaryIPv4) == ["10.0.0.1/32", "10.0.0.2/32", "10.0.0.3/32"])
    }

    @Test func yamlSyntaxErrorsHaveALine() {
        let found = errors("sites:\n  - {name: Lab\ndevices: [\n")
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("invalid YAML") == true)
        #expect((found.first?.line ?? 0) >= 2)
    }

    @Test func duplicateKeysAreRejected() {
        let found = errors("name: a\nname: b\n")
        #expect(found.first?.message == "duplicate key 'name' in one mapping")
    }

    @Test func aDocumentThatIsNotAMapping() {
        let found = errors("- just\n- a list\n")
        #expect(found.first?.message == "wrong type: found a list")
        #expect(found.first?.expected?.hasPrefix("a mapping with keys name, defaults") == true)
    }
}
