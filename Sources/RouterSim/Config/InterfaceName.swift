/// Interface naming: physical ports are named by the fleet spec (`1/1/c2/1`); loopbacks are
/// virtual and spelled `loopback 0`, `loopback0` or `Loopback0`, all the same interface.
enum InterfaceName {
    /// The canonical name of a loopback (`loopback0`), or nil when `words` do not name one.
    static func loopback(_ words: [Substring]) -> String? {
        let joined = words.joined().lowercased()
        guard joined.hasPrefix("loopback") else { return nil }
        let number = joined.dropFirst("loopback".count)
        guard !number.isEmpty, number.count <= 10, number.allSatisfy(\.isASCIIDigit),
              let value = Int(number), value <= 2_147_483_647 else { return nil }
        return "loopback\(value)"
    }

    static func isLoopback(_ name: String) -> Bool { name.hasPrefix("loopback") }

    /// A name in router order: loopbacks first, then natural order, where digit runs compare by
    /// value, so `1/1/c2/1` < `1/1/c10/1`. The order is that of `naturallyPrecedes`, encoded once
    /// per name into bytes that compare as plain bytes do: each digit run becomes `0`, the count
    /// of its digits without leading zeros, then those digits. A run thus compares first by
    /// length, then digit by digit (by value), and against any other byte as a digit would.
    struct SortKey: Comparable {
        let name: String
        /// ASCII names (all real ones) give an ASCII key, which `String` compares byte by byte in
        /// the standard library's optimised code even in a debug build.
        private let key: String

        init(_ name: String) {
            self.name = name
            var key: [UInt8] = [InterfaceName.isLoopback(name) ? 0 : 1]
            let bytes = Array(name.utf8)
            key.reserveCapacity(bytes.count + 8)
            var i = 0
            while i < bytes.count {
                guard InterfaceName.isDigit(bytes[i]) else {
                    key.append(bytes[i])
                    i += 1
                    continue
                }
                while i < bytes.count, bytes[i] == 48 { i += 1 }
                var end = i
                while end < bytes.count, InterfaceName.isDigit(bytes[end]) { end += 1 }
                // Names are bounded far below 127 bytes (NetBox's 64), so a count is one ASCII byte.
                key.append(48)
                key.append(UInt8(min(end - i, 127)))
                key.append(contentsOf: bytes[i..<end])
                i = end
            }
            self.key = String(decoding: key, as: UTF8.self)
        }

        static func < (lhs: SortKey, rhs: SortKey) -> Bool {
            // Naturally equal names (`c01` and `c1`) fall back to plain order, as `naturallyPrecedes` does.
            lhs.key != rhs.key ? lhs.key < rhs.key : lhs.name < rhs.name
        }

        static func == (lhs: SortKey, rhs: SortKey) -> Bool { lhs.name == rhs.name }
    }

    /// Natural order: digit runs compare by value, so `1/1/c2/1` < `1/1/c10/1`.
    static func naturallyPrecedes(_ lhs: String, _ rhs: String) -> Bool {
        var lhs = lhs, rhs = rhs
        return lhs.withUTF8 { left in rhs.withUTF8 { right in naturallyPrecedes(left, right) } } ?? (lhs < rhs)
    }

    /// nil when the two are naturally equal (`c01` and `c1`), leaving the tie to the caller.
    private static func naturallyPrecedes(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool? {
        var i = 0, j = 0
        while i < left.count, j < right.count {
            if isDigit(left[i]), isDigit(right[j]) {
                while i < left.count, left[i] == 48 { i += 1 }
                while j < right.count, right[j] == 48 { j += 1 }
                var endI = i, endJ = j
                while endI < left.count, isDigit(left[endI]) { endI += 1 }
                while endJ < right.count, isDigit(right[endJ]) { endJ += 1 }
                if endI - i != endJ - j { return endI - i < endJ - j }
                while i < endI {
                    if left[i] != right[j] { return left[i] < right[j] }
                    i += 1; j += 1
                }
            } else {
                if left[i] != right[j] { return left[i] < right[j] }
                i += 1; j += 1
            }
        }
        if i < left.count || j < right.count { return i >= left.count }
        return nil
    }

    fileprivate static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
