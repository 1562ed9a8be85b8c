enum EngineBenchmarks {
    static func run() throws {
        print("not written yet")
    }
}
