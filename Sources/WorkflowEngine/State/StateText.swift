/// A state's JSON text, byte-identical to `state.json.serialized()`, kept as one serialised
/// `"key":value` fragment per key in key order. Every step logs the whole state (the audit
/// trail) but changes only the keys it returns, so re-serialising just those keys is what keeps
/// the per-step cost flat as the state grows.
struct StateText {
    private var fragments: [(key: String, bytes: [UInt8])] = []
    private var cached: String?

    init(_ state: State) {
        update(with: state.values)
    }

    /// Replaces (or adds) the fragments of `values`' keys, as `State.merging` replaces whole values.
    mutating func update(with values: [String: JSON]) {
        guard !values.isEmpty else { return }
        cached = nil
        for (key, value) in values {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(key.utf8.count + 16)
            JSON.writeString(key, into: &bytes)
            bytes.append(UInt8(ascii: ":"))
            value.write(into: &bytes)
            let index = insertionIndex(of: key)
            if index < fragments.count && fragments[index].key == key {
                fragments[index].bytes = bytes
            } else {
                fragments.insert((key, bytes), at: index)
            }
        }
    }

    /// The text with `values` merged in, leaving this one unchanged.
    func merging(_ values: [String: JSON]) -> StateText {
        var copy = self
        copy.update(with: values)
        return copy
    }

    var text: String {
        mutating get {
            if let cached { return cached }
            var out: [UInt8] = []
            out.reserveCapacity(fragments.reduce(2) { $0 + $1.bytes.count + 1 })
            out.append(UInt8(ascii: "{"))
            for (index, fragment) in fragments.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: fragment.bytes)
            }
            out.append(UInt8(ascii: "}"))
            let text = String(decoding: out, as: UTF8.self)
            cached = text
            return text
        }
    }

    /// First index whose key is not below `key` (the same `<` that `serialized()` sorts by).
    private func insertionIndex(of key: String) -> Int {
        var low = 0, high = fragments.count
        while low < high {
            let middle = (low + high) / 2
            if fragments[middle].key < key { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
