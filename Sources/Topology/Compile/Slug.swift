/// NetBox-style slugs: lowercase letters, digits and dashes (`7750 SR-2s` → `7750-sr-2s`).
enum Slug {
    static func make(from name: String) -> String {
        var slug = ""
        var pendingDash = false
        for character in name.lowercased() {
            if character.isLetter || character.isNumber || character == "_" {
                if pendingDash, !slug.isEmpty { slug.append("-") }
                slug.append(character)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        return slug
    }
}
