/// A fault pattern compiled to a Thompson NFA and run as a Pike VM: every instruction is
/// visited at most once per character, so a match costs at most (characters + 1) × program
/// size steps, whatever the pattern (no backtracking, so `^(a+)+$` is as cheap as `^a+$`).
struct PatternProgram: Sendable, Equatable {
    enum Instruction: Sendable, Equatable {
        case scalar(UInt32)
        case set(Int)
        case lineStart, lineEnd
        /// Try both targets (an NFA epsilon fork).
        case split(Int, Int)
        case jump(Int)
        case match
    }

    private(set) var instructions: [Instruction] = []
    private(set) var sets: [ScalarSet] = []

    /// Compiles `node`; fails once the program would exceed `limit` instructions, before
    /// building more of it (nested `{m,n}` multiply quickly).
    init(_ node: PatternNode, limit: Int) throws(PatternSyntaxError) {
        try emit(node, limit: limit)
        try append(.match, limit: limit)
    }

    var count: Int { instructions.count }

    private mutating func append(_ instruction: Instruction, limit: Int) throws(PatternSyntaxError) {
        guard instructions.count < limit else {
            throw .unsupported("the pattern compiles to more than \(limit) matcher instructions; use fewer or smaller {m,n} repetitions")
        }
        instructions.append(instruction)
    }

    private mutating func emit(_ node: PatternNode, limit: Int) throws(PatternSyntaxError) {
        switch node {
        case .scalar(let value): try append(.scalar(value), limit: limit)
        case .set(let set):
            if let existing = sets.firstIndex(of: set) { try append(.set(existing), limit: limit) } else {
                sets.append(set)
                try append(.set(sets.count - 1), limit: limit)
            }
        case .lineStart: try append(.lineStart, limit: limit)
        case .lineEnd: try append(.lineEnd, limit: limit)
        case .concat(let items): for item in items { try emit(item, limit: limit) }
        case .alternate(let branches):
            var exits: [Int] = []
            for (number, branch) in branches.enumerated() {
                if number < branches.count - 1 {
                    let fork = instructions.count
                    try append(.split(fork + 1, 0), limit: limit)
                    try emit(branch, limit: limit)
                    exits.append(instructions.count)
                    try append(.jump(0), limit: limit)
                    instructions[fork] = .split(fork + 1, instructions.count)
                } else {
                    try emit(branch, limit: limit)
                }
            }
            for exit in exits { instructions[exit] = .jump(instructions.count) }
        case .repetition(let body, let minimum, let maximum):
            for _ in 0..<minimum { try emit(body, limit: limit) }
            if let maximum {
                var forks: [Int] = []
                for _ in minimum..<maximum {
                    forks.append(instructions.count)
                    try append(.split(0, 0), limit: limit)
                    try emit(body, limit: limit)
                }
                for fork in forks { instructions[fork] = .split(fork + 1, instructions.count) }
            } else {
                let fork = instructions.count
                try append(.split(fork + 1, 0), limit: limit)
                try emit(body, limit: limit)
                try append(.jump(fork), limit: limit)
                instructions[fork] = .split(fork + 1, instructions.count)
            }
        }
    }

    /// Whether the pattern matches anywhere in `line` (a search, like `String.contains`), and
    /// how many instruction visits it took (the cost tests assert on).
    func search(_ line: some StringProtocol) -> (matched: Bool, steps: Int) {
        var runner = Runner(program: self)
        let scalars = line.unicodeScalars
        var position = scalars.startIndex
        while true {
            let atEnd = position == scalars.endIndex
            // A thread starts at every position: the implicit `.*?` in front of a search.
            if runner.add(0, atStart: position == scalars.startIndex, atEnd: atEnd) { return (true, runner.steps) }
            if atEnd { return (false, runner.steps) }
            let value = scalars[position].value
            position = scalars.index(after: position)
            if runner.step(value, atEnd: position == scalars.endIndex) { return (true, runner.steps) }
        }
    }
}

/// The Pike VM's two thread lists (program counters), de-duplicated by a generation mark.
private struct Runner {
    let program: PatternProgram
    var current: [Int] = []
    var next: [Int] = []
    var marks: [Int]
    var generation = 1
    var stack: [Int] = []
    var steps = 0

    init(program: PatternProgram) {
        self.program = program
        marks = Array(repeating: 0, count: program.count)
    }

    /// Follows epsilon moves from `pc` into `current`; true when it reaches `match`.
    mutating func add(_ pc: Int, atStart: Bool, atEnd: Bool) -> Bool {
        stack.append(pc)
        while let pc = stack.popLast() {
            guard marks[pc] != generation else { continue }
            marks[pc] = generation
            steps += 1
            switch program.instructions[pc] {
            case .jump(let target): stack.append(target)
            case .split(let first, let second): stack.append(second); stack.append(first)
            case .lineStart: if atStart { stack.append(pc + 1) }
            case .lineEnd: if atEnd { stack.append(pc + 1) }
            case .match: stack.removeAll(keepingCapacity: true); return true
            case .scalar, .set: current.append(pc)
            }
        }
        return false
    }

    /// Advances every thread over one scalar; the survivors become the next position's threads.
    mutating func step(_ value: UInt32, atEnd: Bool) -> Bool {
        swap(&current, &next)
        current.removeAll(keepingCapacity: true)
        generation += 1
        for pc in next {
            steps += 1
            let accepts: Bool
            switch program.instructions[pc] {
            case .scalar(let expected): accepts = expected == value
            case .set(let set): accepts = program.sets[set].contains(value)
            default: accepts = false
            }
            if accepts, add(pc + 1, atStart: false, atEnd: atEnd) { return true }
        }
        next.removeAll(keepingCapacity: true)
        return false
    }
}
