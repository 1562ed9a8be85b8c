enum NetBoxBenchmarks {
    static func run() throws {
        print("not written yet")
    }
}
