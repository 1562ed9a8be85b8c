import Catalogues
import WorkflowEngine
import Workshop

/// The workshop's Node and Circuit products with these workflows, as `orchlab` registers them
/// under `name` (what scenario and exercise files write as `workflows:`).
public func workshopCatalogue(name: String = "workshop", metricPlacement: MetricPlacement = .perInterface) -> Catalogue {
    Catalogue(name: name, summary: "the workshop's Node and Circuit workflows",
              products: [WorkshopProducts.node, WorkshopProducts.circuit]) { lab in
        let services = WorkshopServices(lab, metricPlacement: metricPlacement)
        return [
            CreateNode.workflow(services),
            TerminateNode.workflow(services),
            ValidateNode.workflow(services),
            CreateCircuit.workflow(services),
            ModifyCircuit.workflow(services),
            TerminateCircuit.workflow(services),
            ValidateCircuit.workflow(services),
        ]
    }
}
