import RouterSim
import WorkflowEngine

public enum EngineerError: Error, Sendable, Equatable, CustomStringConvertible {
    case notSuspended(processID: String, status: ProcessStatus)
    /// The router rejected lines of a pasted text; the process is not confirmed.
    case rejectedLines(device: String, lines: [String])

    public var description: String {
        switch self {
        case .notSuspended(let id, let status): "process \(id) is \(status.rawValue), not waiting for the engineer"
        case .rejectedLines(let device, let lines): "\(device) rejected: " + lines.joined(separator: " | ")
        }
    }
}

/// Plays the engineer at input steps, following a catalogue's `EngineerPolicy`: pastes each
/// shown text into its router through the fleet, then confirms.
public struct Engineer: Sendable {
    public let fleet: Fleet
    public let policy: EngineerPolicy
    public let actor: String

    public init(fleet: Fleet, policy: EngineerPolicy = .pastesDeviceConfigs, actor: String = "engineer") {
        self.fleet = fleet
        self.policy = policy
        self.actor = actor
    }

    /// Pastes every text into its device; a rejected line stops before the next text.
    @discardableResult
    public func paste(_ configs: [ConfigToPaste]) throws -> [PasteResult] {
        try configs.map { config in
            let result = try fleet.apply(paste: config.text, to: config.device, actor: actor)
            guard result.isClean else {
                throw EngineerError.rejectedLines(device: config.device, lines: result.rejectedLines.map(\.text))
            }
            return result
        }
    }

    /// At a suspended process: pastes the texts, then confirms and lets the process run on.
    /// Returns where it stopped next.
    @discardableResult
    public func confirm(_ processID: String, on engine: Engine) throws -> ProcessOutcome {
        guard let pending = try engine.pendingInput(processID) else {
            throw EngineerError.notSuspended(processID: processID, status: try engine.process(processID).lastStatus)
        }
        try paste(policy.configs(pending.form))
        return try engine.resume(processID, inputs: [policy.confirmation(pending.form)], user: actor)
    }
}
