import Testing
import YAMLReading

@Suite struct YAMLScalarTests {
    @Test(arguments: [
        ("", YAMLScalar.null), ("~", .null), ("null", .null), ("true", .bool(true)), ("FALSE", .bool(false)),
        ("yes", .string("yes")), ("on", .string("on")), ("42", .int(42)), ("-7", .int(-7)), ("+3", .int(3)), ("0x1F", .int(31)),
        ("0o17", .int(15)), ("1.5", .double(1.5)), ("-2e3", .double(-2000)), ("1e-2", .double(0.01)), (".inf", .double(.infinity)),
        ("1/1/c2/1", .string("1/1/c2/1")), ("2001:db8:10::/127", .string("2001:db8:10::/127")), ("1-2", .string("1-2")),
        ("--1", .string("--1")), ("loc1-core", .string("loc1-core")), ("10.0.0.1/32", .string("10.0.0.1/32")), (".", .string(".")),
    ])
    func classifiesByTheCoreSchema(text: String, expected: YAMLScalar) {
        #expect(YAMLScalar.classify(text) == expected)
    }
}
