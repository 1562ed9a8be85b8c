import Testing
import OrchLabJSON
@testable import NetBoxSim

/// Text fields are read as NetBox's serializers read them: trimmed, no NUL, bounded by the
/// model's `max_length`. Found by the second round of attacks: a site named " ", "a\0b" or
/// 100,000 characters was stored as given.
@Suite struct TextFieldTests {
    private func siteError(_ name: String) -> NetBoxError? {
        let netbox = NetBox(clock: WorkshopLab.tickingClock())
        do {
            _ = try netbox.createSite(["name": .string(name), "slug": "s"])
            return nil
        } catch {
            return error
        }
    }

    @Test func textIsTrimmedBoundedAndFreeOfNUL() throws {
        #expect(siteError(String(repeating: "x", count: 100)) == nil)
        #expect(siteError(String(repeating: "x", count: 101)) == .fields(["name": ["Ensure this field has no more than 100 characters."]]))
        #expect(siteError(String(repeating: "é", count: 101)) == .fields(["name": ["Ensure this field has no more than 100 characters."]]))
        // 60 accented letters written as letter + combining accent are 120 code points.
        #expect(siteError(String(repeating: "e\u{301}", count: 60)) == .fields(["name": ["Ensure this field has no more than 100 characters."]]))
        #expect(siteError(String(repeating: "e\u{301}", count: 50)) == nil)
        #expect(siteError(" ") == .fields(["name": ["This field may not be blank."]]))
        #expect(siteError("\n\t") == .fields(["name": ["This field may not be blank."]]))
        #expect(siteError("a\u{0}b") == .fields(["name": ["Null characters are not allowed."]]))
        #expect(siteError("\u{202E}evil") == nil)

        let netbox = NetBox(clock: WorkshopLab.tickingClock())
        let site = try netbox.createSite(["name": "  Location 1 \n", "slug": "location-1"])
        #expect(site.name == "Location 1")
        let maker = try netbox.createManufacturer(["name": "Nokia", "slug": "nokia"])
        let type = try netbox.createDeviceType(["manufacturer": .int(maker.id), "model": "7750", "slug": "7750"])
        let role = try netbox.createDeviceRole(["name": "Core", "slug": "core"])
        let fields: [String: JSON] = ["site": .int(site.id), "device_type": .int(type.id), "role": .int(role.id)]
        #expect(throws: NetBoxError.fields(["name": ["Ensure this field has no more than 64 characters."]])) {
            try netbox.createDevice(fields.merging(["name": .string(String(repeating: "r", count: 65))]) { $1 })
        }
        #expect(try netbox.createDevice(fields.merging(["name": .string(String(repeating: "r", count: 64))]) { $1 }).name.count == 64)
        #expect(throws: NetBoxError.fields(["description": ["Ensure this field has no more than 200 characters."]])) {
            try netbox.createSite(["name": "L2", "slug": "l2", "description": .string(String(repeating: "d", count: 201))])
        }
    }
}
