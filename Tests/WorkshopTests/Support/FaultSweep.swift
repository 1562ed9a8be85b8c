import Catalogues
import WorkshopReference
import NetBoxSim
import Testing
import WorkflowEngine
@testable import Workshop

/// Everything NetBox holds that a workflow could leak or duplicate.
struct NetBoxSnapshot: Equatable {
    let devices: [Device]
    let interfaces: [Interface]
    let prefixes: [Prefix]
    let addresses: [IPAddress]
    let cables: [Cable]

    init(_ netbox: NetBox) throws {
        devices = try netbox.devices(["limit": "0"]).results
        interfaces = try netbox.interfaces(["limit": "0"]).results
        prefixes = try netbox.prefixes(["limit": "0"]).results
        addresses = try netbox.ipAddresses(["limit": "0"]).results
        // The owning process's id differs when a failed start had to be posted again.
        cables = try netbox.cables(["limit": "0"]).results.map { cable in
            var cable = cable
            if cable.description.hasPrefix("create_circuit process ") { cable.description = "create_circuit process <id>" }
            return cable
        }
    }

    /// Objects only one of the two snapshots has (or has in another form), for messages.
    func differences(from other: NetBoxSnapshot) -> [String] {
        func diff<T: Equatable>(_ kind: String, _ mine: [T], _ theirs: [T]) -> [String] {
            mine.filter { !theirs.contains($0) }.map { "extra \(kind): \($0)" }
                + theirs.filter { !mine.contains($0) }.map { "missing \(kind): \($0)" }
        }
        return diff("device", devices, other.devices) + diff("interface", interfaces, other.interfaces)
            + diff("prefix", prefixes, other.prefixes) + diff("address", addresses, other.addresses)
            + diff("cable", cables, other.cables)
    }
}

/// Runs a workflow once cleanly, then once per NetBox call it makes with that call failing
/// (`fault`), retrying the failed step until the process completes, and checks that NetBox ends
/// exactly as after the clean run: no second cable, prefix or address, nothing left behind.
struct FaultSweep: Sendable {
    /// Prepares a fresh harness (e.g. creates nodes) and returns the workflow's start pages.
    let setup: @Sendable (WorkshopHarness) throws -> [JSON]
    let workflow: String

    struct Case: CustomStringConvertible {
        let operation: NetBoxOperation
        let call: Int
        let fault: NetBoxFault
        var description: String { "\(operation.rawValue) call \(call) failing with \(fault)" }
    }

    /// The calls the workflow makes, per operation, and NetBox after a clean run.
    func cleanRun() throws -> (calls: [NetBoxOperation: Int], snapshot: NetBoxSnapshot) {
        let harness = try WorkshopHarness()
        let inputs = try setup(harness)
        let before = counts(harness.faults)
        try harness.expectCompleted(try harness.run(workflow, inputs))
        var calls: [NetBoxOperation: Int] = [:]
        for (operation, count) in counts(harness.faults) where count > before[operation, default: 0] {
            calls[operation] = count - before[operation, default: 0]
        }
        return (calls, try NetBoxSnapshot(harness.netbox))
    }

    func cases(_ calls: [NetBoxOperation: Int], faults: [NetBoxFault]) -> [Case] {
        calls.keys.sorted { $0.rawValue < $1.rawValue }.flatMap { operation in
            (1...calls[operation]!).flatMap { call in faults.map { Case(operation: operation, call: call, fault: $0) } }
        }
    }

    /// Runs one case; returns NetBox afterwards and how many times a step was retried.
    func run(_ sweepCase: Case) throws -> (snapshot: NetBoxSnapshot, retries: Int, fired: Int) {
        let harness = try WorkshopHarness()
        let inputs = try setup(harness)
        let offset = harness.faults.callCount(sweepCase.operation)
        harness.faults.inject(sweepCase.fault, on: sweepCase.operation, call: offset + sweepCase.call)
        var retries = 0
        var outcome = try startRetryingForm(harness, inputs)
        while outcome.status != .completed {
            switch outcome.status {
            case .suspended: outcome = try harness.engineer.confirm(outcome.processID, on: harness.engine)
            case .failed where retries < 3:
                retries += 1
                outcome = try harness.engine.retry(outcome.processID)
            default: try harness.expectCompleted(outcome)
            }
        }
        return (try NetBoxSnapshot(harness.netbox), retries, harness.faults.events.count)
    }

    /// A failing call inside the start form (a choice list) rejects the start; a client posts again.
    private func startRetryingForm(_ harness: WorkshopHarness, _ inputs: [JSON]) throws -> ProcessOutcome {
        do {
            return try harness.engine.start(workflow, inputs: inputs)
        } catch is NetBoxClientError {
            return try harness.engine.start(workflow, inputs: inputs)
        }
    }

    private func counts(_ faults: FaultInjector) -> [NetBoxOperation: Int] {
        Dictionary(uniqueKeysWithValues: NetBoxOperation.allCases.map { ($0, faults.callCount($0)) })
    }
}
