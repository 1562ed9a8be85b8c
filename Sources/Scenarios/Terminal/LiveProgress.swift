import Synchronization

/// Prints a line per scenario as results come in, always in suite order: a result that finishes
/// early waits until those before it are printed. On a terminal a transient line shows how many
/// are done meanwhile.
final class LiveProgress: Sendable {
    private struct State {
        var next = 0
        var done = 0
        var waiting: [Int: ScenarioResult] = [:]
        var transientShown = false
    }

    private let console: Console
    private let total: Int
    private let state = Mutex(State())

    init(console: Console, total: Int) {
        self.console = console
        self.total = total
    }

    func completed(_ index: Int, _ result: ScenarioResult) {
        state.withLock { state in
            state.waiting[index] = result
            state.done += 1
            if state.transientShown {
                console.write("\r\u{1B}[2K")
                state.transientShown = false
            }
            while let ready = state.waiting.removeValue(forKey: state.next) {
                state.next += 1
                console.line(line(position: state.next, ready))
            }
            if console.interactive, state.next < total {
                console.write(console.paint("[\(state.done)/\(total) done, waiting for \(state.next + 1)]", .dim))
                state.transientShown = true
            }
        }
    }

    private func line(position: Int, _ result: ScenarioResult) -> String {
        let width = String(total).count
        let counter = "[\(String(repeating: " ", count: width - String(position).count))\(position)/\(total)]"
        return "\(counter) \(ConsoleFormat.badge(result.status, console)) \(result.name)  "
            + console.paint("\(result.file)  \(ConsoleFormat.duration(result.durationSeconds))", .dim)
    }
}
