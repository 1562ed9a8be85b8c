/// Why a workflow may not start on a subscription now (the reference's reason codes).
public enum StartBlocker: String, Codable, Sendable {
    case notFound = "subscription.not_found"
    case notValidForProduct = "subscription.workflow_not_valid"
    case notInSync = "subscription.not_in_sync"
    case relationsNotInSync = "subscription.relations_not_in_sync"
    case invalidStatus = "subscription.no_modify_invalid_status"
    case inUseByOthers = "subscription.no_modify_subscription_in_use_by_others"
    /// Another unfinished process works on the subscription (checked in the start transaction,
    /// so two concurrent starts cannot both pass).
    case processRunning = "subscription.process_running"

    public var text: String {
        switch self {
        case .notFound: "Subscription not found"
        case .notValidForProduct: "This workflow is not valid for this subscription"
        case .notInSync: "Subscription already has a running process or task"
        case .relationsNotInSync: "Related subscriptions are not in sync"
        case .invalidStatus: "Subscription has a status in which this workflow cannot run"
        case .inUseByOthers: "Subscription is in use by other subscriptions that are not terminated"
        case .processRunning: "Another process on this subscription has not finished"
        }
    }
}

extension EngineCore {
    /// The first reason `workflow` cannot start on `subscriptionID`, or nil.
    func startBlocker(_ workflow: Workflow, subscriptionID: String, processID: String?) throws -> StartBlocker? {
        guard let summary = try subscriptions.summary(subscriptionID) else { return .notFound }
        guard let product = try products.product(id: summary.productID), product.workflows.contains(workflow.name) else {
            return .notValidForProduct
        }
        if workflow.isTask { return nil }
        if !summary.insync { return .notInSync }
        let users = try subscriptions.users(of: subscriptionID)
        let related = users + (try subscriptions.dependencies(of: subscriptionID))
        if related.contains(where: { !$0.insync }) { return .relationsNotInSync }
        if !workflow.startStatuses.contains(summary.status) { return .invalidStatus }
        if workflow.target == .terminate && users.contains(where: { $0.status != .terminated }) { return .inUseByOthers }
        if let processID, !(try processes.unfinishedProcesses(on: subscriptionID, excluding: processID)).isEmpty {
            return .processRunning
        }
        return nil
    }

    /// The form a start replays: the standard first page for the workflow's target, then the
    /// workflow's own pages. A workflow with no pages at all still shows one empty page, so
    /// starting it means posting `[{}]` (as in the reference).
    func startForm(for workflow: Workflow) -> Form {
        let standard: Form?
        if workflow.target == .create {
            standard = productPage(workflow)
        } else if workflow.isTask {
            standard = nil
        } else {
            standard = subscriptionPage(workflow)
        }
        guard let standard else { return workflow.initialForm ?? Form.pages(FormPage(title: "Start \(workflow.name)", fields: [])) }
        return standard.followed(by: workflow.initialForm)
    }

    private func productPage(_ workflow: Workflow) -> Form {
        Form { [self] form in
            let answers = try form.page("Select product") {
                FormField.string("product").validated { value in
                    guard let reference = value.stringValue,
                          let entry = try? self.registeredProduct(reference: reference) else {
                        throw FieldError("Product not found")
                    }
                    guard entry.info.workflows.contains(workflow.name) else {
                        throw FieldError("This workflow is not valid for this product")
                    }
                }
            }
            let entry = try registeredProduct(reference: answers.string("product"))
            return ["product": .string(entry.info.snapshot.productID), "product_name": .string(entry.info.snapshot.name)]
        }
    }

    private func subscriptionPage(_ workflow: Workflow) -> Form {
        Form { [self] form in
            let answers = try form.page("Select subscription") {
                FormField.string("subscription_id").validated { value in
                    let id = value.stringValue ?? ""
                    if let blocker = try self.startBlocker(workflow, subscriptionID: id, processID: nil) {
                        switch blocker {
                        case .notFound, .notValidForProduct: throw FieldError(blocker.text)
                        default: throw FieldError("This workflow cannot be started: \(blocker.text)")
                        }
                    }
                }
                FormField.int("version").optional()
            }
            let id = try answers.string("subscription_id")
            guard let summary = try subscriptions.summary(id) else { throw EngineError.unknownSubscription(id) }
            if let version = try answers.optionalInt("version"), version != summary.version {
                throw FormError.invalid(page: "Select subscription", errors: [ValidationError(
                    loc: ["version"], msg: "Stale data: subscription is at version \(summary.version), not \(version)",
                    type: "stale_data", input: .int(version))])
            }
            return ["subscription_id": .string(id), "product": .string(summary.productID),
                    "customer_id": .string(summary.customerID), "version": .int(summary.version)]
        }
    }
}
