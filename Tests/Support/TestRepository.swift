import Foundation

/// What tests need of the repository they run in: its root (for the shipped scenarios,
/// topologies and examples) and the folder with the built executables (for tests that run the
/// real `orchlab` or the engine crash child).
public enum TestRepository {
    /// The package root, found from this file's place in it.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    public static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }

    /// A built executable of this package (`orchlab`, `engine-crash-child`), from the folder the
    /// test binary was built into.
    public static func executable(_ name: String) throws -> URL {
        var directory = try testBinary().deletingLastPathComponent()
        while !FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent(name).path) {
            guard directory.path != "/" else { throw MissingExecutable(name: name) }
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent(name)
    }

    /// On Linux the running test executable; on macOS the `.xctest` bundle SwiftPM built beside
    /// the products. (The macOS branch is not exercised by this project's CI, which runs Linux.)
    private static func testBinary() throws -> URL {
        #if os(Linux)
        return URL(fileURLWithPath: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        #else
        guard let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") }) else {
            throw MissingExecutable(name: "the test bundle")
        }
        return bundle.bundleURL
        #endif
    }

    public struct MissingExecutable: Error, CustomStringConvertible {
        public let name: String
        public var description: String { "\(name) is not built beside the tests (run `swift build --build-tests`)" }
    }
}
