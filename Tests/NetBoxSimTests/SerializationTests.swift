import Foundation
import Testing
@testable import NetBoxSim

/// NetBox 4.7 REST shapes (docs/netbox.md, "NetBox behaviours OrchLab simulates").
@Suite struct SerializationTests {
    let netbox: NetBox
    let serializer = NetBoxSerializer(baseURL: "http://127.0.0.1:8001/")
    init() throws { netbox = try WorkshopLab.netbox() }

    @Test func timestampsAreUTCWithMicroseconds() {
        #expect(NetBoxSerializer.timestamp(Date(timeIntervalSince1970: 1_795_768_578.190333)) == "2026-11-27T08:36:18.190333Z")
        #expect(NetBoxSerializer.timestamp(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000000Z")
        #expect(NetBoxSerializer.timestamp(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59.500000Z")
        #expect(NetBoxSerializer.timestamp(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00.000000Z")
        #expect(NetBoxSerializer.timestamp(Date(timeIntervalSince1970: 4_102_444_799.999999)) == "2099-12-31T23:59:59.999999Z")
    }

    @Test func deviceFullAndBrief() throws {
        let device = try netbox.device(id: 1)
        let (full, brief) = netbox.withReader { (serializer.device(device, $0), serializer.device(device, $0, brief: true)) }
        #expect(full["url"] == "http://127.0.0.1:8001/api/dcim/devices/1/")
        #expect(full["display_url"] == "http://127.0.0.1:8001/dcim/devices/1/")
        #expect(full["status"] == ["value": "planned", "label": "Planned"])
        #expect(full["site"]?["slug"] == "location-1")
        #expect(full["device_type"]?["manufacturer"]?["name"] == "Nokia")
        #expect(full["primary_ip4"]?["address"] == "10.0.0.1/32")
        #expect(full["primary_ip"]?["address"] == "2001:db8::1/128")
        #expect(full["interface_count"] == 73)
        #expect(full["created"] == .string(NetBoxSerializer.timestamp(device.created)))
        #expect(Set(brief.objectValue?.keys.map { $0 } ?? []) == ["id", "url", "display", "name", "description"])
    }

