import Foundation
import Synchronization
// SplitMix64 was part of the engine's public API before it moved below RouterSim's tests too;
// `import WorkflowEngine` still brings it.
@_exported import SeededRandom

/// Time-ordered UUIDs (RFC 9562 version 7 layout): 48 bits of milliseconds, then 74 bits from a
/// seeded SplitMix64 stream. The same seed gives the same ids in the same order, which makes two
/// runs' records byte-identical.
///
/// Why not random (version 4) ids as the reference uses: every table and index keyed by an id
/// then takes each insert at a random position. In SQLite 3.40 a page split in the middle of a
/// b-tree re-keys a page through the pending-byte page number, after which the next COMMIT walks
/// the whole page-cache hash table; for an in-memory database that table holds every page, so
/// each step's commit grew with the database (a one-row insert took 14.9 µs instead of 1.9 µs
/// with 80 MB stored). Increasing ids append at the right edge of every b-tree instead.
public final class IDGenerator: Sendable {
    private struct Stream {
        var random: SplitMix64
        var milliseconds: UInt64
    }

    private let stream: Mutex<Stream>
    /// Production ids follow the wall clock; seeded ids count up from a fixed instant.
    private let followsWallClock: Bool

    /// 2026-01-01T00:00:00Z, where `SteppingClock` starts too.
    static let seededStart: UInt64 = 1_767_225_600_000

    public init(seed: UInt64) {
        stream = Mutex(Stream(random: SplitMix64(seed: seed), milliseconds: IDGenerator.seededStart))
        followsWallClock = false
    }

    private init(seed: UInt64, startingAt milliseconds: UInt64) {
        stream = Mutex(Stream(random: SplitMix64(seed: seed), milliseconds: milliseconds))
        followsWallClock = true
    }

    private init(copying stream: Stream, followsWallClock: Bool) {
        self.stream = Mutex(stream)
        self.followsWallClock = followsWallClock
    }

    /// An independent generator that hands out the same ids this one would from now on, for a
    /// checkpoint of a run.
    public func copy() -> IDGenerator {
        IDGenerator(copying: stream.withLock { $0 }, followsWallClock: followsWallClock)
    }

    /// Seeded from the system's random source and stamped with the current time, for production use.
    public static func random() -> IDGenerator {
        var generator = SystemRandomNumberGenerator()
        return IDGenerator(seed: generator.next(), startingAt: IDGenerator.wallClockMilliseconds())
    }

    /// The next id: its first 48 bits are strictly greater than those of every earlier id of this
    /// generator (one millisecond per id, or the wall clock when it is ahead).
    public func next() -> String {
        let (milliseconds, high, low) = stream.withLock { stream in
            stream.milliseconds += 1
            if followsWallClock { stream.milliseconds = max(stream.milliseconds, IDGenerator.wallClockMilliseconds()) }
            return (stream.milliseconds, stream.random.next(), stream.random.next())
        }
        let versioned = (milliseconds & 0xFFFF_FFFF_FFFF) << 16 | 0x7000 | (high & 0x0FFF)
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

    private static func wallClockMilliseconds() -> UInt64 {
        UInt64(max(0, (Date().timeIntervalSince1970 * 1_000).rounded(.down)))
    }
}
