import Testing
@testable import RouterSim
import IPAddressing
import SeededRandom

@Suite struct AddressTests {
    @Test(arguments: [
        ("2001:DB8:0:0:0:0:0:1", "2001:db8::1"), ("2001:db8:10::", "2001:db8:10::"), ("::", "::"), ("::1", "::1"),
        ("2001:0db8:0000:0001:0000:0000:0000:0001", "2001:db8:0:1::1"), ("1:0:0:2:0:0:0:3", "1:0:0:2::3"),
        ("::ffff:192.0.2.1", "::ffff:c000:201"), ("fe80::", "fe80::"), ("1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"), ("0:0:1::", "0:0:1::"),
    ])
    func ipv6PrintsInRFC5952Form(input: String, canonical: String) throws {
        #expect(try #require(IPv6Address(input)).description == canonical)
    }

    @Test(arguments: ["", ":", "1:::2", "2001:db8::1::2", "12345::", "g::1", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "::1.2.3", "1.2.3.4", "+1::", "::+f"])
    func malformedIPv6IsRejected(input: String) {
        #expect(IPv6Address(input) == nil)
    }

    @Test func ipv6PrefixesMaskAndOverlap() throws {
        let address = try #require(IPv6InterfaceAddress("2001:db8:10::1/127"))
        #expect(address.prefix.description == "2001:db8:10::/127")
        #expect(try #require(IPv6Prefix("2001:db8::/32")).overlaps(address.prefix))
        #expect(try #require(IPv6Prefix("2001:db8:11::/48")).overlaps(address.prefix) == false)
        #expect(IPv6InterfaceAddress("2001:db8::/129") == nil)
        #expect(IPv6InterfaceAddress("2001:db8::/+64") == nil)
    }

    @Test func ipv4MasksMustBeContiguous() throws {
        #expect(try #require(IPv4Address("255.255.255.0")).maskLength == 24)
        #expect(try #require(IPv4Address("255.0.255.0")).maskLength == nil)
        #expect(IPv4Address("256.1.1.1") == nil)
        #expect(IPv4Address("1.2.3") == nil)
        #expect(IPv4Address("+1.2.3.4") == nil)
    }

    @Test func netSplitsAreaAndSystemID() throws {
        let net = try #require(NET(Workshop.net))
        #expect(net.description == Workshop.net)
        #expect(net.areaDescription == "49.0001.0123")
        #expect(net.systemIDDescription == "4567.890a.0001")
        #expect(NET("49.0001.0123.4567.890a.0001.01") == nil)
        #expect(NET("49.001.0123.4567.890a.0001.00") == nil)
        #expect(NET("zz.0001.0123.4567.890a.0001.00") == nil)
    }
}

@Suite struct AddressPropertyTests {
    /// Printing and parsing are inverse for random addresses (with runs of zero groups), and the
    /// printed form follows RFC 5952: lowercase, no leading zeros, one "::" for the longest run.
    @Test func ipv6PrintingRoundTrips() throws {
        var random = SplitMix64(seed: 5952)
        for _ in 0..<5_000 {
            var groups = (0..<8).map { _ in UInt16.random(in: 0...UInt16.max, using: &random) }
            for index in groups.indices where Int.random(in: 0..<3, using: &random) == 0 { groups[index] = 0 }
            let text = groups.map { String($0, radix: 16) }.joined(separator: ":")
            let address = try #require(IPv6Address(text))
            let printed = address.description
            #expect(IPv6Address(printed) == address, "\(text) printed as \(printed)")
            #expect(printed.components(separatedBy: "::").count <= 2)
            #expect(!printed.contains(":0:0:") || printed.contains("::"))
            #expect(printed == printed.lowercased())
            #expect(!printed.split(separator: ":").contains { $0.count > 1 && $0.hasPrefix("0") })
        }
    }

    @Test func parsersNeverCrashOnRandomText() {
        var random = SplitMix64(seed: 11)
        let alphabet = Array("0123456789abcdefABCDEFxg:./+- ")
        var parsed = 0
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...40, using: &random)
            // Short runs of few symbols, so some texts are valid and the round trip is exercised.
            let symbols = length < 12 ? Array("0a:") : alphabet
            let text = String((0..<length).map { _ in symbols[Int.random(in: 0..<symbols.count, using: &random)] })
            if let address = IPv6Address(text) { parsed += 1; #expect(IPv6Address(address.description) == address) }
            if let prefix = IPv6Prefix(text) { #expect(IPv6Prefix(prefix.description) == prefix) }
            if let net = NET(text) { #expect(NET(net.description) == net) }
            if let v4 = IPv4Address(text) { #expect(IPv4Address(v4.description) == v4) }
        }
        #expect(parsed > 100)
    }
}
