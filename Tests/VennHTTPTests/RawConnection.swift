import Foundation

/// A plain TCP connection to a loopback port, for requests the client cannot
/// make (chunked uploads).
final class RawConnection {
    private let socketDescriptor: Int32

    init?(port: UInt16) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(descriptor)
            return nil
        }
        socketDescriptor = descriptor
    }

    deinit {
        close(socketDescriptor)
    }

    /// Writes all of `data`; false when the peer closed the connection.
    func write(_ data: Data) -> Bool {
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let remaining = buffer.count - offset
                let written = send(socketDescriptor, buffer.baseAddress! + offset, remaining, Int32(MSG_NOSIGNAL))
                if written <= 0 { return false }
                offset += written
            }
            return true
        }
    }

    /// Reads until the peer closes the connection.
    func readToEnd() -> Data {
        var result = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(socketDescriptor, &buffer, buffer.count, 0)
            if count <= 0 { return result }
            result.append(contentsOf: buffer[0..<count])
        }
    }
}
