import Testing
@testable import NetBoxSim

/// Device writes and NetBox's error bodies (docs/netbox.md, "NetBox behaviours OrchLab simulates").
@Suite struct DeviceAndErrorTests {
    let netbox: NetBox
    init() throws { netbox = try WorkshopLab.netbox() }

    @Test func statusPatchMovesLastUpdated() throws {
        let before = try netbox.device(id: 1)
        let after = try netbox.updateDevice(id: 1, ["status": "active"])
        #expect(after.status == .active && after.lastUpdated > before.lastUpdated && after.created == before.created)
        #expect(try netbox.device(id: 1).status == .active)
    }

    @Test func notFoundBodies() throws {
        #expect(throws: NetBoxError(status: 404, body: ["detail": "No Device matches the given query."])) {
            try netbox.device(id: 99999)
        }
        #expect(throws: NetBoxError.notFound("Prefix")) { try netbox.updatePrefix(id: 99999, ["description": "x"]) }
        #expect(throws: NetBoxError.notFound("IPAddress")) { try netbox.deleteIPAddress(id: 99999) }
        #expect(throws: NetBoxError.notFound("Interface")) { try netbox.updateInterface(id: 99999, [:]) }
    }

    @Test func fieldErrors() throws {
        #expect(throws: NetBoxError.field("status", "bogus is not a valid choice.")) {
            try netbox.updateDevice(id: 1, ["status": "bogus"])
        }
        #expect(throws: NetBoxError.field("site", "Related object not found using the provided numeric ID: 99999")) {
            try netbox.updateDevice(id: 1, ["site": 99999])
        }
        #expect(throws: NetBoxError.fields([
            "device_type": ["This field is required."], "role": ["This field is required."], "site": ["This field is required."],
        ])) {
            try netbox.createDevice(["name": "x"])
        }
        #expect(throws: NetBoxError.model("Device name must be unique per site and tenant.")) {
            try netbox.createDevice(["name": "loc1-core", "device_type": 1, "role": 1, "site": 1])
        }
        #expect(throws: NetBoxError.field("prefix", "10.9.9.9/24 is not a valid prefix. Did you mean 10.9.9.0/24?")) {
            try netbox.createPrefix(["prefix": "10.9.9.9/24"])
        }
        #expect(throws: NetBoxError.field("prefix", "Duplicate prefix found in global table: 2001:db8:10::/44")) {
            try netbox.createPrefix(["prefix": "2001:db8:10::/44"])
        }
        #expect(try netbox.device(id: 1).status == .planned)
    }

    @Test func createdDeviceDefaultsToActiveAndGetsNextId() throws {
        let device = try netbox.createDevice(["name": "loc6-core", "device_type": 1, "role": 1, "site": 1])
        #expect(device.id == 6 && device.status == .active)
        #expect(throws: NetBoxError.self) { try netbox.createDevice(["name": "bad", "device_type": 1, "role": 1, "site": 1, "status": "x"]) }
        #expect(try netbox.createDevice(["name": "loc7-core", "device_type": 1, "role": 1, "site": 2]).id == 7)
    }

    @Test func primaryIPMustBelongToTheDevice() throws {
        let ip = try netbox.createIPAddress(["address": "10.1.0.1/32", "assigned_object_type": "dcim.interface", "assigned_object_id": 2])
        #expect(try netbox.updateDevice(id: 1, ["primary_ip4": .int(ip.id)]).primaryIPv4ID == ip.id)
        #expect(throws: NetBoxError.field("primary_ip4", "The specified IP address (10.1.0.1/32) is not assigned to this device.")) {
            try netbox.updateDevice(id: 2, ["primary_ip4": .int(ip.id)])
        }
        try netbox.deleteIPAddress(id: ip.id)
        #expect(try netbox.device(id: 1).primaryIPv4ID == nil)
    }

    @Test func errorDescriptionCarriesStatusAndBody() {
        let error = NetBoxError.insufficientResources
        #expect(error.description == #"NetBox 409: {"detail":"Insufficient resources are available to satisfy the request"}"#)
        #expect(NetBoxError.listShaped("prefix_length", "m").messages(for: "prefix_length") == ["m"])
    }
}
