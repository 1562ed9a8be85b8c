/// create = Start ▸ steps ▸ Set subscription to '<status>' ▸ Unlock subscription ▸ Done.
/// The steps must construct the model and return it as `subscription` (see `StepContext.newSubscription`).
public func createWorkflow(_ name: String, _ description: String, status: Lifecycle = .active,
                           initialForm: Form? = nil, cleanup: StepList = [],
                           @StepListBuilder steps: () -> StepList) -> Workflow {
    Workflow(name: name, description: description, target: .create, initialForm: initialForm, cleanup: cleanup,
             steps: StepList { startStep; steps(); setStatus(status); resync; doneStep })
}

/// modify = Start ▸ Create Process Subscription relation ▸ Lock subscription ▸ steps ▸ Unlock subscription ▸ Done.
public func modifyWorkflow(_ name: String, _ description: String, initialForm: Form? = nil, cleanup: StepList = [],
                           usableStatuses: Set<Lifecycle>? = nil,
                           @StepListBuilder steps: () -> StepList) -> Workflow {
    Workflow(name: name, description: description, target: .modify, initialForm: initialForm, cleanup: cleanup,
             usableStatuses: usableStatuses,
             steps: StepList { startStep; storeProcessSubscription; unsync; steps(); resync; doneStep })
}

/// terminate = Start ▸ Create Process Subscription relation ▸ Lock subscription ▸ steps ▸
/// Set subscription to 'terminated' ▸ Unlock subscription ▸ Done.
public func terminateWorkflow(_ name: String, _ description: String, initialForm: Form? = nil,
                              cleanup: StepList = [], @StepListBuilder steps: () -> StepList) -> Workflow {
    Workflow(name: name, description: description, target: .terminate, initialForm: initialForm, cleanup: cleanup,
             steps: StepList { startStep; storeProcessSubscription; unsync; steps(); setStatus(.terminated); resync; doneStep })
}

/// validate = Start ▸ Create Process Subscription relation ▸ Lock subscription (unchecked) ▸ steps ▸
/// Unlock subscription ▸ Done.
public func validateWorkflow(_ name: String, _ description: String, initialForm: Form? = nil,
                             @StepListBuilder steps: () -> StepList) -> Workflow {
    Workflow(name: name, description: description, target: .validate, initialForm: initialForm,
             steps: StepList { startStep; storeProcessSubscription; unsyncUnchecked; steps(); resync; doneStep })
}
