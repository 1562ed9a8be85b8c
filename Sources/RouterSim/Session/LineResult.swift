/// What happened to one pasted line.
public struct LineResult: Sendable, Equatable {
    /// 1-based line number within the paste.
    public var number: Int
    /// The line as typed (cut to `RouterLimits.echoBytes` bytes for over-long lines).
    public var text: String
    public var outcome: LineOutcome

    public var isRejected: Bool { if case .rejected = outcome { true } else { false } }

    /// For a rejected line, the router's echo: `line N:`, the line, the `^` marker, the message.
    public var transcript: String? {
        guard case .rejected(let error) = outcome else { return nil }
        return "line \(number):\n" + error.transcript(line: text)
    }
}

public enum LineOutcome: Sendable, Equatable {
    /// The command was accepted; `note` explains anything implicit (an implicit mode change).
    case applied(note: String?)
    /// Blank lines and `!` comments.
    case comment
    /// Rejected as a router would; the running config is unchanged by this line.
    case rejected(LineError)
    /// Not executed because an earlier `exit` at exec level closed the session.
    case notExecuted
}

/// A rejected line, with the router's message and where its `^` marker points.
public struct LineError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        case invalidInput, incompleteCommand, ambiguousCommand, unknownInterface, invalidAddress,
             overlappingAddress, invalidValue, notRemovable, unsupported, lineTooLong, invalidCharacter,
             /// The fault `DeviceFaults.rejectedLinePatterns` matched the line.
             rejectedByDevice
    }
    public var kind: Kind
    /// 0-based character offset of the `^` marker within the line, when the router shows one.
    public var column: Int?
    /// The router's message, e.g. `% Invalid input detected at '^' marker.`.
    public var message: String

    public init(kind: Kind, column: Int?, message: String) {
        self.kind = kind; self.column = column; self.message = message
    }

    static func invalidInput(at column: Int, kind: Kind = .invalidInput) -> LineError {
        LineError(kind: kind, column: column, message: "% Invalid input detected at '^' marker.")
    }

    public var description: String { message }

    /// The router's echo of the error: the line, a caret under the offending column, the message.
    public func transcript(line: String) -> String {
        guard let column else { return "\(line)\n\(message)" }
        return "\(line)\n\(String(repeating: " ", count: column))^\n\(message)"
    }
}
