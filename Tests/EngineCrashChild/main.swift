// Runs create workflows on a file database and kills itself with SIGKILL at the Nth database
// statement, so the crash test can check that reopening and resuming loses and repeats nothing.
//
//   engine-crash-child steps                      prints the workflow's step names (JSON list)
//   engine-crash-child run DB KILL_AT TARGET      runs until TARGET processes completed; KILL_AT 0 = never
import Foundation
import SQLite
import WorkflowEngine

struct CounterBlock: ProductBlockModel {
    static let blockName = "Counter"
    static let requirements: [String: Required] = ["name": .fromProvisioning, "total": .whenActive]
    var name: String?
    var total: Int?
}

struct CounterModel: ProductModel {
    var counter = Block<CounterBlock>()
}

/// An "external system" writing through its own connection while steps run, as NetBox will.
final class ExternalSystem: Sendable {
    let database: Database
    init(path: String) throws {
        database = try Database(path: path)
        try database.execute("CREATE TABLE IF NOT EXISTS external_calls (process_id TEXT NOT NULL, step TEXT NOT NULL)")
    }
    func record(_ processID: String, _ step: String) throws {
        try database.run("INSERT INTO external_calls (process_id, step) VALUES (?, ?)", [.text(processID), .text(step)])
    }
}

func makeWorkflow(external: ExternalSystem?) -> Workflow {
    let addSteps = (1...4).map { index in
        step("Add \(index)") { context in
            try external?.record(context.processID, context.stepName)
            var subscription = try context.subscription(CounterModel.self)
            subscription.counter.total = (subscription.counter.total ?? 0) + index
            return ["subscription": subscription, "added_\(index)": index]
        }
    }
    let form = Form { form in try form.page("Counter") { FormField.string("name") }.values }
    return createWorkflow("create_counter", "Create counter", initialForm: form) {
        step("Construct counter") { context in
            var subscription = try context.newSubscription(CounterModel.self, customerID: "crash")
            subscription.counter.name = try context.state.string("name")
            return ["subscription": subscription, "subscription_id": subscription.subscriptionID]
        }
        storeProcessSubscription
        setStatus(.provisioning)
        for add in addSteps { add }
        inputStep("Confirm") { form in try form.page("Confirm") { FormField.accept("confirm") }.values }
        step("Call external system") { context in
            try external?.record(context.processID, context.stepName)
            return ["called": true]
        }
    }
}

let product = Product(name: "counter", description: "Crash-test counter", type: "Counter", tag: "COUNTER",
                      workflows: ["create_counter"], model: CounterModel.self)

let arguments = CommandLine.arguments
if arguments.count == 2 && arguments[1] == "steps" {
    print(JSON.array(makeWorkflow(external: nil).steps.names.map(JSON.string)).serialized())
    exit(0)
}
guard arguments.count == 5, arguments[1] == "run", let killAt = Int(arguments[3]), let target = Int(arguments[4]) else {
    FileHandle.standardError.write(Data("usage: engine-crash-child steps | run DB KILL_AT TARGET\n".utf8))
    exit(2)
}

final class StatementCounter: @unchecked Sendable {
    var count = 0
}

do {
    let database = try Database(path: arguments[2])
    let external = try ExternalSystem(path: arguments[2])
    let counter = StatementCounter()
    if killAt > 0 {
        let observer: @Sendable (String) -> Void = { _ in
            counter.count += 1
            if counter.count == killAt { kill(getpid(), SIGKILL) }
        }
        database.statementObserver = observer
        external.database.statementObserver = observer
    }
    let engine = try Engine(store: EngineStore(database: database), ids: .random())
    try engine.register(makeWorkflow(external: external))
    let productID = try engine.register(product).snapshot.productID
    try engine.recoverInterrupted()
    for process in try engine.processes(status: [.suspended]) {
        try engine.resume(process.processID, inputs: [["confirm": "ACCEPTED"]])
    }
    while try engine.processes().count < target {
        let started = try engine.start("create_counter", inputs: [["product": .string(productID)], ["name": "c"]])
        if started.status == .suspended {
            try engine.resume(started.processID, inputs: [["confirm": "ACCEPTED"]])
        }
    }
    exit(0)
} catch {
    FileHandle.standardError.write(Data("engine-crash-child: \(error)\n".utf8))
    exit(1)
}
