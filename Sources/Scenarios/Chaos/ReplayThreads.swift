import Dispatch
import Foundation
import Synchronization

/// Runs a scenario's chaos replays on every core. `DispatchQueue.concurrentPerform` would not:
/// inside the runner's own `concurrentPerform` (one worker per core) GCD runs a nested one
/// serially, so the suite's longest scenario replayed all its faults on one core while the
/// other cores, done with the shorter scenarios, sat idle.
enum ReplayThreads {
    /// Calls `body` once for each index in `0..<count`, on the calling thread and `threads - 1`
    /// threads of its own, and returns when every call has.
    static func forEach(_ count: Int, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                        _ body: @escaping @Sendable (Int) -> Void) {
        let next = Atomic(0)
        let work: @Sendable () -> Void = {
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                body(index)
            }
        }
        let done = DispatchGroup()
        for _ in 1..<max(1, min(threads, count)) {
            done.enter()
            let thread = Thread {
                work()
                done.leave()
            }
            // As deep as the runner's threads: workflows and JSON recurse.
            thread.stackSize = 8 << 20
            thread.start()
        }
        work()
        done.wait()
    }
}
