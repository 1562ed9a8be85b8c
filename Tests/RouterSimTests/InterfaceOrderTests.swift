import SeededRandom
import Testing
@testable import RouterSim

@Suite struct InterfaceOrderTests {
    /// The encoded sort key must order names exactly as the reference comparison does: loopbacks
    /// first, then `naturallyPrecedes`, plain order breaking natural ties.
    @Test func sortKeysOrderAsTheNaturalComparison() {
        var random = SplitMix64(seed: 7)
        let pieces = ["0", "00", "1", "01", "2", "9", "10", "123", "c", "/", "-", "x", "loopback", " ", "é"]
        let names = (0..<600).map { _ in
            (0..<Int.random(in: 1...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
        }
        func reference(_ lhs: String, _ rhs: String) -> Bool {
            let (l, r) = (InterfaceName.isLoopback(lhs), InterfaceName.isLoopback(rhs))
            return l != r ? l : InterfaceName.naturallyPrecedes(lhs, rhs)
        }
        var disagreements: [String] = []
        for _ in 0..<5_000 {
            let (a, b) = (names.randomElement(using: &random)!, names.randomElement(using: &random)!)
            if (InterfaceName.SortKey(a) < InterfaceName.SortKey(b)) != reference(a, b) { disagreements.append("\(a) | \(b)") }
        }
        #expect(disagreements == [])
        #expect(names.map(InterfaceName.SortKey.init).sorted().map(\.name) == names.sorted(by: reference))
    }

    @Test func digitRunsCompareByValueAndZerosTieToPlainOrder() {
        let sorted = ["1/1/c10/1", "1/1/c01/1", "1/1/c9/1", "1/1/c1/1", "loopback10", "loopback2", "1/1/c1/10"]
            .map(InterfaceName.SortKey.init).sorted().map(\.name)
        #expect(sorted == ["loopback2", "loopback10", "1/1/c01/1", "1/1/c1/1", "1/1/c1/10", "1/1/c9/1", "1/1/c10/1"])
    }
}
