import Testing
@testable import NetBoxSim
import IPAddressing

@Suite struct IPAddressTextTests {
    @Test(arguments: [
        ("2001:db8:10::/44", "2001:db8:10::/44"),
        ("2001:0DB8:0010:0000:0000:0000:0000:0000/44", "2001:db8:10::/44"),
        ("2001:db8:0:0:1:0:0:1/128", "2001:db8::1:0:0:1/128"),
        ("::/0", "::/0"),
        ("::1/128", "::1/128"),
        ("2001:db8::ffff:10.0.0.1/128", "2001:db8::ffff:a00:1/128"),
        ("10.0.0.0/8", "10.0.0.0/8"),
        ("2001:db8:0:1:1:1:1:1/128", "2001:db8:0:1:1:1:1:1/128"),
    ])
    func parsesAndFormatsRFC5952(input: String, expected: String) throws {
        #expect(try IPNetwork.parse(input).description == expected)
    }

    @Test func hostBitsGiveNetBoxSuggestion() {
        #expect(throws: IPParseError.hostBitsSet(text: "10.9.9.9/24", suggestion: "10.9.9.0/24")) {
            try IPNetwork.parse("10.9.9.9/24")
        }
        #expect(IPParseError.hostBitsSet(text: "10.9.9.9/24", suggestion: "10.9.9.0/24").fieldMessage
            == "10.9.9.9/24 is not a valid prefix. Did you mean 10.9.9.0/24?")
    }

    @Test(arguments: ["10.0.0/8", "10.0.0.256/32", "2001:db8:::/48", "1:2:3:4:5:6:7:8:9/128", "10.0.0.0/33", "zz::/64", "2001:db8::/129"])
    func rejectsMalformed(input: String) {
        #expect(throws: IPParseError.self) { try IPNetwork.parse(input) }
    }

    @Test func addressWithoutMaskIsHostRoute() throws {
        #expect(try IPInterfaceAddress.parse("10.0.0.1").description == "10.0.0.1/32")
        #expect(try IPInterfaceAddress.parse("2001:db8::1").description == "2001:db8::1/128")
    }
}
