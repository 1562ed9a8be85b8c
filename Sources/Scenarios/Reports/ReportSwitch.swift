import Foundation

/// The file-system steps that replace one report set with another (see `ReportFolder`), as a
/// list so that tests can stop after any of them, as a kill would. Before the switch (the
/// rename of `.orchlab-current`) no step changes what a reader of a report path sees; after
/// it, only leftovers are removed.
struct ReportSwitch {
    static let currentLink = ".orchlab-current"
    static let setPrefix = ".orchlab-set-"
    /// A link being made, renamed into place by the next step.
    static let linkPrefix = ".orchlab-link-"
    /// Held while a set is published, so two runs on one folder take turns.
    static let lockName = ".orchlab-lock"
    /// What the version before sets left behind when killed.
    static let oldStagingPrefix = ".orchlab-staging-"

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    struct Step {
        let name: String
        let run: () throws(Failure) -> Void
    }

    let steps: [Step]

    /// Plans the change to `texts` (name, text) from what the folder holds now.
    init(directory: String, texts: [(String, String)]) throws(ReportFolder.Unwritable) {
        let folder = Folder(directory)
        let names = texts.map(\.0)
        for name in names where folder.isDirectory(name) {
            throw ReportFolder(directory: directory).unwritable("\(folder.path(name)) is a folder")
        }
        var steps: [Step] = []
        let newSet = Self.setPrefix + UUID().uuidString
        steps.append(Step(name: "make \(newSet)") { () throws(Failure) in try folder.makeDirectory(newSet) })
        for (name, text) in texts {
            steps.append(Step(name: "write \(name)") { () throws(Failure) in try folder.write(text, to: newSet + "/" + name) })
        }
        var current = folder.currentSet
        if let current {
            for name in folder.entries(of: current) where !names.contains(name) {
                steps.append(Step(name: "keep \(name)") { () throws(Failure) in
                    try folder.hardLink(current + "/" + name, newSet + "/" + name)
                })
            }
        }
        let foreign = names.filter { folder.exists($0) && !folder.isManagedLink($0) }
        var emptySet: String?
        if current == nil, !foreign.isEmpty {
            // Files from before sets (or put there by hand) join a current set first, so that
            // linking their paths changes nothing a reader sees.
            let empty = Self.setPrefix + UUID().uuidString
            steps.append(Step(name: "make \(empty)") { () throws(Failure) in try folder.makeDirectory(empty) })
            steps += Self.point(Self.currentLink, at: empty, in: folder)
            current = empty
            emptySet = empty
        }
        for name in names where !folder.isManagedLink(name) {
            if foreign.contains(name), let current {
                steps.append(Step(name: "adopt \(name)") { () throws(Failure) in folder.adopt(name, into: current) })
            }
            steps += Self.point(name, at: Self.currentLink + "/" + name, in: folder)
        }
        steps += Self.point(Self.currentLink, at: newSet, in: folder)
        for old in [current, emptySet].compactMap({ $0 }) {
            steps.append(Step(name: "remove \(old)") { () throws(Failure) in folder.remove(old) })
        }
        self.steps = steps
    }

    /// Two steps: a new link beside `name`, then a rename over `name` (atomic, whatever was there).
    private static func point(_ name: String, at destination: String, in folder: Folder) -> [Step] {
        let temporary = linkPrefix + UUID().uuidString
        return [
            Step(name: "link \(temporary) -> \(destination)") { () throws(Failure) in try folder.symlink(temporary, to: destination) },
            Step(name: "rename \(temporary) to \(name)") { () throws(Failure) in try folder.rename(temporary, to: name) },
        ]
    }

    /// Removes what a killed or failed run left: sets other than the current one, links being
    /// made, the older staging folders, and report links whose file the current set lacks.
    static func removeLeftovers(in directory: String) {
        let folder = Folder(directory)
        let current = folder.currentSet
        for entry in folder.entries(of: nil) {
            if entry.hasPrefix(setPrefix) && entry != current || entry.hasPrefix(linkPrefix) || entry.hasPrefix(oldStagingPrefix)
                || folder.isManagedLink(entry) && !folder.exists(entry) {
                folder.remove(entry)
            }
        }
    }

    /// Takes the folder's lock (creating the folder if needed); the descriptor is the lock.
    static func lock(_ directory: String) throws(ReportFolder.Unwritable) -> Int32 {
        let fail = { (reason: String) in ReportFolder(directory: directory).unwritable(reason) }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw fail(error.localizedDescription)
        }
        let descriptor = open((directory as NSString).appendingPathComponent(lockName), O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw fail(String(cString: strerror(errno))) }
        guard flock(descriptor, LOCK_EX) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw fail(reason)
        }
        return descriptor
    }
}
