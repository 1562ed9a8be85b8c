/// The workshop's three exercises, each solved by one part of the reference.
public enum WorkshopExercise: String, CaseIterable, Sendable, Codable {
    /// create_node sets the NetBox device from planned to active after provisioning.
    case deviceStatusUpdate = "device-status-update"
    /// create_node refuses a device that already has a live Node subscription.
    case enrolmentCheck = "enrolment-check"
    /// modify_circuit updates the model and shows both endpoint configs with the new metric.
    case modifyCircuit = "modify-circuit"
}
