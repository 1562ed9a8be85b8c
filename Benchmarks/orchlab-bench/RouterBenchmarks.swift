enum RouterBenchmarks {
    static func run() throws {
        print("not written yet")
    }
}
