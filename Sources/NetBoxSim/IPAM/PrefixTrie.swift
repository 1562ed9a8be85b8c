import IPAddressing

/// A binary trie over one family's address space that records where prefixes sit, so that
/// available-prefixes questions cost O(prefix bits) whatever is already allocated.
///
/// Each node is an aligned block; `marks` counts prefixes exactly equal to it, `subtreeMarks`
/// those at or below it, and `maxFree` is the shortest length of an entirely free aligned block
/// in its subtree (`Node.none` when nothing is free). A missing child is an entirely free block.
/// Nodes are never freed: a deleted prefix only drops its mark, which keeps indices stable.
struct PrefixTrie {
    private struct Node {
        var children: (Int32, Int32) = (-1, -1)
        var marks: Int32 = 0
        var subtreeMarks: Int32 = 0
        var maxFree: UInt8

        static let none: UInt8 = 255

        func child(_ side: Int) -> Int32 { side == 0 ? children.0 : children.1 }
        mutating func setChild(_ side: Int, _ index: Int32) {
            if side == 0 { children.0 = index } else { children.1 = index }
        }
    }

    let family: IPFamily
    private var nodes: [Node] = [Node(maxFree: 0)]

    init(family: IPFamily) { self.family = family }

    private func bit(_ address: UInt128, at depth: Int) -> Int {
        Int(truncatingIfNeeded: (address >> (family.bits - 1 - depth)) & 1)
    }

    private func blockBase(_ base: UInt128, depth: Int, side: Int) -> UInt128 {
        side == 0 ? base : base | (UInt128(1) << (family.bits - 1 - depth))
    }

    /// The node of exactly this block, if the trie has one.
    private func find(_ prefix: IPNetwork) -> Int32? {
        var index: Int32 = 0
        for depth in 0..<prefix.length {
            index = nodes[Int(index)].child(bit(prefix.network, at: depth))
            if index < 0 { return nil }
        }
        return index
    }

    mutating func insert(_ prefix: IPNetwork) { change(prefix, by: 1) }
    mutating func remove(_ prefix: IPNetwork) { change(prefix, by: -1) }

    private mutating func change(_ prefix: IPNetwork, by delta: Int32) {
        var path = [Int32](repeating: 0, count: prefix.length + 1)
        var index: Int32 = 0
        for depth in 0..<prefix.length {
            let side = bit(prefix.network, at: depth)
            var next = nodes[Int(index)].child(side)
            if next < 0 {
                next = Int32(nodes.count)
                nodes.append(Node(maxFree: UInt8(depth + 1)))
                nodes[Int(index)].setChild(side, next)
            }
            path[depth + 1] = next
            index = next
        }
        nodes[Int(index)].marks += delta
        for depth in stride(from: prefix.length, through: 0, by: -1) {
            let node = Int(path[depth])
            nodes[node].subtreeMarks += delta
            nodes[node].maxFree = freeLength(node, depth: depth, ignoringOwnMarks: false)
        }
    }

    private func freeLength(_ node: Int, depth: Int, ignoringOwnMarks: Bool) -> UInt8 {
        let current = nodes[node]
        if current.marks > 0 && !ignoringOwnMarks { return Node.none }
        if depth == family.bits { return UInt8(depth) }
        let below = UInt8(depth + 1)
        let left = current.children.0 < 0 ? below : nodes[Int(current.children.0)].maxFree
        let right = current.children.1 < 0 ? below : nodes[Int(current.children.1)].maxFree
        if left == below && right == below { return UInt8(depth) }
        return min(left, right)
    }

    /// True when at least one prefix equals `prefix`.
    func contains(_ prefix: IPNetwork) -> Bool { find(prefix).map { nodes[Int($0)].marks > 0 } ?? false }

    /// Number of prefixes strictly inside `prefix`.
    func descendantCount(of prefix: IPNetwork) -> Int {
        guard let node = find(prefix) else { return 0 }
        return Int(nodes[Int(node)].subtreeMarks - nodes[Int(node)].marks)
    }

    /// Number of prefixes strictly containing `prefix`.
    func ancestorCount(of prefix: IPNetwork) -> Int {
        var index: Int32 = 0
        var count = 0
        for depth in 0..<prefix.length {
            count += Int(nodes[Int(index)].marks)
            index = nodes[Int(index)].child(bit(prefix.network, at: depth))
            if index < 0 { break }
        }
        return count
    }

    /// The lowest-addressed aligned block of `length` inside `parent` that no descendant of
    /// `parent` overlaps, or nil when there is none.
    func firstFree(length: Int, in parent: IPNetwork) -> IPNetwork? {
        guard length >= parent.length, length <= family.bits else { return nil }
        guard var node = find(parent) else { return parent.firstBlock(length) }
        let wanted = UInt8(length)
        let rootFree = freeLength(Int(node), depth: parent.length, ignoringOwnMarks: true)
        guard rootFree <= wanted else { return nil }
        if rootFree == UInt8(parent.length) { return parent.firstBlock(length) }
        var base = parent.network
        var depth = parent.length
        while true {
            var descended = false
            for side in 0...1 {
                let child = nodes[Int(node)].child(side)
                let childBase = blockBase(base, depth: depth, side: side)
                let childBlock = IPNetwork(family: family, network: childBase, length: depth + 1)
                if child < 0 { return childBlock.firstBlock(length) }
                let free = nodes[Int(child)].maxFree
                guard free <= wanted else { continue }
                if free == UInt8(depth + 1) { return childBlock.firstBlock(length) }
                node = child
                base = childBase
                depth += 1
                descended = true
                break
            }
            if !descended { return nil }
        }
    }

    /// The free space inside `parent` as maximal aligned blocks in address order.
    func freeBlocks(in parent: IPNetwork) -> [IPNetwork] {
        guard let node = find(parent) else { return [parent] }
        if freeLength(Int(node), depth: parent.length, ignoringOwnMarks: true) == UInt8(parent.length) { return [parent] }
        var result: [IPNetwork] = []
        collectFree(node, base: parent.network, depth: parent.length, into: &result)
        return result
    }

    private func collectFree(_ node: Int32, base: UInt128, depth: Int, into result: inout [IPNetwork]) {
        guard depth < family.bits else { return }
        for side in 0...1 {
            let child = nodes[Int(node)].child(side)
            let childBase = blockBase(base, depth: depth, side: side)
            let free = child < 0 ? UInt8(depth + 1) : nodes[Int(child)].maxFree
            if free == Node.none { continue }
            if free == UInt8(depth + 1) {
                result.append(IPNetwork(family: family, network: childBase, length: depth + 1))
            } else {
                collectFree(child, base: childBase, depth: depth + 1, into: &result)
            }
        }
    }
}

extension IPNetwork {
    /// The first sub-block of `length` (a longer or equal length) at this network's start.
    func firstBlock(_ length: Int) -> IPNetwork { IPNetwork(family: family, network: network, length: length) }
}
