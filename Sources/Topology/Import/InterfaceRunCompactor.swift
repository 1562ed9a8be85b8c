/// Folds consecutive interfaces that differ only by one number counting up (same type, speed, flags,
/// consecutive ids) into one ranged spec: 36 rows `1/1/c1/1` … `1/1/c36/1` become `1/1/c{1..36}/1`.
enum InterfaceRunCompactor {
    static func compact(_ interfaces: [Topology.InterfaceSpec]) -> [Topology.InterfaceSpec] {
        var result: [Topology.InterfaceSpec] = []
        var start = 0
        while start < interfaces.count {
            var end = start + 1
            var position: Int?
            while end < interfaces.count, let step = step(from: interfaces[end - 1], to: interfaces[end], at: position) {
                position = step
                end += 1
            }
            var spec = interfaces[start]
            if let position {
                var tokens = NameTokens(spec.name)
                tokens.parts[position] = "{\(tokens.parts[position])..\(NameTokens(interfaces[end - 1].name).parts[position])}"
                spec.name = tokens.parts.joined()
            }
            result.append(spec)
            start = end
        }
        return result
    }

    /// The token index at which `next` is `previous` plus one, if it continues a run (at `position` if set).
    private static func step(from previous: Topology.InterfaceSpec, to next: Topology.InterfaceSpec, at position: Int?) -> Int? {
        guard previous.type == next.type, previous.speedKbps == next.speedKbps, previous.enabled == next.enabled,
              previous.mgmtOnly == next.mgmtOnly, previous.description == next.description,
              next.id == previous.id.map({ $0 + 1 }) else { return nil }
        let a = NameTokens(previous.name), b = NameTokens(next.name)
        guard a.parts.count == b.parts.count, !a.hasBraces, !b.hasBraces else { return nil }
        let differing = a.parts.indices.filter { a.parts[$0] != b.parts[$0] }
        guard differing.count == 1, let index = differing.first, position == nil || position == index,
              let x = a.number(at: index), let y = b.number(at: index), y == x + 1 else { return nil }
        return index
    }

    /// A name cut into alternating runs of digits and non-digits.
    private struct NameTokens {
        var parts: [String] = []
        let hasBraces: Bool

        init(_ name: String) {
            hasBraces = name.contains("{") || name.contains("}")
            var current = ""
            for character in name {
                if let last = current.last, last.isASCIIDigit != character.isASCIIDigit {
                    parts.append(current)
                    current = ""
                }
                current.append(character)
            }
            if !current.isEmpty { parts.append(current) }
        }

        /// The number at `index`, unless zero-padded (a range would not reproduce the padding of every name).
        func number(at index: Int) -> Int? {
            let part = parts[index]
            guard part.first?.isASCIIDigit == true, part == "0" || !part.hasPrefix("0") else { return nil }
            return Int(part)
        }
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