    @Test func interfaceWithPlannedThenConnectedCable() throws {
        let cable = try netbox.createCable(CableTests.ends(2, 74, status: "planned"))
        var json = netbox.withReader { serializer.interface($0.interface(id: 2)!, $0) }
        #expect(json["_occupied"] == true)
        #expect(json["cable"] == ["id": .int(cable.id), "url": .string("http://127.0.0.1:8001/api/dcim/cables/\(cable.id)/"),
                                  "display": .string("#\(cable.id)"), "label": "", "description": ""])
        #expect(json["cable_end"] == "A")
        #expect(json["link_peers"]?[0]?["name"] == "1/1/c1/1")
        #expect(json["link_peers"]?[0]?["device"]?["name"] == "loc2-core")
        #expect(json["link_peers_type"] == "dcim.interface")
        #expect(json["connected_endpoints_reachable"] == false)
        #expect(json["type"] == ["value": "400gbase-x-qsfpdd", "label": "QSFP-DD (400GE)"])
        _ = try netbox.updateCable(id: cable.id, ["status": "connected"])
        json = netbox.withReader { serializer.interface($0.interface(id: 2)!, $0) }
        #expect(json["connected_endpoints_reachable"] == true)
        let free = netbox.withReader { serializer.interface($0.interface(id: 3)!, $0) }
        #expect(free["cable"] == .null && free["link_peers"] == [] && free["link_peers_type"] == .null && free["_occupied"] == false)
    }

    @Test func cableTerminationsAndDisplay() throws {
        let cable = try netbox.createCable(CableTests.ends(2, 74, status: "planned"))
        let json = netbox.withReader { serializer.cable(cable, $0) }
        #expect(json["display"] == .string("#\(cable.id)"))
        #expect(json["a_terminations"]?[0]?["object_id"] == 2)
        #expect(json["a_terminations"]?[0]?["object"]?["_occupied"] == true)
        #expect(json["status"] == ["value": "planned", "label": "Planned"])
        #expect(json["type"] == .null && json["color"] == "")
    }

    @Test func prefixCreateShowsZerosRereadShowsHierarchy() throws {
        let slash64 = try netbox.allocatePrefix(in: 3, ["prefix_length": 64])
        let (created, reread) = netbox.withReader {
            (serializer.prefix(slash64, $0, asCreated: true), serializer.prefix(slash64, $0))
        }
        #expect(created["_depth"] == 0 && created["children"] == 0)
        #expect(reread["_depth"] == 2)
        #expect(reread["family"] == ["value": 6, "label": "IPv6"])
        #expect(serializer.availablePrefixes(try netbox.availablePrefixes(in: slash64.id))
            == [["family": 6, "prefix": "2001:db8:10::/64", "vrf": .null]])
    }

    @Test func ipAssignedObject() throws {
        let ip = try netbox.allocateIP(in: 5, ["assigned_object_id": 2, "assigned_object_type": "dcim.interface"])
        let json = netbox.withReader { serializer.ipAddress(ip, $0) }
        #expect(json["address"] == "10.0.0.0/24")
        #expect(json["assigned_object_type"] == "dcim.interface" && json["assigned_object_id"] == 2)
        #expect(json["assigned_object"]?["device"]?["name"] == "loc1-core")
        #expect(serializer.availableIPs(try netbox.availableIPs(in: 5, limit: 1)) == [["family": 4, "address": "10.0.0.6/24", "vrf": .null]])
    }

    @Test func defaultPageNextAddsLimitAndOffset() throws {
        let page = try netbox.interfaces(["device": "loc1-core"])
        let json = netbox.withReader { reader in serializer.list(page, type: .interface, query: ["device": "loc1-core"]) { serializer.interface($0, reader, brief: true) } }
        #expect(json["next"] == "http://127.0.0.1:8001/api/dcim/interfaces/?device=loc1-core&limit=50&offset=50")
        #expect(json["previous"] == .null)
        #expect(json["results"]?[0]?["device"]?["name"] == "loc1-core")
    }

    @Test func organisationShapes() throws {
        let (site, type, role) = netbox.withReader { reader in
            (serializer.site(reader.site(id: 1)!, reader), serializer.deviceType(reader.deviceType(id: 1)!, reader),
             serializer.deviceRole(reader.deviceRole(id: 1)!, reader))
        }
        #expect(site["status"] == ["value": "active", "label": "Active"] && site["device_count"] == 1)
        #expect(type["manufacturer"]?["slug"] == "nokia" && type["device_count"] == 5)
        #expect(role["_depth"] == 0 && role["device_count"] == 5 && role["url"] == "http://127.0.0.1:8001/api/dcim/device-roles/1/")
    }

    @Test func listEnvelopeLinksSortParameters() throws {
        let query: NetBoxQuery = ["device": "loc1-core", "cabled": "False", "brief": "1", "limit": "1", "offset": "1"]
        let page = try netbox.interfaces(query)
        let json = netbox.withReader { reader in serializer.list(page, type: .interface, query: query) { serializer.interface($0, reader, brief: true) } }
        #expect(json["count"] == 73)
        #expect(json["next"] == "http://127.0.0.1:8001/api/dcim/interfaces/?brief=1&cabled=False&device=loc1-core&limit=1&offset=2")
        #expect(json["previous"] == "http://127.0.0.1:8001/api/dcim/interfaces/?brief=1&cabled=False&device=loc1-core&limit=1")
        #expect(json["results"]?.arrayValue?.count == 1)
        let last = try netbox.interfaces(["limit": "50", "offset": "1000"])
        let lastJSON = netbox.withReader { reader in serializer.list(last, type: .interface, query: ["limit": "50", "offset": "1000"]) { serializer.interface($0, reader) } }
        #expect(lastJSON["next"] == .null)
        #expect(lastJSON["previous"] == "http://127.0.0.1:8001/api/dcim/interfaces/?limit=50&offset=950")
    }
}
