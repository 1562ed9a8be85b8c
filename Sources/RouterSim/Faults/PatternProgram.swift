/// A fault pattern compiled to a Thompson NFA (`PatternMatcher` runs it). There is no
/// backtracking, so `^(a+)+$` costs what `^a+$` costs.
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
}
