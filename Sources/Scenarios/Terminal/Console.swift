#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where terminal output goes, and whether it may use colour and rewrite its last line.
public struct Console: Sendable {
    /// ANSI colours; only on a terminal.
    public let colour: Bool
    /// A terminal: progress may be shown on a line that later output overwrites.
    public let interactive: Bool
    private let sink: @Sendable (String) -> Void

    public init(colour: Bool, interactive: Bool, write: @escaping @Sendable (String) -> Void) {
        self.colour = colour
        self.interactive = interactive
        sink = write
    }

    /// Standard output; colour and progress only when it is a terminal.
    public static func standardOutput() -> Console {
        let terminal = isatty(STDOUT_FILENO) == 1
        return Console(colour: terminal, interactive: terminal, write: writeStandardOutput)
    }

    public func write(_ text: String) {
        sink(text)
    }

    public func line(_ text: String = "") {
        sink(text + "\n")
    }

    public enum Style: String, Sendable {
        case green = "32", red = "31", yellow = "33", bold = "1", dim = "2", cyan = "36"
    }

    public func paint(_ text: String, _ style: Style) -> String {
        colour ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}

/// Unbuffered, so lines from the runner's worker threads appear as they are written.
private func writeStandardOutput(_ text: String) {
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress! + offset, $0.count - offset) }
        if written <= 0 { return }
        offset += written
    }
}
