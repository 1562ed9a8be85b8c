enum TopologyBenchmarks {
    static func run() throws {
        print("not written yet")
    }
}
