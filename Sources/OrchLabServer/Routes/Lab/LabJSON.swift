import RouterSim
import WorkflowEngine

/// The lab API's JSON shapes for the fleet's types.
extension PortRef {
    var json: JSON { ["device": .string(device), "port": .string(port)] }
}

extension Duration {
    var milliseconds: Int { Int(components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000) }
}

extension LineResult {
    var json: JSON {
        var object: [String: JSON] = ["number": .int(number), "text": .string(text)]
        switch outcome {
        case .applied(let note):
            object["outcome"] = "applied"
            object["note"] = note.map(JSON.string) ?? .null
        case .comment: object["outcome"] = "comment"
        case .notExecuted: object["outcome"] = "not_executed"
        case .rejected(let error):
            object["outcome"] = "rejected"
            object["error"] = ["kind": .string(error.kind.rawValue), "column": error.column.map(JSON.int) ?? .null,
                               "message": .string(error.message)]
            object["transcript"] = transcript.map(JSON.string) ?? .null
        }
        return .object(object)
    }
}

extension PasteResult {
    var json: JSON {
        ["device": .string(device), "sequence": .int(sequence), "clean": .bool(isClean),
         "changed_config": .bool(changedConfig), "saved_startup": .bool(savedStartup), "diff": .string(diff),
         "delay_ms": .int(delay.milliseconds), "rejected": .int(rejectedLines.count), "lines": .array(lines.map(\.json))]
    }
}

extension HistoryEntry {
    var json: JSON {
        var object: [String: JSON] = ["sequence": .int(sequence), "time_ms": .int(time.milliseconds),
                                      "device": device.map(JSON.string) ?? .null, "actor": .string(actor)]
        switch event {
        case .paste(let lines, let results, let diff, let saved):
            object["event"] = "paste"
            object["lines"] = .array(lines.map(JSON.string))
            object["rejected"] = .array(results.filter(\.isRejected).map(\.json))
            object["diff"] = .string(diff)
            object["saved_startup"] = .bool(saved)
        case .refused(let lines, let error):
            object["event"] = "refused"
            object["lines"] = .array(lines.map(JSON.string))
            object["error"] = .string(error.description)
        case .reloaded(let diff):
            object["event"] = "reloaded"
            object["diff"] = .string(diff)
        case .faultChanged(_, let faults):
            object["event"] = "fault_changed"
            object["faults"] = faults.json
        case .linkChanged(let link, let up):
            object["event"] = "link_changed"
            object["link"] = ["a": link.a.json, "b": link.b.json]
            object["up"] = .bool(up)
        }
        return .object(object)
    }
}

extension Adjacency {
    var json: JSON {
        ["a": a.json.merging(["address": .string(aAddress.description), "metric": .int(Int(aMetric))]),
         "b": b.json.merging(["address": .string(bAddress.description), "metric": .int(Int(bMetric))]),
         "level": .string(level.rawValue), "point_to_point": .bool(pointToPoint)]
    }
}

extension NetworkPath {
    var json: JSON {
        ["devices": .array(devices.map(JSON.string)), "cost": .int(Int(cost)),
         "hops": .array(hops.map { ["from": $0.from.json, "to": $0.to.json, "metric": .int(Int($0.metric))] })]
    }
}

extension ReachabilityMatrix {
    var json: JSON {
        var rows: [String: JSON] = [:]
        for device in devices {
            var row: [String: JSON] = [:]
            for loopback in loopbacks {
                row[loopback.device] = .bool(isReachable(from: device, to: loopback.address) ?? false)
            }
            rows[device] = .object(row)
        }
        return ["devices": .array(devices.map(JSON.string)), "fully_reachable": .bool(isFullyReachable),
                "loopbacks": .array(loopbacks.map { ["device": .string($0.device), "interface": .string($0.interface),
                                                      "address": .string($0.address.description)] }),
                "reachable": .object(rows),
                "unreachable_pairs": .array(unreachablePairs.map { ["from": .string($0.from), "to": .string($0.to.device),
                                                                    "address": .string($0.to.address.description)] })]
    }
}

extension LabFault {
    var json: JSON { JSON.object(["id": .int(id)]).merging(kind.json) }
}
