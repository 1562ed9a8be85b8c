/// The level-2 link-state graph in compressed sparse row form: one directed edge per
/// adjacency side, carrying that side's metric (IS-IS metrics may differ per direction).
struct ISISGraph {
    struct Edge {
        var from: Int
        var to: Int
        var metric: UInt32
        var adjacency: Int
        /// Whether the edge leaves from the adjacency's `a` side.
        var fromSideA: Bool
    }

    let nodeCount: Int
    /// Outgoing edges of node n are `edges[start[n]..<start[n + 1]]`.
    let start: [Int]
    let edges: [Edge]
    /// Incoming edges of node n are `edges[incoming[incomingStart[n]..<incomingStart[n + 1]]]`.
    let incomingStart: [Int]
    let incoming: [Int]

    init(nodeCount: Int, edges unsorted: [Edge]) {
        self.nodeCount = nodeCount
        let sorted = unsorted.sorted { ($0.from, $0.to, $0.adjacency) < ($1.from, $1.to, $1.adjacency) }
        edges = sorted
        start = Self.offsets(count: nodeCount, keys: sorted.map(\.from))
        let byTarget = sorted.indices.sorted { (sorted[$0].to, $0) < (sorted[$1].to, $1) }
        incoming = byTarget
        incomingStart = Self.offsets(count: nodeCount, keys: byTarget.map { sorted[$0].to })
    }

    private static func offsets(count: Int, keys: [Int]) -> [Int] {
        var offsets = [Int](repeating: 0, count: count + 1)
        for key in keys { offsets[key + 1] += 1 }
        for node in 0..<count { offsets[node + 1] += offsets[node] }
        return offsets
    }

    func outgoing(_ node: Int) -> ArraySlice<Edge> { edges[start[node]..<start[node + 1]] }
}

/// Dijkstra from one router with equal-cost multipath: for every node, its distance and the
/// set of the source's outgoing edges that start a shortest path to it (a bitset per node).
struct ShortestPaths {
    static let unreachable = UInt64.max

    let source: Int
    let distance: [UInt64]
    /// Words per node in `firstHopBits`.
    let words: Int
    let firstHopBits: [UInt64]
    /// The source's outgoing edges, indexed like the bits.
    let sourceEdges: ArraySlice<ISISGraph.Edge>

    init(graph: ISISGraph, source: Int) {
        self.source = source
        let sourceEdges = graph.outgoing(source)
        let words = max(1, (sourceEdges.count + 63) / 64)
        var distance = [UInt64](repeating: Self.unreachable, count: graph.nodeCount)
        var bits = [UInt64](repeating: 0, count: graph.nodeCount * words)
        var settled = [Bool](repeating: false, count: graph.nodeCount)
        var heap = MinHeap()
        distance[source] = 0
        heap.push(0, source)
        while let (cost, node) = heap.pop() {
            if settled[node] || cost > distance[node] { continue }
            settled[node] = true
            for (offset, edge) in graph.outgoing(node).enumerated() {
                let candidate = cost + UInt64(edge.metric)
                let target = edge.to
                if candidate > distance[target] || settled[target] { continue }
                if candidate < distance[target] {
                    distance[target] = candidate
                    for word in 0..<words { bits[target * words + word] = 0 }
                    heap.push(candidate, target)
                }
                // Equal or better: the target inherits the node's first hops (or this edge's bit).
                if node == source {
                    bits[target * words + offset / 64] |= 1 << UInt64(offset % 64)
                } else {
                    for word in 0..<words { bits[target * words + word] |= bits[node * words + word] }
                }
            }
        }
        self.distance = distance
        self.words = words
        self.firstHopBits = bits
        self.sourceEdges = sourceEdges
    }

    /// Merges the first hops of several equally distant nodes into `into`.
    func mergeFirstHops(of node: Int, into mask: inout [UInt64]) {
        for word in 0..<words { mask[word] |= firstHopBits[node * words + word] }
    }

    func edges(in mask: [UInt64]) -> [ISISGraph.Edge] {
        var result: [ISISGraph.Edge] = []
        for word in 0..<words {
            var value = mask[word]
            while value != 0 {
                let bit = value.trailingZeroBitCount
                value &= value - 1
                result.append(sourceEdges[sourceEdges.startIndex + word * 64 + bit])
            }
        }
        return result
    }
}

/// A binary min-heap of (cost, node) with lazy deletion (stale entries are skipped on pop).
struct MinHeap {
    private var items: [(cost: UInt64, node: Int)] = []

    mutating func push(_ cost: UInt64, _ node: Int) {
        items.append((cost, node))
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child].cost < items[parent].cost else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> (UInt64, Int)? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < items.count, items[left].cost < items[smallest].cost { smallest = left }
                if right < items.count, items[right].cost < items[smallest].cost { smallest = right }
                if smallest == parent { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return (top.cost, top.node)
    }
}
