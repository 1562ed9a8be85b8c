import Synchronization
import WorkflowEngine

/// `GET /api/processes/{pid}` answers. A completed or aborted process never changes again, so
/// its rendered steps and state are kept as text and only its subscriptions (whose status and
/// insync do change) are read afresh: clients poll finished processes, and re-parsing every
/// step's state on each poll was most of the cost.
final class ProcessDetailCache: Sendable {
    private struct Entry {
        /// The serialized detail without its subscription fields, minus the closing brace.
        let openText: String
        let subscriptionIDs: [String]
    }

    private struct State {
        var entries: [String: Entry] = [:]
        /// Bumped by every `forget`: a detail read before a deletion is not cached after it.
        var generation = 0
    }

    private let state = Mutex(State())
    private let capacity = 512
    let engine: Engine

    init(engine: Engine) {
        self.engine = engine
    }

    func reply(_ processID: String) async throws -> Reply {
        let (cached, generation) = state.withLock { ($0.entries[processID], $0.generation) }
        if let entry = cached {
            return Self.reply(entry, subscriptions: try engine.subscriptionList(ids: entry.subscriptionIDs))
        }
        return try await offload {
            let detail = try self.engine.process(processID)
            let subscriptions = try self.engine.subscriptionList(ids: detail.subscriptions)
            guard detail.lastStatus == .completed || detail.lastStatus == .aborted else {
                return .json(detail.json(subscriptions: subscriptions))
            }
            let text = detail.json(subscriptions: []).removingSubscriptionFields.serialized()
            let entry = Entry(openText: String(text.dropLast()), subscriptionIDs: detail.subscriptions)
            self.state.withLock { state in
                guard state.generation == generation else { return }
                if state.entries.count >= self.capacity { state.entries.removeAll(keepingCapacity: true) }
                state.entries[processID] = entry
            }
            return Self.reply(entry, subscriptions: subscriptions)
        }
    }

    /// Drops deleted processes, whose cached answers would otherwise outlive them.
    func forget(_ processIDs: [String]) {
        state.withLock { state in
            state.generation += 1
            for id in processIDs { state.entries[id] = nil }
        }
    }

    private static func reply(_ entry: Entry, subscriptions: [JSON]) -> Reply {
        let fresh = JSON.object(ProcessDetail.subscriptionFields(subscriptions)).serialized()
        return Reply(status: .ok, contentType: "application/json", body: entry.openText + "," + fresh.dropFirst())
    }
}

private extension JSON {
    var removingSubscriptionFields: JSON {
        guard case .object(var fields) = self else { return self }
        for key in ProcessDetail.subscriptionFields([]).keys { fields[key] = nil }
        return .object(fields)
    }
}
