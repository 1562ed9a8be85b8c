import Foundation
import OrchLabJSON
/// A write request's JSON fields, read with NetBox's validation messages. Errors accumulate per
/// field so one 400 answer lists every problem, as NetBox does.
struct Payload {
    let fields: [String: JSON]
    private(set) var errors: [String: [String]] = [:]

    init(_ fields: [String: JSON]) { self.fields = fields }

    func has(_ name: String) -> Bool { fields[name] != nil }

    mutating func fail(_ name: String, _ message: String) { errors[name, default: []].append(message) }

    func throwIfInvalid() throws(NetBoxError) {
        if !errors.isEmpty { throw .fields(errors) }
    }

    /// A value given as `{"value":…,"label":…}` or a list where a plain value belongs.
    private mutating func rejectNested(_ name: String, _ value: JSON) -> Bool {
        switch value {
        case .object, .array:
            fail(name, "Value must be passed directly (e.g. \"foo\": 123); do not use a dictionary or list.")
            return true
        default: return false
        }
    }

    /// A text field as NetBox's serializers read it (Django REST framework's `CharField`): outer
    /// whitespace trimmed, no NUL characters, at most `maxLength` characters (the model's
    /// `max_length`; `NetBoxLimits.maxTextLength` for fields this simulation does not list).
    mutating func string(_ name: String, required: Bool = false, maxLength: Int? = nil) -> String? {
        guard let value = fields[name], value != .null else {
            if required { fail(name, "This field is required.") }
            return nil
        }
        switch value {
        case .string(let raw):
            let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if required && text.isEmpty { fail(name, "This field may not be blank.") }
            if text.unicodeScalars.contains("\u{0}") { fail(name, "Null characters are not allowed.") }
            let limit = maxLength ?? NetBoxLimits.maxLength[name] ?? NetBoxLimits.maxTextLength
            // Counted as Python's len() counts: code points, not what prints as one character.
            if text.unicodeScalars.count > limit { fail(name, "Ensure this field has no more than \(limit) characters.") }
            return text
        case .int(let number): return String(number)
        default: fail(name, "Not a valid string."); return nil
        }
    }

    mutating func int(_ name: String) -> Int? {
        guard let value = fields[name], value != .null else { return nil }
        switch value {
        case .int(let number): return number
        case .string(let text) where Int(text) != nil: return Int(text)
        default: fail(name, "A valid integer is required."); return nil
        }
    }

    mutating func bool(_ name: String) -> Bool? {
        guard let value = fields[name], value != .null else { return nil }
        switch value {
        case .bool(let flag): return flag
        case .string(let text) where ["true", "True", "1"].contains(text): return true
        case .string(let text) where ["false", "False", "0"].contains(text): return false
        case .int(let number) where number == 0 || number == 1: return number == 1
        default: fail(name, "Must be a valid boolean."); return nil
        }
    }

    mutating func choice<C: NetBoxChoice>(_ name: String, _: C.Type) -> C? {
        guard let value = fields[name], value != .null else { return nil }
        if rejectNested(name, value) { return nil }
        let text = value.stringValue ?? value.intValue.map(String.init) ?? "\(value)"
        guard let choice = C(rawValue: text) else {
            fail(name, "\(text) is not a valid choice.")
            return nil
        }
        return choice
    }

    /// A foreign key given as a numeric id; `exists` says whether the id is known.
    mutating func reference(_ name: String, required: Bool = false, exists: (Int) -> Bool) -> Int? {
        guard let value = fields[name], value != .null else {
            if required { fail(name, "This field is required.") }
            return nil
        }
        if rejectNested(name, value) { return nil }
        guard let id = value.intValue ?? value.stringValue.flatMap({ Int($0) }) else {
            fail(name, "Related objects must be referenced by numeric ID or by dictionary of attributes. Received an unrecognized value: \(value.stringValue ?? value.serialized())")
            return nil
        }
        guard exists(id) else {
            fail(name, "Related object not found using the provided numeric ID: \(id)")
            return nil
        }
        return id
    }
}
