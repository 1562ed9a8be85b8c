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

    /// Natural order: digit runs compare by value, so `1/1/c2/1` < `1/1/c10/1`.
    static func naturallyPrecedes(_ lhs: String, _ rhs: String) -> Bool {
        var left = lhs.utf8[...], right = rhs.utf8[...]
        while let l = left.first, let r = right.first {
            if isDigit(l), isDigit(r) {
                let leftRun = left.prefix(while: isDigit), rightRun = right.prefix(while: isDigit)
                let leftValue = leftRun.drop(while: { $0 == UInt8(ascii: "0") })
                let rightValue = rightRun.drop(while: { $0 == UInt8(ascii: "0") })
                if leftValue.count != rightValue.count { return leftValue.count < rightValue.count }
                if !leftValue.elementsEqual(rightValue) { return leftValue.lexicographicallyPrecedes(rightValue) }
                left = left.dropFirst(leftRun.count); right = right.dropFirst(rightRun.count)
            } else {
                if l != r { return l < r }
                left = left.dropFirst(); right = right.dropFirst()
            }
        }
        return left.count < right.count || (left.isEmpty && right.isEmpty && lhs < rhs)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
