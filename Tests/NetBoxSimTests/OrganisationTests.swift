import Testing
@testable import NetBoxSim

/// Building a lab through the API instead of a seed.
@Suite struct OrganisationTests {
    @Test func buildALabThroughTheAPI() throws {
        let netbox = NetBox(clock: WorkshopLab.tickingClock())
        let site = try netbox.createSite(["name": "Location 1", "slug": "location-1"], actor: "loader")
        let maker = try netbox.createManufacturer(["name": "Nokia", "slug": "nokia"], actor: "loader")
        let type = try netbox.createDeviceType(["manufacturer": .int(maker.id), "model": "7750 SR-2s", "slug": "7750-sr-2s"])
        let role = try netbox.createDeviceRole(["name": "Core Router", "slug": "core-router"])
        let device = try netbox.createDevice([
            "name": "loc1-core", "site": .int(site.id), "device_type": .int(type.id), "role": .int(role.id), "status": "planned",
        ])
        let port = try netbox.createInterface([
            "device": .int(device.id), "name": "1/1/c1/1", "type": "400gbase-x-qsfpdd", "speed": 400_000_000,
        ])
        #expect(try netbox.interfaces(["device": "loc1-core", "occupied": "False", "speed": "400000000"]).results.map(\.id) == [port.id])
        #expect(try netbox.site(id: site.id).slug == "location-1")
        #expect(netbox.changes(ChangeLogQuery(actor: "loader")).map(\.objectType) == [.site, .manufacturer])
        #expect(try netbox.devices(["site": "location-1", "role": "core-router", "device_type": "7750-sr-2s"]).count == 1)
    }

    @Test func duplicatesAndMissingFieldsAreRefused() throws {
        let netbox = try WorkshopLab.netbox(routers: 1)
        #expect(throws: NetBoxError.fields(["name": ["site with this name already exists."], "slug": ["site with this slug already exists."]])) {
            try netbox.createSite(["name": "Location 1", "slug": "location-1"])
        }
        #expect(throws: NetBoxError.fields(["slug": ["This field is required."]])) { try netbox.createManufacturer(["name": "Arista"]) }
        #expect(throws: NetBoxError.fields(["manufacturer": ["Related object not found using the provided numeric ID: 9"]])) {
            try netbox.createDeviceType(["manufacturer": 9, "model": "x", "slug": "x"])
        }
        #expect(throws: NetBoxError.model("Interface with this Device and Name already exists.")) {
            try netbox.createInterface(["device": 1, "name": "1/1/c1/1", "type": "400gbase-x-qsfpdd"])
        }
        #expect(throws: NetBoxError.fields(["type": ["This field is required."]])) { try netbox.createInterface(["device": 1, "name": "x"]) }
        #expect(try netbox.interfaces(["device": "loc1-core"]).count == 73)
        #expect(netbox.changeCount == 0)
        #expect(try netbox.createInterface(["device": 1, "name": "1/1/c0/1", "type": "400gbase-x-qsfpdd"]).id == 74)
        #expect(try netbox.interfaces(["device": "loc1-core"]).results.first?.name == "1/1/c0/1")
    }
}

@Suite struct OrganisationQueryTests {
    @Test func listsAndGets() throws {
        let netbox = try WorkshopLab.netbox(routers: 12)
        #expect(try netbox.sites(["limit": "3"]).results.map(\.slug) == ["location-1", "location-2", "location-3"])
        #expect(try netbox.sites().results.last?.slug == "location-12")
        #expect(try netbox.sites(["slug": "location-10"]).results.map(\.id) == [10])
        #expect(try netbox.manufacturers(["name": "NOKIA"]).count == 1)
        #expect(try netbox.deviceTypes(["manufacturer": "nokia"]).results.map(\.model) == ["7750 SR-2s"])
        #expect(throws: NetBoxError.field("manufacturer", "Select a valid choice. acme is not one of the available choices.")) {
            try netbox.deviceTypes(["manufacturer": "acme"])
        }
        #expect(try netbox.deviceRoles(["q": "core"]).count == 1)
        #expect(try netbox.deviceRole(id: 1).slug == "core-router")
        #expect(throws: NetBoxError.notFound("DeviceType")) { try netbox.deviceType(id: 5) }
        #expect(try netbox.manufacturer(id: 1).name == "Nokia")
    }
}
