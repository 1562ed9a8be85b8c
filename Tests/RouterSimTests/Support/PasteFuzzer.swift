import SeededRandom

/// Generates config pastes for fuzzing: lines from the CLI grammar with random (often wrong)
/// arguments, and mutations of the workshop templates (dropped, doubled or foreign
/// characters, truncation, shuffled words).
struct PasteFuzzer {
    var random: SplitMix64

    private static let ports = Workshop.ports + ["1/1/c9/1", "Ethernet1"]
    private static let templates: [String] = {
        let node = Workshop.node("loc1-core", ipv4: "10.0.0.1/32", ipv6: "2001:db8::1/128")
        let circuit = Workshop.circuit("loc1-core", port: "1/1/c2/1", farNode: "loc2-core", farPort: "1/1/c1/1",
                                       address: "2001:db8:10::/127", metric: 15_000_000)
        return (node + "\n" + circuit).split(separator: "\n").map(String.init)
    }()

    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }
    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

    mutating func paste(lines: Int) -> String {
        (0..<lines).map { _ in chance(30) ? mutate(pick(Self.templates)) : grammarLine() }.joined(separator: pick(["\n", "\r\n", "\n"]))
    }

    mutating func number() -> String {
        pick(["0", "1", "10", "63", "15000000", "16777214", "16777215", "4294967296", "-1", "abc", "99999999999999"])
    }

    mutating func ipv6() -> String {
        let host = pick(["2001:db8::\(Int.random(in: 1...9, using: &random))", "2001:db8:10::", "2001:db8:10::1", "fe80::1", "ff02::1", "::", "2001:db8::g", "1:2:3:4:5:6:7:8:9"])
        return host + pick(["/128", "/127", "/64", "/0", "/129", "", "/"])
    }

    mutating func ipv4() -> String {
        let host = pick(["10.0.0.\(Int.random(in: 0...3, using: &random))", "192.0.2.1", "224.0.0.1", "127.0.0.1", "10.0.0", "300.1.1.1"])
        return chance(50) ? host + pick(["/32", "/31", "/24", "/0", "/33"]) : host + " " + pick(["255.255.255.255", "255.255.255.0", "255.0.255.0", "0.0.0.0"])
    }

    mutating func interface() -> String {
        chance(40) ? pick(["loopback 0", "loopback0", "Loopback 1", "loopback 99", "loopback", "loopback x"]) : pick(Self.ports)
    }

    mutating func grammarLine() -> String {
        let negate = chance(20) ? "no " : ""
        let indent = chance(50) ? " " : ""
        let line: String
        switch Int.random(in: 0..<22, using: &random) {
        case 0: line = pick(["enable", "configure terminal", "conf t", "end", "exit", "write memory", "copy running-config startup-config", "do wr"])
        case 1: line = "hostname " + pick(["r1", "loc1-core", "9bad", "x y", String(repeating: "h", count: 70)])
        case 2: line = "interface " + interface()
        case 3: line = "description " + pick(["Circuit Connection to loc2-core port 1/1/c1/1", "  spaced   text ", String(repeating: "d", count: 300)])
        case 4: line = "ip address " + ipv4()
        case 5: line = "ipv6 address " + ipv6()
        case 6: line = "ipv6 router isis" + pick(["", " core", " a b"])
        case 7: line = "isis network point-to-point"
        case 8: line = "isis metric " + number() + pick(["", " level-1", " level-2", " level-3"])
        case 9: line = "isis ipv6 metric " + number() + pick(["", " level-2"])
        case 10: line = pick(["shutdown", "shut"])
        case 11: line = "router isis" + pick(["", " core"])
        case 12: line = "net " + pick([Workshop.net, "49.0002.0123.4567.890a.0001.00", "49.0001.0000.0000.0002.00", "49.0001.00", "xx"])
        case 13: line = "is-type " + pick(["level-1", "level-2-only", "level-1-2", "level-3"])
        case 14: line = "metric-style " + pick(["wide", "narrow", "transition", "fat"])
        case 15: line = "passive-interface " + (chance(30) ? "default" : interface())
        case 16: line = "address-family ipv6" + pick(["", " unicast", " multicast"])
        case 17: line = "metric " + number()
        case 18: line = "redistribute connected"
        case 19: line = pick(["exit-address-family", "!", "", "   "])
        case 20: line = "interface " + interface() + "\n" + indent + "ipv6 address " + ipv6()
        default: line = pick(["show ip route", "ping 1.2.3.4", "i", "no", "do", "router", "\u{1}\u{7f}", "é", "\t\t"])
        }
        return indent + negate + line
    }

    mutating func mutate(_ line: String) -> String {
        var characters = Array(line)
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let position = characters.isEmpty ? 0 : Int.random(in: 0..<characters.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0 where !characters.isEmpty: characters.remove(at: position)
            case 1 where !characters.isEmpty: characters.insert(characters[position], at: position)
            case 2: characters.insert(pick(["x", " ", "/", ":", ".", "\u{0}", "\u{1b}", "ü", "9", "!"]), at: position)
            case 3: characters = Array(characters.prefix(position))
            case 4:
                var words = String(characters).split(separator: " ").map(String.init)
                words.shuffle(using: &random)
                characters = Array(words.joined(separator: " "))
            default: characters = Array(String(characters).uppercased())
            }
        }
        return String(characters)
    }
}
