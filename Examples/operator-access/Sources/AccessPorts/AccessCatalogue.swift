import Catalogues
import WorkflowEngine

/// The CustomerAccess product with its workflows, registered under `name` (what scenario files
/// write as `workflows:`).
public func accessCatalogue(name: String = "access") -> Catalogue {
    Catalogue(name: name, summary: "customer access ports on PE routers", products: [AccessProduct.product]) { lab in
        let services = AccessServices(lab)
        return [
            CreateCustomerAccess.workflow(services),
            ModifyCustomerAccess.workflow(services),
            TerminateCustomerAccess.workflow(services),
            ValidateCustomerAccess.workflow(services),
        ]
    }
}
