/// Why a session with a router failed as a whole (single lines fail inside a `PasteResult`).
public enum RouterError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownDevice(String)
    /// The device does not answer (fault `unreachable`): the session cannot be opened.
    case unreachable(String)
    /// The device refuses every configuration (fault `rejectsConfig`).
    case configRejected(String)
    case unknownLink(LinkSpec)
    /// No cable is plugged into the port.
    case noLink(at: PortRef)
    case unknownInterface(device: String, interface: String)
    /// A `show` command the simulated router does not know.
    case invalidCommand(device: String, command: String)
    /// A paste over `RouterLimits.pasteBytes`; nothing of it ran.
    case pasteTooLarge(device: String, bytes: Int)
    /// A paste over `RouterLimits.pasteLines`; nothing of it ran.
    case pasteTooManyLines(device: String, lines: Int)
    /// A `rejectedLinePatterns` fault the fleet refuses; the device's faults are unchanged.
    case invalidFaultPattern(device: String, FaultPatternError)

    public var description: String {
        switch self {
        case .unknownDevice(let name): "no device named \(name) in the fleet"
        case .unreachable(let name): "% Connection timed out; remote host \(name) not responding"
        case .configRejected(let name): "% \(name) rejected the configuration session (configuration locked)"
        case .unknownLink(let link): "no link \(link.a) <--> \(link.b) in the fleet"
        case .noLink(let port): "no link is plugged into \(port)"
        case .unknownInterface(let device, let interface): "\(device) has no interface \(interface)"
        case .invalidCommand(let device, let command): "\(device): % Invalid input detected: show \(command)"
        case .pasteTooLarge(let device, let bytes):
            "% \(device) refused the paste: \(bytes) bytes (limit \(RouterLimits.pasteBytes)); nothing was applied"
        case .pasteTooManyLines(let device, let lines):
            "% \(device) refused the paste: \(lines) lines (limit \(RouterLimits.pasteLines)); nothing was applied"
        case .invalidFaultPattern(let device, let error): "\(device): \(error)"
        }
    }
}
