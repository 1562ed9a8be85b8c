import Foundation

/// The class's grades as one table: a row per participant, a column per check (every check any
/// graded submission reported, in first-seen order), build failures shown as such.
struct ClassTable {
    let grades: [SubmissionGrade]

    var checks: [(name: String, maxScore: Double)] {
        var seen: [String] = [], maxima: [String: Double] = [:]
        for grade in grades {
            guard case .graded(let results) = grade.outcome else { continue }
            for test in results.tests where maxima[test.name] == nil {
                seen.append(test.name)
                maxima[test.name] = test.maxScore
            }
        }
        return seen.map { ($0, maxima[$0] ?? 0) }
    }

    private func cells(_ grade: SubmissionGrade) -> (status: String, total: String, checks: [String]) {
        switch grade.outcome {
        case .graded(let results):
            let scores = Dictionary(results.tests.map { ($0.name, $0.score) }, uniquingKeysWith: { a, _ in a })
            return ("graded", Self.points(results.score), checks.map { scores[$0.name].map(Self.points) ?? "" })
        case .buildFailed(let detail): return ("build failed: " + detail, "0", checks.map { _ in "build failed" })
        case .gradingFailed(let detail): return ("grading failed: " + detail, "0", checks.map { _ in "not graded" })
        case .refused(let reason): return ("refused: " + reason, "0", checks.map { _ in "not graded" })
        }
    }

    func csv() -> String {
        let maximum = checks.reduce(0) { $0 + $1.maxScore }
        var rows = [["participant", "status", "total (of \(Self.points(maximum)))", "seconds"]
            + checks.map { "\($0.name) (\(Self.points($0.maxScore)))" }]
        for grade in grades {
            let (status, total, checkCells) = cells(grade)
            rows.append([grade.participant, status, total, String(format: "%.1f", grade.seconds)] + checkCells)
        }
        return rows.map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    func html() -> String {
        let head = (["participant", "status", "total", "seconds"] + checks.map { "\($0.name) (\(Self.points($0.maxScore)))" })
            .map { "<th>\(Self.escape($0))</th>" }.joined()
        let body = grades.map { grade -> String in
            let (status, total, checkCells) = cells(grade)
            let failed = !status.hasPrefix("graded")
            let row = [grade.participant, status, total, String(format: "%.1f", grade.seconds)] + checkCells
            return "<tr\(failed ? " class=\"failed\"" : "")>" + row.map { "<td>\(Self.escape($0))</td>" }.joined() + "</tr>"
        }.joined(separator: "\n")
        return """
            <!doctype html>
            <html><head><meta charset="utf-8"><title>Workshop grades</title>
            <style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;\
            vertical-align:top;white-space:pre-wrap}tr.failed td{background:#fde8e8}</style></head>
            <body><h1>Workshop grades</h1><table><thead><tr>\(head)</tr></thead><tbody>
            \(body)
            </tbody></table></body></html>

            """
    }

    static func points(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    static func csvField(_ text: String) -> String {
        text.contains(where: { ",\"\n".contains($0) }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
