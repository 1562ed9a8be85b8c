/// `--shard i/n`: the i-th of n slices of the suite (1-based), by position in path order, so
/// every machine computes the same split. `results.json` records it (`{"index": i, "count": n}`)
/// so `orchlab report merge` can put the slices back in suite order.
public struct Shard: Sendable, Hashable, Codable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let index = try container.decode(Int.self, forKey: .index), count = try container.decode(Int.self, forKey: .count)
        guard let shard = Shard(index: index, count: count) else {
            throw DecodingError.dataCorruptedError(forKey: .index, in: container, debugDescription: "shard \(index)/\(count) is not 1 ≤ i ≤ n")
        }
        self = shard
    }

    public func contains(position: Int) -> Bool { position % count == index - 1 }

    /// This shard's items of a suite, in suite order.
    public func slice<T>(_ items: [T]) -> [T] {
        items.enumerated().filter { contains(position: $0.offset) }.map(\.element)
    }

    /// How many of a suite of `total` this shard holds.
    public func size(ofSuite total: Int) -> Int {
        total >= index ? (total - index) / count + 1 : 0
    }

    public var description: String { "\(index)/\(count)" }
}
