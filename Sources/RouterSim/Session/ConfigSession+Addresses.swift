import IPAddressing

/// Address arguments and the checks a router makes before it accepts an address.
extension ConfigSession {
    /// `A.B.C.D/LEN` or `A.B.C.D MASK`.
    mutating func ipv4Address(_ words: inout CommandWords) throws(LineError) -> IPv4InterfaceAddress {
        let word = try words.requireWord()
        let address: IPv4InterfaceAddress
        if let slash = word.text.firstIndex(of: "/") {
            try words.requireEnd()
            let lengthText = word.text[word.text.index(after: slash)...]
            guard let ip = IPv4Address(word.text[..<slash]) else { throw LineError.invalidInput(at: word.column, kind: .invalidAddress) }
            guard lengthText.count <= 2, lengthText.allSatisfy(\.isASCIIDigit), let length = Int(lengthText), (1...32).contains(length) else {
                throw LineError.invalidInput(at: word.column + word.text.distance(from: word.text.startIndex, to: slash) + 1, kind: .invalidAddress)
            }
            address = IPv4InterfaceAddress(address: ip, length: length)
        } else {
            guard let ip = IPv4Address(word.text) else { throw LineError.invalidInput(at: word.column, kind: .invalidAddress) }
            let maskWord = try words.requireWord()
            try words.requireEnd()
            guard let mask = IPv4Address(maskWord.text) else { throw LineError.invalidInput(at: maskWord.column, kind: .invalidAddress) }
            guard let length = mask.maskLength, length > 0 else {
                throw LineError(kind: .invalidAddress, column: maskWord.column, message: "% Bad mask 0x\(String(mask.value, radix: 16, uppercase: true)) for address \(ip)")
            }
            address = IPv4InterfaceAddress(address: ip, length: length)
        }
        let first = address.address.value >> 24
        if first == 0 || first == 127 || first >= 224 {
            throw LineError(kind: .invalidAddress, column: word.column, message: "% Not a valid host address - \(address.address)")
        }
        // Below /31 the subnet's own and broadcast addresses are not host addresses.
        if address.length < 31 {
            let host = address.address.value & ~IPv4Address.mask(address.length)
            if host == 0 || host == ~IPv4Address.mask(address.length) {
                throw LineError(kind: .invalidAddress, column: word.column, message: "% Bad mask /\(address.length) for address \(address.address)")
            }
        }
        return address
    }

    /// `X/LEN`: a unicast address (RFC 6164 allows the subnet's own address on a /127).
    static func ipv6Address(_ word: Word) throws(LineError) -> IPv6InterfaceAddress {
        guard let slash = word.text.firstIndex(of: "/") else {
            throw LineError.invalidInput(at: word.column + word.text.count, kind: .invalidAddress)
        }
        guard let address = IPv6Address(word.text[..<slash]) else { throw LineError.invalidInput(at: word.column, kind: .invalidAddress) }
        let lengthText = word.text[word.text.index(after: slash)...]
        guard lengthText.count <= 3, lengthText.allSatisfy(\.isASCIIDigit), let length = Int(lengthText), (1...128).contains(length) else {
            throw LineError.invalidInput(at: word.column + word.text.distance(from: word.text.startIndex, to: slash) + 1, kind: .invalidAddress)
        }
        if address.isMulticast || address.isUnspecified {
            throw LineError(kind: .invalidAddress, column: word.column, message: "% \(address) is not a valid unicast address")
        }
        return IPv6InterfaceAddress(address: address, length: length)
    }

    func checkOverlap(ipv4 address: IPv4InterfaceAddress, on name: String, column: Int) throws(LineError) {
        for other in config.interfaces.values where other.name != name {
            if let existing = other.ipv4, existing.overlaps(address) {
                throw LineError(kind: .overlappingAddress, column: column,
                                message: "% \(address.network) overlaps with \(other.name)")
            }
        }
    }

    func checkOverlap(ipv6 address: IPv6InterfaceAddress, on name: String, column: Int) throws(LineError) {
        for other in config.interfaces.values where other.name != name {
            if let existing = other.ipv6.first(where: { $0.prefix.overlaps(address.prefix) }) {
                throw LineError(kind: .overlappingAddress, column: column,
                                message: "% \(address.prefix) overlaps with \(existing.prefix) on \(other.name)")
            }
        }
    }
}
