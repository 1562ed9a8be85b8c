import Catalogues
import WorkflowEngine
import Workshop
import WorkshopStarter

/// The instructor's catalogues: the workshop kit's workflows with the exercises solved. Not a
/// product of the package: participants depend on OrchLab and must not reach the solutions.
public enum WorkshopReference {
    /// The kit as handed out, registered as `starter`.
    public static func starter(metricPlacement: MetricPlacement = .perInterface) -> Catalogue {
        workshopCatalogue(name: "starter", metricPlacement: metricPlacement)
    }

    /// The kit with `solving` solved (all three by default), registered as `name`.
    public static func catalogue(name: String = "reference", solving: Set<WorkshopExercise> = Set(WorkshopExercise.allCases),
                                 metricPlacement: MetricPlacement = .perInterface) -> Catalogue {
        let kit = workshopCatalogue(name: name, metricPlacement: metricPlacement)
        return Catalogue(name: name, summary: "the workshop's workflows with exercises solved", products: kit.products,
                         engineer: kit.engineer) { lab in
            let services = WorkshopServices(lab, metricPlacement: metricPlacement)
            var solved: [String: Workflow] = [:]
            if !solving.isDisjoint(with: [.deviceStatusUpdate, .enrolmentCheck]) {
                solved[WorkflowName.createNode] = CreateNode.workflow(services, activatesDevice: solving.contains(.deviceStatusUpdate),
                                                                      checksEnrolment: solving.contains(.enrolmentCheck))
            }
            if solving.contains(.modifyCircuit) { solved[WorkflowName.modifyCircuit] = ModifyCircuit.workflow(services) }
            return kit.workflows(lab).map { solved[$0.name] ?? $0 }
        }
    }

    /// `reference` then `starter`: what the `orchlab` executable of this repository offers.
    public static var catalogues: [Catalogue] { [catalogue(), starter()] }
}
