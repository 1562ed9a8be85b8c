/// An IS-IS network entity title such as `49.0001.0123.4567.890a.0001.00`: an area address, a
/// 6-byte system ID and a zero selector byte. Written as one byte, dotted 2-byte groups, one byte.
public struct NET: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var bytes: [UInt8]

    /// Parses the dotted form; nil when the grouping, hex digits, length (8–20 bytes) or the
    /// selector byte (must be 00 for a NET) is wrong.
    public init?(_ text: some StringProtocol) {
        let groups = text.split(separator: ".", omittingEmptySubsequences: false)
        guard groups.count >= 5, groups.first?.count == 2, groups.last?.count == 2,
              groups.dropFirst().dropLast().allSatisfy({ $0.count == 4 }) else { return nil }
        var bytes: [UInt8] = []
        for group in groups {
            var index = group.startIndex
            while index < group.endIndex {
                let next = group.index(index, offsetBy: 2)
                guard group[index..<next].allSatisfy(\.isHexDigit), let byte = UInt8(group[index..<next], radix: 16) else { return nil }
                bytes.append(byte)
                index = next
            }
        }
        guard (8...20).contains(bytes.count), bytes.last == 0 else { return nil }
        self.bytes = bytes
    }

    /// The area: everything before the system ID.
    public var area: [UInt8] { Array(bytes.dropLast(7)) }
    public var systemID: [UInt8] { Array(bytes.dropLast().suffix(6)) }

    public var areaDescription: String { Self.dotted(area) }
    public var systemIDDescription: String { Self.grouped(systemID) }

    public var description: String {
        Self.hex(bytes[0]) + "." + Self.grouped(bytes.dropFirst().dropLast()) + "." + Self.hex(bytes[bytes.count - 1])
    }

    public static func < (lhs: NET, rhs: NET) -> Bool { lhs.bytes.lexicographicallyPrecedes(rhs.bytes) }

    private static func hex(_ byte: UInt8) -> String { byte < 16 ? "0" + String(byte, radix: 16) : String(byte, radix: 16) }
    /// Bytes in dotted groups of two, as system IDs are written (`4567.890a.0001`).
    static func groupedHex(_ bytes: [UInt8]) -> String { grouped(bytes) }

    private static func grouped(_ bytes: some Collection<UInt8>) -> String {
        let array = Array(bytes)
        return stride(from: 0, to: array.count, by: 2).map { hex(array[$0]) + hex(array[$0 + 1]) }.joined(separator: ".")
    }
    private static func dotted(_ area: [UInt8]) -> String {
        area.count == 1 ? hex(area[0]) : hex(area[0]) + "." + grouped(area.dropFirst())
    }
}
