import Foundation

/// A whole database as bytes (SQLite's own file format), from `Database.serialize()`, held in
/// fixed-size pieces. A piece equal to the same piece of the image the connection last gave out
/// or loaded is shared with it rather than copied: between two checkpoints of a chaos run a step
/// changes a few pages of a database hundreds of kilobytes long, and copying all of it at every
/// checkpoint (with the page faults of the fresh memory) was about a tenth of the run.
public struct DatabaseImage: Sendable, Equatable {
    /// SQLite's default page size: a step's write dirties whole pages, so pieces this size share best.
    static let pieceSize = 4_096

    let pieces: [[UInt8]]
    /// The database's size in bytes.
    public let byteCount: Int

    /// An image of `bytes`, as read from a database file.
    public init(bytes: [UInt8]) {
        self.init(count: bytes.count) { offset, count in Array(bytes[offset..<offset + count]) }
    }

    /// Pieces of `bytes`, each shared with the same piece of `previous` where equal.
    init(copying bytes: UnsafePointer<UInt8>, count: Int, sharingWith previous: DatabaseImage?) {
        let old = previous?.pieces ?? []
        self.init(count: count) { offset, length in
            let index = offset / Self.pieceSize
            if index < old.count, old[index].count == length,
               old[index].withUnsafeBufferPointer({ memcmp($0.baseAddress!, bytes + offset, length) == 0 }) {
                return old[index]
            }
            return [UInt8](unsafeUninitializedCapacity: length) { buffer, initialized in
                buffer.baseAddress!.update(from: bytes + offset, count: length)
                initialized = length
            }
        }
    }

    private init(count: Int, piece: (_ offset: Int, _ count: Int) -> [UInt8]) {
        byteCount = count
        pieces = stride(from: 0, to: count, by: Self.pieceSize).map { piece($0, min(Self.pieceSize, count - $0)) }
    }

    /// The image in one buffer, e.g. to write it to a file.
    public var bytes: [UInt8] {
        [UInt8](unsafeUninitializedCapacity: byteCount) { buffer, initialized in
            if let start = buffer.baseAddress { copy(into: start) }
            initialized = byteCount
        }
    }

    /// How many pieces `self` holds in the same memory as `other`: what sharing saved.
    public func sharedPieceCount(with other: DatabaseImage) -> Int {
        zip(pieces, other.pieces).count { mine, theirs in
            mine.withUnsafeBufferPointer { a in theirs.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
        }
    }

    func copy(into destination: UnsafeMutablePointer<UInt8>) {
        var offset = 0
        for piece in pieces {
            piece.withUnsafeBufferPointer { (destination + offset).update(from: $0.baseAddress!, count: $0.count) }
            offset += piece.count
        }
    }
}
