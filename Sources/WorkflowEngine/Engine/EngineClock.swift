import Foundation
import Synchronization

/// Where the engine gets the time; inject a `SteppingClock` for byte-identical records.
public protocol EngineClock: Sendable {
    func now() -> Date
}

public struct SystemClock: EngineClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A deterministic clock: starts at `start` and advances by `step` seconds on every reading.
public final class SteppingClock: EngineClock {
    private let current: Mutex<Date>
    private let step: TimeInterval

    public init(start: Date = Date(timeIntervalSince1970: 1_767_225_600), step: TimeInterval = 0.001) {
        current = Mutex(start)
        self.step = step
    }

    public func now() -> Date {
        current.withLock { date in
            defer { date += step }
            return date
        }
    }

    /// An independent clock at this one's current reading, for a checkpoint of a run.
    public func copy() -> SteppingClock {
        SteppingClock(start: current.withLock { $0 }, step: step)
    }

    /// Puts this clock at `other`'s current reading, e.g. after work that should not count.
    public func set(to other: SteppingClock) {
        let reading = other.current.withLock { $0 }
        current.withLock { $0 = reading }
    }

    /// Moves the clock forward, e.g. past a callback timeout.
    public func advance(by seconds: TimeInterval) {
        current.withLock { $0 += seconds }
    }
}

/// ISO 8601 UTC timestamps with microseconds; formatted by hand because it runs on every step.
enum Timestamp {
    static func string(_ date: Date) -> String {
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        var seconds = time_t(micros / 1_000_000)
        var fraction = Int(micros % 1_000_000)
        if fraction < 0 { fraction += 1_000_000; seconds -= 1 }
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(unsafeUninitializedCapacity: 32) { buffer in
            var position = 0
            func put(_ value: Int, width: Int) {
                var divisor = 1
                for _ in 1..<width { divisor *= 10 }
                var remaining = value
                while divisor > 0 {
                    buffer[position] = UInt8(ascii: "0") + UInt8(remaining / divisor)
                    remaining %= divisor
                    divisor /= 10
                    position += 1
                }
            }
            func put(_ character: Unicode.Scalar) {
                buffer[position] = UInt8(ascii: character)
                position += 1
            }
            put(Int(parts.tm_year) + 1900, width: 4); put("-"); put(Int(parts.tm_mon) + 1, width: 2); put("-")
            put(Int(parts.tm_mday), width: 2); put("T"); put(Int(parts.tm_hour), width: 2); put(":")
            put(Int(parts.tm_min), width: 2); put(":"); put(Int(parts.tm_sec), width: 2); put(".")
            put(fraction, width: 6)
            for character in "+00:00".unicodeScalars { put(character) }
            return position
        }
    }

    static func date(_ text: String) -> Date? {
        try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
