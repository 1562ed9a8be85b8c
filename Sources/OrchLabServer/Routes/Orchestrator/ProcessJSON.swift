import WorkflowEngine

/// orchestrator-core's ProcessSchema for one process: the engine's detail with the
/// subscriptions spelled out and the reference's extra fields.
extension ProcessDetail {
    func json(subscriptions summaries: [JSON]) -> JSON {
        let fields: [String: JSON] = [
            "process_id": .string(processID), "workflow_id": .string(workflowName), "workflow_name": .string(workflowName),
            "workflow_target": .string(workflowTarget.rawValue), "is_task": .bool(isTask), "created_by": .string(createdBy),
            "assignee": .string(assignee), "last_status": .string(lastStatus.rawValue),
            "last_step": lastStep.map(JSON.string) ?? .null, "failed_reason": failedReason.map(JSON.string) ?? .null,
            "traceback": traceback.map(JSON.string) ?? .null, "started_at": .string(startedAt),
            "last_modified_at": .string(lastModifiedAt), "note": .null,
            "current_state": currentState, "steps": .array(steps.map(\.json)), "form": form.map(Self.processForm) ?? .null,
        ]
        return JSON.object(fields.merging(ReferenceShapes.deprecatedProcessFields(fields)) { current, _ in current })
            .merging(.object(Self.subscriptionFields(summaries)))
    }

    /// 1.3.6 passes the form through its ProcessForm model, which always has `definitions`
    /// (null here: choices are inlined, see docs/server.md).
    static func processForm(_ form: JSON) -> JSON {
        guard case .object(var fields) = form else { return form }
        fields["definitions"] = fields["definitions"] ?? .null
        return .object(fields)
    }

    /// The fields that come from the process's subscriptions (which change after the process ends).
    static func subscriptionFields(_ summaries: [JSON]) -> [String: JSON] {
        ["subscriptions": .array(summaries), "product_id": summaries.first?["product_id"] ?? .null,
         "customer_id": summaries.first?["customer_id"] ?? .null]
            .merging(ReferenceShapes.deprecatedSubscriptionFields(summaries)) { current, _ in current }
    }
}

extension StepDetail {
    var json: JSON {
        ["step_id": stepID.map(JSON.string) ?? .null, "stepid": stepID.map(JSON.string) ?? .null, "commit_hash": .null,
         "name": .string(name), "status": .string(status.rawValue),
         "created_by": createdBy.map(JSON.string) ?? .null, "started": started.map(JSON.string) ?? .null,
         "completed": completed.map(JSON.string) ?? .null, "executed": completed.map(JSON.string) ?? .null,
         "state": state, "state_delta": stateDelta, "retries": .int(retries)]
    }
}
