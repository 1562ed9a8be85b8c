// Benchmarks are added per module; run with `swift run -c release orchlab-bench`.
print("no benchmarks yet")
