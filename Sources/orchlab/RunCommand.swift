import ArgumentParser

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run OrchLab's main job.")
    func run() async throws {
        print("orchlab run: nothing to run yet")
    }
}
