import Dispatch
import Foundation
import OrchLabCLI
import OrchLabServer
import OrchestratorDriver
import Synchronization

/// `run --orchestrator` and `grade --orchestrator` in an executable with the HTTP server: serves
/// the lab on the requested address and connects a `RESTOrchestrator`. Pass it to
/// `OrchLabCommandLine.main(catalogues:commands:connector:)`.
public enum OrchestratorConnection {
    public static let connect: ExternalOrchestratorConnector = { request in
        let configuration = ServerConfiguration(host: request.labHost, port: request.labPort, token: request.labToken)
        try configuration.validate(allowRemote: true)
        let lab = ServedLab(configuration: configuration)
        let shutdown = ShutdownSwitch()
        let started = DispatchSemaphore(value: 0), stopped = DispatchSemaphore(value: 0)
        let failure = Mutex<(any Error)?>(nil)
        Task.detached {
            do {
                try await lab.serve(shutdown: shutdown) { _ in started.signal() }
            } catch {
                failure.withLock { $0 = error }
                started.signal()
            }
            stopped.signal()
        }
        started.wait()
        if let error = failure.withLock({ $0 }) {
            throw ConnectionError("cannot serve the lab on \(request.labHost):\(request.labPort): \(error)")
        }
        let close: @Sendable () -> Void = {
            Task.detached { await shutdown.trigger() }
            stopped.wait()
        }
        let orchestrator = RESTOrchestrator(url: request.url, token: request.token, lab: lab, keepData: request.keepData,
                                            settleTimeout: .milliseconds(Int64(request.settleTimeoutSeconds * 1000)))
        do {
            try orchestrator.checkReachable()
        } catch {
            close()
            throw error
        }
        let host = request.labHost.contains(":") ? "[\(request.labHost)]" : request.labHost
        // Unbuffered: the banner comes before the run's own output.
        FileHandle.standardOutput.write(Data(("lab served at http://\(host):\(request.labPort) (the orchestrator's NETBOX_URL: http://\(host):\(request.labPort)/netbox"
              + (request.labToken == nil ? ", any token)" : ", token from --lab-token/ORCHLAB_TOKEN)")
              + "; orchestrator \(request.url.absoluteString)\n").utf8))
        return ExternalOrchestratorConnection(orchestrator: orchestrator, close: close)
    }
}

struct ConnectionError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
