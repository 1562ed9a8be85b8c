import Yams

/// What an unquoted YAML scalar means, by the YAML 1.2 core schema: null, true/false, integers,
/// floats, and everything else a string (so `yes`, `on` and `1/1/c2/1` stay strings). Quoted
/// scalars are always strings.
///
/// Decided here rather than by Yams's default resolver, which runs several regular expressions
/// per scalar and made loading a 1,000-scenario suite take seconds; the topology and scenario files
/// read their scalars the same way.
public enum YAMLScalar: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)

    public init(_ node: Node) {
        guard case .scalar(let scalar) = node else {
            self = .string("")
            return
        }
        guard scalar.style == .plain else {
            self = .string(scalar.string)
            return
        }
        self = Self.classify(scalar.string)
    }

    public static func classify(_ text: String) -> YAMLScalar {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .double(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .double(-.infinity)
        case ".nan", ".NaN", ".NAN": return .double(.nan)
        default: break
        }
        guard let first = text.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return .string(text) }
        if isDecimalInteger(text), let value = Int(text.hasPrefix("+") ? String(text.dropFirst()) : text) { return .int(value) }
        if text.hasPrefix("0x"), let value = Int(text.dropFirst(2), radix: 16) { return .int(value) }
        if text.hasPrefix("0o"), let value = Int(text.dropFirst(2), radix: 8) { return .int(value) }
        if isFloat(text), let value = Double(text) { return .double(value) }
        return .string(text)
    }

    private static func isDecimalInteger(_ text: String) -> Bool {
        let digits = text.utf8.drop { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") }
        return !digits.isEmpty && text.utf8.count - digits.count <= 1 && digits.allSatisfy { (48...57).contains($0) }
    }

    /// `[-+]?(digits)(.digits)?([eE][-+]?digits)?` with at least one digit and a `.` or exponent.
    private static func isFloat(_ text: String) -> Bool {
        var sawDigit = false, sawPointOrExponent = false
        var previous: UInt8?
        for byte in text.utf8 {
            switch byte {
            case 48...57: sawDigit = true
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): sawPointOrExponent = true
            case UInt8(ascii: "-"), UInt8(ascii: "+"):
                // A sign leads the number or its exponent.
                guard previous == nil || previous == UInt8(ascii: "e") || previous == UInt8(ascii: "E") else { return false }
            default: return false
            }
            previous = byte
        }
        return sawDigit && sawPointOrExponent
    }
}
