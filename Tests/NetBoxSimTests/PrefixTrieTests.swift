import Testing
@testable import NetBoxSim
import IPAddressing
import SeededRandom

/// The trie against a brute-force model of free space, over deterministic pseudo-random
/// inserts and removals inside a small IPv4 /24.
@Suite struct PrefixTrieTests {
    static let parent = try! IPNetwork.parse("10.1.2.0/24")

    /// Lowest aligned block of `length` in the parent that overlaps none of `children`.
    static func bruteFirstFree(_ length: Int, _ children: [IPNetwork]) -> IPNetwork? {
        let size = UInt128(1) << (32 - length)
        var start = parent.network
        while start <= parent.last {
            let block = IPNetwork(family: .v4, network: start, length: length)
            if !children.contains(where: { $0.contains(block) || block.contains($0) }) { return block }
            start += size
        }
        return nil
    }

    static func bruteFree(_ children: [IPNetwork]) -> [IPNetwork] {
        var result: [IPNetwork] = []
        func walk(_ block: IPNetwork) {
            if !children.contains(where: { $0.contains(block) || block.contains($0) }) { result.append(block); return }
            if children.contains(where: { $0.contains(block) }) || block.length == 32 { return }
            walk(IPNetwork(family: .v4, network: block.network, length: block.length + 1))
            walk(IPNetwork(family: .v4, network: block.network | (UInt128(1) << (31 - block.length)), length: block.length + 1))
        }
        walk(parent)
        if result == [parent] { return [parent] }
        return result
    }

    @Test(arguments: [1, 2, 3, 4])
    func matchesBruteForce(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var trie = PrefixTrie(family: .v4)
        trie.insert(Self.parent)
        var children: [IPNetwork] = []
        for _ in 0..<300 {
            if !children.isEmpty && random.next(below: 3) == 0 {
                let removed = children.remove(at: random.next(below: children.count))
                trie.remove(removed)
            } else {
                let length = 25 + random.next(below: 8)
                let expected = Self.bruteFirstFree(length, children)
                let found = trie.firstFree(length: length, in: Self.parent)
                #expect(found == expected)
                if let found { trie.insert(found); children.append(found) }
            }
            #expect(trie.freeBlocks(in: Self.parent) == Self.bruteFree(children))
            #expect(trie.descendantCount(of: Self.parent) == children.count)
        }
    }

    @Test func duplicateMarksNeedTwoRemovals() throws {
        var trie = PrefixTrie(family: .v6)
        let outer = try IPNetwork.parse("2001:db8::/126"), inner = try IPNetwork.parse("2001:db8::/127")
        trie.insert(outer); trie.insert(inner); trie.insert(inner)
        trie.remove(inner)
        #expect(trie.firstFree(length: 127, in: outer)?.description == "2001:db8::2/127")
        trie.remove(inner)
        #expect(trie.firstFree(length: 127, in: outer)?.description == "2001:db8::/127")
        #expect(trie.ancestorCount(of: inner) == 1)
    }
}

private extension SplitMix64 {
    /// A draw in 0..<bound by plain modulo, so the fixed seeds keep their recorded sequences.
    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
