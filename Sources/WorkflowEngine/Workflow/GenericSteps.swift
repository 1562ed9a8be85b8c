import Foundation

/// "Start": the first step of every standard workflow.
public let startStep = step("Start") { _ in [:] }

/// "Done": completes the process.
public let doneStep = Step(name: "Done", kind: .done)

/// "Create Process Subscription relation": links the process to `subscription_id` (idempotent).
public let storeProcessSubscription = step("Create Process Subscription relation") { context in
    var update = StateUpdate()
    update.linkedSubscriptions.append(try context.subscriptionID())
    return update
}

/// "Set subscription to '<status>'": checks that subscriptions using this one allow the change,
/// sets start/end dates on the first move to active/terminated, and returns the model, whose
/// save checks the lifecycle requirements (a missing field fails the step, naming the field).
public func setStatus(_ status: Lifecycle) -> Step {
    step("Set subscription to '\(status.rawValue)'") { context in
        // The lifecycle check needs the blocks' types: from the engine's record of the last
        // typed save, or else by decoding the typed model.
        let stored = try context.storedSubscription()
        var subscription: any AnySubscription = stored.blocks == nil ? try context.core.decodeAny(stored.dump) : stored
        try context.core.checkStatusChange(of: subscription.info.subscriptionID, to: status)
        subscription.info.status = status
        if status == .active && subscription.info.startDate == nil { subscription.info.startDate = context.timestamp }
        if status == .terminated && subscription.info.endDate == nil { subscription.info.endDate = context.timestamp }
        return ["subscription": subscription]
    }
}

/// "Lock subscription": sets `insync` false, backing the model up under `__old_subscriptions__`;
/// fails if the subscription is already out of sync.
public let unsync = step("Lock subscription") { context in
    var subscription = try context.storedSubscription()
    let id = subscription.info.subscriptionID
    if !subscription.info.insync { throw DomainError.alreadyOutOfSync(subscriptionID: id) }
    var backups = context.state["__old_subscriptions__"]?.objectValue ?? [:]
    if backups[id] == nil { backups[id] = subscription.dump }
    subscription.info.insync = false
    return ["subscription": subscription, "__old_subscriptions__": JSON.object(backups)]
}

/// "Lock subscription" without the in-sync check and without a backup (the reference's
/// `unsync_unchecked`, used by validate workflows).
public let unsyncUnchecked = step("Lock subscription") { context in
    var subscription = try context.storedSubscription()
    subscription.info.insync = false
    return ["subscription": subscription]
}

/// "Unlock subscription": sets `insync` true.
public let resync = step("Unlock subscription") { context in
    var subscription = try context.storedSubscription()
    subscription.info.insync = true
    return ["subscription": subscription]
}

/// A step that waits for an external system: `name` runs `action` with `callback_route` and a
/// per-process token in the state; then "<name> - Await callback" parks the process
/// (`awaiting_callback`) until `Engine.postCallback(processID:token:result:)` stores the result
/// under `resultKey`; then "<name> - Validate" runs `validate`. With a timeout,
/// `Engine.expireCallbacks()` fails processes whose callback is overdue. Retrying a failed wait
/// or validation runs `name` again, with a new token.
public func callbackStep(_ name: String, resultKey: String = "callback_result", timeoutSeconds: Double? = nil,
                         action: @escaping Step.Body, validate: @escaping Step.Body) -> StepList {
    let start = step(name) { context in
        let token = context.newID()
        let route = "/api/processes/\(context.processID)/callback/\(token)"
        var update = try action(context.with(state: context.state.merging(["callback_route": .string(route)])))
        update.set("callback_route", route)
        update.set("__callback_token", token)
        return update
    }
    let wait = Step(name: "\(name) - Await callback", kind: .awaitCallback(resultKey: resultKey, timeoutSeconds: timeoutSeconds))
    return StepList { start; wait.retrying(from: 1); step("\(name) - Validate", validate).retrying(from: 2) }
}
