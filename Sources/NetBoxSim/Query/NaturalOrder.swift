import Foundation

/// NetBox's natural ordering of names: digit runs compare as numbers, so `1/1/c2/1` sorts before
/// `1/1/c10/1`, and names starting with digits sort before letters.
enum NaturalOrder {
    static func compare(_ a: String, _ b: String) -> ComparisonResult {
        var left = a.utf8.makeIterator(), right = b.utf8.makeIterator()
        var l = left.next(), r = right.next()
        while let lc = l, let rc = r {
            if isDigit(lc) && isDigit(rc) {
                var ln: UInt64 = 0, rn: UInt64 = 0
                while let c = l, isDigit(c) { ln = ln &* 10 &+ UInt64(c - 48); l = left.next() }
                while let c = r, isDigit(c) { rn = rn &* 10 &+ UInt64(c - 48); r = right.next() }
                if ln != rn { return ln < rn ? .orderedAscending : .orderedDescending }
                continue
            }
            if lc != rc { return lc < rc ? .orderedAscending : .orderedDescending }
            l = left.next(); r = right.next()
        }
        if l == nil && r == nil { return .orderedSame }
        return l == nil ? .orderedAscending : .orderedDescending
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
}
