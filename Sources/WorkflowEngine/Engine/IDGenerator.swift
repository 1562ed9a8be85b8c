import Synchronization

/// UUIDs (version 4 layout) from a seeded SplitMix64 stream: the same seed gives the same ids in
/// the same order, which makes two runs' records byte-identical.
public final class IDGenerator: Sendable {
    private let state: Mutex<UInt64>

    public init(seed: UInt64) {
        state = Mutex(seed)
    }

    /// Seeded from the system's random source, for production use.
    public static func random() -> IDGenerator {
        var generator = SystemRandomNumberGenerator()
        return IDGenerator(seed: generator.next())
    }

    public func next() -> String {
        let (high, low) = state.withLock { state in (IDGenerator.splitMix(&state), IDGenerator.splitMix(&state)) }
        let versioned = (high & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
        let variant = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        return String(unsafeUninitializedCapacity: 36) { buffer in
            let digits: StaticString = "0123456789abcdef"
            var position = 0
            for nibble in 0..<32 {
                if nibble == 8 || nibble == 12 || nibble == 16 || nibble == 20 {
                    buffer[position] = UInt8(ascii: "-")
                    position += 1
                }
                let word = nibble < 16 ? versioned : variant
                let shift = UInt64(60 - (nibble % 16) * 4)
                buffer[position] = digits.utf8Start[Int((word >> shift) & 0xF)]
                position += 1
            }
            return position
        }
    }

    private static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
