/// One route of the HTTP API: a method and a path template.
public struct Route: Sendable, Hashable {
    /// The HTTP method, upper case.
    public var method: String
    /// The path with `{name}` placeholders, e.g. `/v1/groups/{group}/push`.
    public var template: String

    public init(method: String, template: String) {
        self.method = method
        self.template = template
    }

    /// The placeholders' values when `path` fits the template, else nil.
    func match(path: String) -> [String: String]? {
        let pattern = template.split(separator: "/", omittingEmptySubsequences: false)
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard pattern.count == parts.count else { return nil }

        var values: [String: String] = [:]
        for (expected, actual) in zip(pattern, parts) {
            if expected.hasPrefix("{") && expected.hasSuffix("}") {
                guard !actual.isEmpty else { return nil }
                values[String(expected.dropFirst().dropLast())] = String(actual)
            } else if expected != actual {
                return nil
            }
        }
        return values
    }
}

extension Route: CustomStringConvertible {
    public var description: String { "\(method) \(template)" }
}

/// What the server may log about one request: nothing personal.
public struct RequestLog: Sendable, Hashable {
    public var method: String
    /// The matched route's template; nil when no route matched.
    public var route: String?
    public var status: Int
    public var duration: Duration
    /// The group of the authenticated device, if any.
    public var group: String?
    /// The authenticated device's id, if any.
    public var device: String?

    public init(method: String, route: String?, status: Int, duration: Duration, group: String?, device: String?) {
        self.method = method
        self.route = route
        self.status = status
        self.duration = duration
        self.group = group
        self.device = device
    }
}
