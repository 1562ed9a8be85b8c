import RouterSim
import WorkflowEngine

/// A fault injected through `POST /lab/faults`, kept until `DELETE /lab/faults/{id}`.
struct LabFault: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// Device faults; several on one device add up.
        case device(String, DeviceFaults)
        /// The link plugged into this port is down.
        case linkDown(PortRef)
    }

    let id: Int
    let kind: Kind
}

extension LabFault.Kind {
    /// Reads `{"device": D, "unreachable"?, "rejects_config"?, "delay_ms"?, "rejected_line_patterns"?}`
    /// or `{"link_down": {"device": D, "port": P}}`; the error names the field that is wrong.
    init(json: JSON) throws(LabRequestError) {
        guard let object = json.objectValue else { throw LabRequestError("the body must be a JSON object, not \(json.typeName)") }
        if let link = object["link_down"] {
            guard let device = link["device"]?.stringValue, let port = link["port"]?.stringValue else {
                throw LabRequestError("link_down needs string fields 'device' and 'port'")
            }
            self = .linkDown(PortRef(device: device, port: port))
            return
        }
        let known: Set<String> = ["device", "unreachable", "rejects_config", "delay_ms", "rejected_line_patterns"]
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw LabRequestError("unknown field '\(unknown)' (expected \(known.sorted().joined(separator: ", ")) or link_down)")
        }
        guard let device = object["device"]?.stringValue else { throw LabRequestError("'device' must be a string") }
        var faults = DeviceFaults()
        func flag(_ key: String) throws(LabRequestError) -> Bool {
            guard let value = object[key] else { return false }
            guard let bool = value.boolValue else { throw LabRequestError("'\(key)' must be a boolean") }
            return bool
        }
        faults.unreachable = try flag("unreachable")
        faults.rejectsConfig = try flag("rejects_config")
        if let delay = object["delay_ms"] {
            guard let ms = delay.intValue, (0...3_600_000).contains(ms) else {
                throw LabRequestError("'delay_ms' must be an integer from 0 to 3600000")
            }
            faults.delay = .milliseconds(ms)
        }
        if let patterns = object["rejected_line_patterns"] {
            guard let list = patterns.arrayValue?.compactMap(\.stringValue), list.count == patterns.arrayValue?.count else {
                throw LabRequestError("'rejected_line_patterns' must be a list of strings")
            }
            faults.rejectedLinePatterns = list
            do { try faults.checkPatterns() } catch { throw LabRequestError("'rejected_line_patterns': \(error)") }
        }
        guard faults != .none else { throw LabRequestError("the fault changes nothing: set unreachable, rejects_config, delay_ms or rejected_line_patterns") }
        self = .device(device, faults)
    }

    var json: JSON {
        switch self {
        case .device(let name, let faults): JSON.object(["device": .string(name)]).merging(faults.json)
        case .linkDown(let port): ["link_down": ["device": .string(port.device), "port": .string(port.port)]]
        }
    }
}

extension DeviceFaults {
    var json: JSON {
        ["unreachable": .bool(unreachable), "rejects_config": .bool(rejectsConfig),
         "delay_ms": .int(delay.milliseconds),
         "rejected_line_patterns": .array(rejectedLinePatterns.map(JSON.string))]
    }

    /// Several faults on one device: any flag set wins, delays add, patterns accumulate.
    func combined(with other: DeviceFaults) -> DeviceFaults {
        DeviceFaults(unreachable: unreachable || other.unreachable, rejectsConfig: rejectsConfig || other.rejectsConfig,
                     delay: delay + other.delay, rejectedLinePatterns: rejectedLinePatterns + other.rejectedLinePatterns)
    }
}

extension JSON {
    /// The object's fields with `other`'s added (other wins on a clash); non-objects stay as they are.
    func merging(_ other: JSON) -> JSON {
        guard case .object(let mine) = self, case .object(let theirs) = other else { return self }
        return .object(mine.merging(theirs) { _, new in new })
    }
}

/// A lab request the server cannot act on; the message says what to fix.
struct LabRequestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
