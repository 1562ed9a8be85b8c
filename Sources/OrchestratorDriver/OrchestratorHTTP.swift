import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import OrchLabJSON

/// A blocking JSON client for one orchestrator's REST API. Scenario plays are synchronous and
/// run one at a time against an external orchestrator, so each call waits for its answer.
final class OrchestratorHTTP: Sendable {
    let base: URL
    private let token: String?
    private let session: URLSession

    init(base: URL, token: String?, requestTimeout: Double) {
        self.base = base
        self.token = token
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = requestTimeout
        configuration.timeoutIntervalForResource = requestTimeout
        session = URLSession(configuration: configuration)
    }

    struct Answer {
        let status: Int
        let body: JSON?
        let text: String
    }

    /// Sends `method path` with an optional JSON body and returns the status and parsed body.
    func call(_ method: String, _ path: String, body: JSON? = nil) throws -> Answer {
        guard let url = URL(string: base.absoluteString.trimmingSuffix("/") + path) else {
            throw OrchestratorCallError(method: method, path: path, problem: "is not a valid URL")
        }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.httpBody = Data(body.serialized().utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outcome: Result<(Data, HTTPURLResponse), any Error>?
        session.dataTask(with: request) { data, response, error in
            if let error {
                outcome = .failure(error)
            } else if let response = response as? HTTPURLResponse {
                outcome = .success((data ?? Data(), response))
            }
            done.signal()
        }.resume()
        done.wait()
        switch outcome {
        case .failure(let error)?:
            throw OrchestratorCallError(method: method, path: path, problem: "failed: \(error.localizedDescription)")
        case nil:
            throw OrchestratorCallError(method: method, path: path, problem: "got no HTTP answer")
        case .success(let (data, response))?:
            guard data.count <= RESTOrchestratorLimits.maxResponseBytes else {
                throw OrchestratorCallError(method: method, path: path,
                                            problem: "answered \(data.count) bytes; at most \(RESTOrchestratorLimits.maxResponseBytes) are read")
            }
            let text = String(decoding: data, as: UTF8.self)
            return Answer(status: response.statusCode, body: data.isEmpty ? nil : try? JSON.parse(text), text: text)
        }
    }
}

/// An orchestrator call that got no usable answer.
struct OrchestratorCallError: Error, CustomStringConvertible {
    let method: String
    let path: String
    let problem: String

    var description: String { "\(method) \(path) \(problem)" }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
