import Foundation

extension ReportSwitch {
    /// The report folder's entries by name, with the system calls the steps use; each error
    /// names the call, the entry and the reason.
    struct Folder {
        let directory: String

        init(_ directory: String) { self.directory = directory }

        func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }

        /// The set `.orchlab-current` points to, if any.
        var currentSet: String? {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path(ReportSwitch.currentLink)),
                  target.hasPrefix(ReportSwitch.setPrefix), !target.contains("/") else { return nil }
            return target
        }

        /// The names in `folder` (the report folder itself when nil).
        func entries(of folder: String?) -> [String] {
            (try? FileManager.default.contentsOfDirectory(atPath: folder.map(path) ?? directory)) ?? []
        }

        /// Whether `name` is a report link this folder made (to `.orchlab-current/name`).
        func isManagedLink(_ name: String) -> Bool {
            (try? FileManager.default.destinationOfSymbolicLink(atPath: path(name))) == ReportSwitch.currentLink + "/" + name
        }

        /// Whether something is at `name` (a link counts only if what it points to exists).
        func exists(_ name: String) -> Bool {
            var status = stat()
            return stat(path(name), &status) == 0 || (lstat(path(name), &status) == 0 && !isManagedLink(name))
        }

        func isDirectory(_ name: String) -> Bool {
            var status = stat()
            return lstat(path(name), &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
        }

        func makeDirectory(_ name: String) throws(Failure) {
            try check(mkdir(path(name), 0o755), "mkdir", name)
        }

        func write(_ text: String, to name: String) throws(Failure) {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path(name)))
            } catch {
                throw Failure(description: "\(name): \(error.localizedDescription)")
            }
        }

        func hardLink(_ source: String, _ destination: String) throws(Failure) {
            try check(link(path(source), path(destination)), "link", destination)
        }

        /// Puts the file at `name` into `set` under the same name (a hard link to what it is or
        /// points to). If that cannot be done the file is left out of the set, and its path shows
        /// nothing until the switch.
        func adopt(_ name: String, into set: String) {
            _ = linkat(AT_FDCWD, path(name), AT_FDCWD, path(set + "/" + name), AT_SYMLINK_FOLLOW)
        }

        func symlink(_ name: String, to destination: String) throws(Failure) {
            try check(Foundation.symlink(destination, path(name)), "symlink", name)
        }

        func rename(_ name: String, to newName: String) throws(Failure) {
            try check(Foundation.rename(path(name), path(newName)), "rename", newName)
        }

        func remove(_ name: String) {
            try? FileManager.default.removeItem(atPath: path(name))
        }

        private func check(_ result: Int32, _ call: String, _ name: String) throws(Failure) {
            guard result == 0 else { throw Failure(description: "\(name): \(call): \(String(cString: strerror(errno)))") }
        }
    }
}
