/// Runs a `PatternProgram` over lines as a lazily built DFA: each DFA state is the set of NFA
/// threads alive after some input, built on first use by following the NFA (every instruction
/// at most once) and then reused, so an ASCII character usually costs one table lookup. Once
/// `RouterLimits.faultPatternDFAStates` states exist, new sets are followed without being
/// kept, as a Pike VM would: the cost never exceeds (characters + 1) × (2 × instructions + 1)
/// steps, and a paste stops being matched after `RouterLimits.faultPatternStepsPerPaste`.
///
/// One matcher serves one paste (its cache lives as long as the paste); it is cheap to make.
struct PatternMatcher {
    private struct Threads {
        /// Consuming instructions (scalar or set) waiting for the next character.
        var waiting: [Int] = []
        /// `$` instructions reached: they pass only at the end of the line.
        var ends: [Int] = []
        var matched = false

        mutating func clear() {
            waiting.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
            matched = false
        }

        var key: [Int] { waiting + [-1] + ends + (matched ? [-2] : []) }
    }

    /// Where a line's scan is: a kept state, or the `loose` set, followed without being kept.
    private enum Position: Equatable {
        case kept(Int)
        case loose

        /// The kept state's index (only asked of kept positions).
        var id: Int {
            if case .kept(let id) = self { return id }
            return -1
        }
    }

    private let program: PatternProgram
    private var states: [Threads] = []
    private var lookup: [[Int]: Int] = [:]
    /// Next kept state by state and ASCII value (`state * 128 + value`); -1 when unknown.
    private var asciiNext: [Int] = []
    /// The set a closure just built, and the set a loose scan is at; reused to spare allocations.
    private var found = Threads()
    private var loose = Threads()
    private var marks: [Int]
    private var generation = 0
    private var stack: [Int] = []
    /// Instructions visited and characters read so far: the cost tests assert on.
    private(set) var steps = 0

    init(_ program: PatternProgram) {
        self.program = program
        marks = Array(repeating: 0, count: program.count)
    }

    /// Whether the pattern matches anywhere in `line`; nil, undecided, once the matcher has
    /// spent `RouterLimits.faultPatternStepsPerPaste` steps.
    mutating func matches(_ line: Substring) -> Bool? {
        guard steps <= RouterLimits.faultPatternStepsPerPaste else { return nil }
        stack.append(0)
        followEpsilons(atStart: true, atEnd: false)
        var position = keepFound()
        for scalar in line.unicodeScalars {
            if isMatched(position) { return true }
            if steps > RouterLimits.faultPatternStepsPerPaste { return nil }
            position = next(position, scalar.value)
        }
        if isMatched(position) { return true }
        let ends = position == .loose ? loose.ends : states[position.id].ends
        guard !ends.isEmpty else { return false }
        stack.append(contentsOf: ends.map { $0 + 1 })
        followEpsilons(atStart: line.isEmpty, atEnd: true)
        return found.matched
    }

    private func isMatched(_ position: Position) -> Bool {
        position == .loose ? loose.matched : states[position.id].matched
    }

    private mutating func next(_ position: Position, _ value: UInt32) -> Position {
        steps += 1
        if case .kept(let id) = position, value < 128, asciiNext[id * 128 + Int(value)] >= 0 {
            return .kept(asciiNext[id * 128 + Int(value)])
        }
        stack.append(0)   // A thread starts at every position: the `.*?` in front of a search.
        for pc in position == .loose ? loose.waiting : states[position.id].waiting where accepts(pc, value) {
            stack.append(pc + 1)
        }
        followEpsilons(atStart: false, atEnd: false)
        let target = keepFound()
        if case .kept(let from) = position, case .kept(let to) = target, value < 128 { asciiNext[from * 128 + Int(value)] = to }
        return target
    }

    private func accepts(_ pc: Int, _ value: UInt32) -> Bool {
        switch program.instructions[pc] {
        case .scalar(let expected): expected == value
        case .set(let set): program.sets[set].contains(value)
        default: false
        }
    }

    /// The kept state equal to `found`, kept now if there is room; once the cache is full,
    /// sets are not even looked up, which keeps the loose path as cheap as a Pike VM step.
    private mutating func keepFound() -> Position {
        guard states.count < RouterLimits.faultPatternDFAStates else {
            swap(&loose, &found)
            return .loose
        }
        found.waiting.sort()
        found.ends.sort()
        let key = found.key
        if let id = lookup[key] { return .kept(id) }
        states.append(found)
        asciiNext.append(contentsOf: repeatElement(-1, count: 128))
        lookup[key] = states.count - 1
        return .kept(states.count - 1)
    }

    /// Follows epsilon moves from the instructions on `stack` into `found`: the threads that
    /// wait for a character, the `$`s reached (followed only `atEnd`), whether `match` is reached.
    private mutating func followEpsilons(atStart: Bool, atEnd: Bool) {
        generation += 1
        found.clear()
        while let pc = stack.popLast() {
            guard marks[pc] != generation else { continue }
            marks[pc] = generation
            steps += 1
            switch program.instructions[pc] {
            case .jump(let target): stack.append(target)
            case .split(let first, let second): stack.append(second); stack.append(first)
            case .lineStart: if atStart { stack.append(pc + 1) }
            case .lineEnd: if atEnd { stack.append(pc + 1) } else { found.ends.append(pc) }
            case .match: found.matched = true
            case .scalar, .set: found.waiting.append(pc)
            }
        }
    }
}
