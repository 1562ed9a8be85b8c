import Foundation

extension JSON: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let int = try? container.decode(Int.self) {
            self = .int(int)
        } else if let double = try? container.decode(Double.self) {
            self = .double(double)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let array = try? container.decode([JSON].self) {
            self = .array(array)
        } else {
            self = .object(try container.decode([String: JSON].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let b): try container.encode(b)
        case .int(let i): try container.encode(i)
        case .double(let d): try container.encode(d)
        case .string(let s): try container.encode(s)
        case .array(let a): try container.encode(a)
        case .object(let o): try container.encode(o)
        }
    }
}

/// Text that is not JSON, or JSON of the wrong shape.
public struct JSONError: Error, CustomStringConvertible, Equatable, Sendable {
    public let message: String
    public var description: String { "malformed JSON: \(message)" }
}

extension JSON {
    /// Parses JSON text.
    public static func parse(_ text: String) throws(JSONError) -> JSON {
        try JSONParser.parse(text)
    }

    /// The JSON form of any `Encodable` value.
    public init<T: Encodable>(encoding value: T, userInfo: [CodingUserInfoKey: any Sendable] = [:]) throws {
        if let json = value as? JSON { self = json; return }
        self = try JSONValueEncoder.encode(value, userInfo: userInfo)
    }

    /// Decodes this value as `T`.
    public func decode<T: Decodable>(as type: T.Type = T.self) throws -> T {
        try JSONValueDecoder.decode(T.self, from: self)
    }
}
