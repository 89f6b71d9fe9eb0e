import Foundation
import Testing
import VennHTTP

struct GzipTests {
    @Test(arguments: [(0, Int32(6)), (1, 1), (1000, 0), (100_000, 6), (300_000, 9)])
    func compressThenDecompressGivesTheOriginal(size: Int, level: Int32) throws {
        let original = compressibleText(count: size)

        let compressed = Gzip.compress(original, level: level)
        let restored = try Gzip.decompress(compressed, limit: size)

        #expect(restored == original)
        #expect(compressed.prefix(2) == Data([0x1f, 0x8b]))
    }

    @Test func compressionShrinksRepetitiveText() {
        let original = compressibleText(count: 50_000)
        #expect(Gzip.compress(original).count < original.count / 10)
    }

    @Test(arguments: [
        Data(),
        Data("not gzip at all".utf8),
        Gzip.compress(compressibleText(count: 5000)).prefix(40),
        Data([0x1f, 0x8b, 0x08, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
    ])
    func corruptOrTruncatedInputIsRejected(input: Data) {
        let error = #expect(throws: GzipError.self) {
            try Gzip.decompress(input, limit: 1 << 20)
        }
        #expect(error?.code == .corrupt)
    }

    @Test func outputOverTheLimitIsRejected() {
        // 10 MB of zeros compresses to about 10 KB: a small zip bomb.
        let bomb = Gzip.compress(Data(count: 10_000_000))

        let error = #expect(throws: GzipError.self) {
            try Gzip.decompress(bomb, limit: 1_000_000)
        }

        #expect(error?.code == .tooLarge)
    }

    @Test func outputExactlyAtTheLimitIsAccepted() throws {
        let original = compressibleText(count: 70_000)
        let restored = try Gzip.decompress(Gzip.compress(original), limit: 70_000)
        #expect(restored == original)
    }

    @Test func concatenatedMembersAreDecompressedInOrder() throws {
        let first = Data("first member, ".utf8)
        let second = Data("second member".utf8)

        let joined = Gzip.compress(first) + Gzip.compress(second)

        #expect(try Gzip.decompress(joined, limit: 100) == first + second)
    }
}
