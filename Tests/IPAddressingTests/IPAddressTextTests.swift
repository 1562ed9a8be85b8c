import Testing
import IPAddressing
import SeededRandom

/// The one grammar NetBox, the topology files and the routers share: what each of them used to
/// accept on its own is checked here against the single parser and printer.
@Suite struct IPAddressTextTests {
    @Test(arguments: [
        ("2001:DB8:0:0:0:0:0:1", "2001:db8::1"), ("::", "::"), ("::1", "::1"), ("fe80::", "fe80::"),
        ("2001:0db8:0000:0001:0000:0000:0000:0001", "2001:db8:0:1::1"), ("1:0:0:2:0:0:0:3", "1:0:0:2::3"),
        ("0:0:1::", "0:0:1::"), ("1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"), ("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"),
        // A dotted quad may end an IPv6 address; IPv4-mapped addresses are printed in hex, as NetBox does.
        ("::ffff:192.0.2.1", "::ffff:c000:201"), ("2001:db8::ffff:10.0.0.1", "2001:db8::ffff:a00:1"),
        ("1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304"),
    ])
    func printsIPv6CanonicallyWhateverTheInput(input: String, canonical: String) throws {
        let value = try #require(IPAddressText.parseV6(input))
        #expect(IPAddressText.formatV6(value) == canonical)
        #expect(IPv6Address(input)?.description == canonical)
        #expect(try IPInterfaceAddress.parse(input).hostText == canonical)
    }

    @Test(arguments: [
        "", ":", "1:::2", "2001:db8::1::2", "12345::", "g::1", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "::1.2.3",
        "+1::", "::+f", "1.2.3.4::", "1.2.3.4::1", "::1.2.3.4:1", "::256.0.0.1", "::１", String(repeating: "0", count: 46) + "::",
    ])
    func refusesMalformedIPv6(input: String) {
        #expect(IPAddressText.parseV6(input) == nil)
        #expect(IPv6Address(input) == nil)
    }

    @Test(arguments: ["1.2.3", "1.2.3.4.5", "256.1.1.1", "+1.2.3.4", "1.-2.3.4", "1..3.4", "1.2.3.0004", "１.2.3.4", " 1.2.3.4"])
    func refusesMalformedIPv4(input: String) {
        #expect(IPAddressText.parseV4(input) == nil)
        #expect(IPv4Address(input) == nil)
    }

    @Test func leadingZerosAreTheOnlyDialect() throws {
        #expect(IPAddressText.parseV4("010.0.0.1") == 0x0A00_0001)
        #expect(IPAddressText.parseV4("010.0.0.1", allowingLeadingZeros: false) == nil)
        #expect(IPAddressText.parseV4("0.0.0.0", allowingLeadingZeros: false) == 0)
        #expect(IPAddressText.parseV6("::ffff:010.0.0.1", allowingLeadingZeros: false) == nil)
        #expect(try IPInterfaceAddress.parse("10.0.0.1/024").length == 24)
        #expect(throws: IPParseError.self) { try IPInterfaceAddress.parse("10.0.0.1/024", allowingLeadingZeros: false) }
    }

    @Test func prefixLengthsAreBoundedByTheFamily() {
        #expect(IPAddressText.prefixLength("32", family: .v4) == 32)
        #expect(IPAddressText.prefixLength("33", family: .v4) == nil)
        #expect(IPAddressText.prefixLength("128", family: .v6) == 128)
        #expect(IPAddressText.prefixLength("129", family: .v6) == nil)
        for bad in ["", "+24", "-1", "2 4", "99999999999999999999999"] {
            #expect(IPAddressText.prefixLength(bad, family: .v6) == nil, "\(bad)")
        }
    }

    @Test func familyAgnosticAndPerFamilyFormsAgree() throws {
        var random = SplitMix64(seed: 0x1F)
        for _ in 0..<500 {
            let value = UInt128(random.next()) << 64 | UInt128(random.next())
            // Zero runs of every length, so the "::" rules are exercised, not just dense addresses.
            let holes = UInt128(random.next() & 0xFF)
            var masked = value
            for group in 0..<8 where holes >> group & 1 == 1 { masked &= ~(UInt128(0xFFFF) << (16 * group)) }
            let text = IPAddressText.formatV6(masked)
            #expect(IPAddressText.parseV6(text) == masked, "\(text)")
            #expect(IPv6Address(value: masked).description == text)
            #expect(try IPInterfaceAddress.parse(text).host == masked)
            let v4 = UInt32(truncatingIfNeeded: value)
            #expect(IPAddressText.parseV4(IPAddressText.formatV4(v4)) == v4)
            #expect(IPv4Address(value: v4).description == IPAddressText.formatV4(v4))
        }
    }

    @Test func containmentAndOverlap() throws {
        let network = try IPNetwork.parse("2001:db8:10::/44")
        #expect(network.contains(try IPNetwork.parse("2001:db8:1f::/48")))
        #expect(!network.contains(try IPNetwork.parse("2001:db8:20::/48")))
        #expect(try IPInterfaceAddress.parse("10.0.0.1/24").hasHostBits)
        #expect(try IPInterfaceAddress.parse("10.0.0.1/24").hostRoute.description == "10.0.0.1/32")
        let prefix = try #require(IPv6Prefix("2001:db8::/32"))
        #expect(prefix.overlaps(try #require(IPv6Prefix("2001:db8:10::/127"))))
        #expect(prefix.contains(try #require(IPv6Address("2001:db8::1"))))
        #expect(IPv6Address("2001:db8::ffff")?.masked(to: 112).description == "2001:db8::")
    }
}
