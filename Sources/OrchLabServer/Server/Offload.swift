import Dispatch

/// Runs blocking work (SQLite, workflow steps) on a Dispatch thread, so a slow workflow never
/// occupies one of the few cooperative threads that serve every other request.
func offload<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async {
            continuation.resume(with: Result { try body() })
        }
    }
}
