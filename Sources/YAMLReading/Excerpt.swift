/// A value from a file as an error message quotes it: at most `maximumCharacters`, so that an
/// error about a 1 MiB scalar (or a whole foreign file read as one) stays one short line.
public enum Excerpt {
    public static let maximumCharacters = 60

    public static func of(_ text: String) -> String {
        guard text.count > maximumCharacters else { return text }
        return text.prefix(maximumCharacters) + "… (\(text.count) characters)"
    }
}
