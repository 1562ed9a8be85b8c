/// The catalogues a command line offers, by name; the first is the default for scenarios that
/// name none.
public struct CatalogueRegistry: Sendable {
    public let catalogues: [Catalogue]

    public init(_ catalogues: [Catalogue]) throws(CatalogueError) {
        guard !catalogues.isEmpty else { throw .noCatalogues }
        var seen: Set<String> = []
        for catalogue in catalogues {
            guard Self.isValidName(catalogue.name) else { throw .invalidName(catalogue.name) }
            guard seen.insert(catalogue.name).inserted else { throw .duplicateCatalogue(catalogue.name) }
        }
        self.catalogues = catalogues
    }

    public var names: [String] { catalogues.map(\.name) }
    public var defaultCatalogue: Catalogue { catalogues[0] }

    public func catalogue(named name: String) -> Catalogue? {
        catalogues.first { $0.name == name }
    }

    /// The catalogue named `name`, or an error that lists the registered names.
    public func require(_ name: String) throws(CatalogueError) -> Catalogue {
        guard let catalogue = catalogue(named: name) else { throw .unknownCatalogue(name, known: names) }
        return catalogue
    }

    /// The same registry with `catalogue` in place of the one of the same name (or added).
    public func replacing(_ catalogue: Catalogue) -> CatalogueRegistry {
        var list = catalogues
        if let index = list.firstIndex(where: { $0.name == catalogue.name }) { list[index] = catalogue } else { list.append(catalogue) }
        return try! CatalogueRegistry(list)  // names were valid and unique before, and stay so
    }

    /// Names are what scenario files and `--workflows` write: letters, digits, `-`, `_`, `.`,
    /// at most 64 characters.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 64
            && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) }
    }
}
