extension String {
    /// The lines of a paste or a rendered config, split on LF, CRLF or CR. Splits on bytes
    /// rather than characters: a 10 MB paste should not pay for grapheme breaking.
    var configLines: [Substring] {
        var text = self
        // Line boundaries as byte offsets, found in the contiguous UTF-8 buffer.
        let bounds: [(Int, Int)] = text.withUTF8 { bytes in
            var bounds: [(Int, Int)] = []
            var start = 0, index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard byte == 10 || byte == 13 else { index += 1; continue }
                bounds.append((start, index))
                index += byte == 13 && index + 1 < bytes.count && bytes[index + 1] == 10 ? 2 : 1
                start = index
            }
            if start < bytes.count { bounds.append((start, bytes.count)) }
            return bounds
        }
        let utf8 = text.utf8
        return bounds.map { start, end in
            Substring(utf8[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
        }
    }
}
