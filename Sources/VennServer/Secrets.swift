import CSodium

/// Random secrets and their hashes, from libsodium.
///
/// Tokens and enrollment codes are shown once and stored only as hashes.
/// Related libsodium documentation: <https://doc.libsodium.org/>
package enum Secrets {
    /// The length of a stored hash in bytes.
    package static let hashLength = 32

    /// The alphabet of enrollment codes: Crockford's base 32, which leaves
    /// out I, L, O and U so a code read aloud or typed is hard to get wrong.
    package static let codeAlphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// Whether `sodium_init` succeeded; evaluated once, on first use.
    private static let isReady: Bool = sodium_init() >= 0

    /// Traps unless libsodium is initialised.
    private static func ensureReady() {
        // sodium_init fails only when the system has no random source, and
        // then no secret can be made: a fault of the host, not of input.
        guard isReady else { fatalError("libsodium could not be initialised (no random source)") }
    }

    /// A new device token: 32 random bytes in base64url without padding.
    ///
    /// The corresponding C function is `randombytes_buf`.
    package static func makeToken() -> String {
        ensureReady()
        var bytes = [UInt8](repeating: 0, count: 32)
        bytes.withUnsafeMutableBytes { buffer in
            // The buffer is not empty, so its base address exists.
            randombytes_buf(buffer.baseAddress!, buffer.count)
        }
        return base64URL(bytes)
    }

    /// A new enrollment code of 12 characters, grouped as `XXXX-XXXX-XXXX`.
    ///
    /// The corresponding C function is `randombytes_uniform`.
    package static func makeEnrollmentCode() -> String {
        ensureReady()
        let characters = (0..<12).map { _ in
            codeAlphabet[Int(randombytes_uniform(UInt32(codeAlphabet.count)))]
        }
        return [0..<4, 4..<8, 8..<12].map { String(characters[$0]) }.joined(separator: "-")
    }

    /// A code as typed, reduced to its 12 characters: upper case, without
    /// separators, with the look-alikes O, I and L read as 0, 1 and 1.
    package static func normalizedCode(_ typed: String) -> String {
        var result = ""
        for character in typed.uppercased() {
            switch character {
            case "-", " ", "\t": continue
            case "O": result.append("0")
            case "I", "L": result.append("1")
            default: result.append(character)
            }
        }
        return result
    }

    /// The hash under which a secret is stored.
    ///
    /// The secrets are random and long enough that an unkeyed hash keeps
    /// them safe. The corresponding C function is `crypto_generichash`.
    package static func hash(_ secret: String) -> [UInt8] {
        ensureReady()
        var output = [UInt8](repeating: 0, count: hashLength)
        let input = Array(secret.utf8)
        let code = output.withUnsafeMutableBufferPointer { out in
            input.withUnsafeBufferPointer { bytes in
                // The output is not empty, so its base address exists.
                crypto_generichash(out.baseAddress!, out.count, bytes.baseAddress, UInt64(bytes.count), nil, 0)
            }
        }
        // It fails only for output or key lengths out of range, which are
        // constants here.
        precondition(code == 0, "crypto_generichash rejected its fixed lengths")
        return output
    }

    /// Whether two hashes are equal, in time independent of their content.
    ///
    /// The corresponding C function is `sodium_memcmp`.
    package static func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        ensureReady()
        return lhs.withUnsafeBytes { left in
            rhs.withUnsafeBytes { right in
                sodium_memcmp(left.baseAddress, right.baseAddress, left.count) == 0
            }
        }
    }

    /// `bytes` in base64url (RFC 4648 section 5) without padding.
    private static func base64URL(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        var text = ""
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var value: UInt32 = 0
            for byte in chunk { value = value << 8 | UInt32(byte) }
            value <<= UInt32(8 * (3 - chunk.count))
            for position in 0...chunk.count {
                text.append(alphabet[Int(value >> UInt32(18 - 6 * position) & 0x3F)])
            }
            index += 3
        }
        return text
    }
}
