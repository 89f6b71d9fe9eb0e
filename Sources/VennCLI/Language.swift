/// The language the program speaks to people.
///
/// Chosen from the locale environment variables the way POSIX programs do:
/// the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and not empty
/// decides. Norwegian locales (`nb`, `nn`, `no`) give bokmål, anything else
/// English.
public enum Language: String, Sendable, Hashable, CaseIterable {
    /// English.
    case english = "en"
    /// Norwegian bokmål (norsk bokmål).
    case bokmal = "nb"

    /// The language code used by the schemas' `x-labels` and `x-help`.
    public var code: String { rawValue }

    /// The variables consulted, in order of precedence.
    public static let environmentVariables = ["LC_ALL", "LC_MESSAGES", "LANG"]

    /// The language the locale environment asks for.
    ///
    /// - Parameter environment: The process environment, e.g.
    ///   `ProcessInfo.processInfo.environment`.
    public init(environment: [String: String]) {
        let locale = Self.environmentVariables
            .lazy
            .compactMap { environment[$0] }
            .first { !$0.isEmpty }
        self = locale.map(Self.init(locale:)) ?? .english
    }

    /// The language for a POSIX locale name such as `nb_NO.UTF-8`: bokmål
    /// when it starts with `nb`, `nn` or `no` (so `nob` and `nno` too).
    public init(locale: String) {
        let prefix = locale.prefix(2).lowercased()
        self = ["nb", "nn", "no"].contains(prefix) ? .bokmal : .english
    }
}
