/// Remembers which object first used each name or id so a duplicate is reported with a pointer to the original.
struct UniqueKeys<Key: Hashable> {
    private(set) var owners: [Key: String] = [:]

    func contains(_ key: Key) -> Bool { owners[key] != nil }

    @discardableResult
    mutating func claim(
        _ key: Key, _ label: @autoclosure () -> String, by origin: Origin, field: String?, log: DiagnosticLog
    ) -> Bool {
        if let owner = owners[key] {
            log.error(origin, field: field, "duplicate \(label()) (already used by \(owner))")
            return false
        }
        owners[key] = field.map(origin.path(of:)) ?? origin.path
        return true
    }
}
