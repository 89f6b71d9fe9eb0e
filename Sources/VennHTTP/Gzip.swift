import CZlib
public import Foundation

/// gzip compression and decompression with zlib.
///
/// Related zlib documentation: <https://zlib.net/manual.html>
public enum Gzip {
    /// The size of each output chunk while streaming through zlib.
    private static let chunkSize = 64 * 1024

    /// Hands zlib the next piece of `input` once it has used the last one.
    ///
    /// At most `UInt32.max` bytes go at a time: `avail_in` is 32 bits wide.
    private static func refill(_ stream: inout z_stream, from input: UnsafeRawBufferPointer, offset: inout Int) {
        guard stream.avail_in == 0 && offset < input.count else { return }
        let count = min(input.count - offset, Int(UInt32.max))
        stream.next_in = UnsafeMutablePointer(
            mutating: input.baseAddress!.advanced(by: offset).assumingMemoryBound(to: Bytef.self)
        )
        stream.avail_in = uInt(count)
        offset += count
    }

    /// Compresses data into one gzip member.
    ///
    /// - Parameters:
    ///   - data: The bytes to compress.
    ///   - level: The zlib compression level, 0 (none) to 9 (best); 6 is zlib's
    ///     default balance of speed and size.
    /// - Returns: The gzip stream, header and trailer included.
    /// - Precondition: `level` is between 0 and 9.
    public static func compress(_ data: Data, level: Int32 = 6) -> Data {
        precondition((0...9).contains(level), "gzip level must be between 0 and 9")
        var stream = z_stream()
        // Only a bad level or out-of-memory fail here; the level is checked above.
        guard czlib_deflate_init_gzip(&stream, level) == Z_OK else {
            fatalError("deflateInit2 failed: out of memory")
        }
        defer { deflateEnd(&stream) }

        var output = Data()
        data.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
            var offset = 0
            var chunk = [UInt8](repeating: 0, count: chunkSize)
            while true {
                refill(&stream, from: input, offset: &offset)
                let flush = offset == input.count ? Z_FINISH : Z_NO_FLUSH
                let status = chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    let status = deflate(&stream, flush)
                    output.append(buffer.baseAddress!, count: buffer.count - Int(stream.avail_out))
                    return status
                }
                if status == Z_STREAM_END { break }
                // With valid state and output space deflate returns Z_OK or Z_BUF_ERROR only.
                precondition(status == Z_OK || status == Z_BUF_ERROR, "deflate failed with \(status)")
            }
        }
        return output
    }

    /// Decompresses gzip (or zlib) data, with a bound on the output size.
    ///
    /// Several gzip members in a row are decompressed one after another, as
    /// `gunzip` does.
    ///
    /// - Parameters:
    ///   - data: The compressed bytes.
    ///   - limit: The largest decompressed size accepted, in bytes. This guards
    ///     against small inputs that expand to gigabytes.
    /// - Returns: The decompressed bytes.
    /// - Throws: ``GzipError`` with code `corrupt` when the input is not gzip or
    ///   zlib data or ends early, or `tooLarge` when the output would exceed `limit`.
    public static func decompress(_ data: Data, limit: Int) throws(GzipError) -> Data {
        var stream = z_stream()
        guard czlib_inflate_init_auto(&stream) == Z_OK else {
            fatalError("inflateInit2 failed: out of memory")
        }
        defer { inflateEnd(&stream) }

        let result: Result<Data, GzipError> = data.withUnsafeBytes { input in
            inflateAll(&stream, input: input, limit: limit)
        }
        return try result.get()
    }

    /// Runs inflate over the whole input, restarting after each gzip member.
    private static func inflateAll(
        _ stream: inout z_stream,
        input: UnsafeRawBufferPointer,
        limit: Int
    ) -> Result<Data, GzipError> {
        guard !input.isEmpty else {
            return .failure(GzipError(code: .corrupt, message: "The compressed data is empty."))
        }
        var output = Data()
        var offset = 0
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            refill(&stream, from: input, offset: &offset)
            let (status, overflows) = chunk.withUnsafeMutableBufferPointer { buffer in
                stream.next_out = buffer.baseAddress
                stream.avail_out = uInt(buffer.count)
                let status = inflate(&stream, Z_NO_FLUSH)
                let produced = buffer.count - Int(stream.avail_out)
                let overflows = produced > limit - output.count
                if produced > 0 && !overflows {
                    output.append(buffer.baseAddress!, count: produced)
                }
                return (status, overflows)
            }
            if overflows { return .failure(tooLarge(limit)) }
            switch status {
            case Z_STREAM_END:
                let remaining = Int(stream.avail_in) + (input.count - offset)
                if remaining == 0 { return .success(output) }
                // Another gzip member follows.
                guard inflateReset(&stream) == Z_OK else { return .failure(corrupt()) }
            case Z_OK:
                continue
            case Z_BUF_ERROR:
                // No progress possible: the input ended before the stream did.
                if stream.avail_in == 0 && offset == input.count { return .failure(corrupt()) }
            default:
                return .failure(corrupt())
            }
        }
    }

    private static func corrupt() -> GzipError {
        GzipError(code: .corrupt, message: "The data is not valid gzip or it ends early.")
    }

    private static func tooLarge(_ limit: Int) -> GzipError {
        GzipError(
            code: .tooLarge,
            message: "The data decompresses to more than \(limit) bytes, the largest size accepted."
        )
    }
}
