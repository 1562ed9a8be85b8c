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
        func pad(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let fractionText = String(fraction)
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))."
            + String(repeating: "0", count: 6 - fractionText.count) + fractionText + "+00:00"
    }

    static func date(_ text: String) -> Date? {
        try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
