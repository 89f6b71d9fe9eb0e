/// A database whose schema version the migrator cannot, or may not, bring
/// up to date.
public struct MigrationError: Error {
    /// What went wrong.
    public enum Code: Sendable, Hashable {
        /// The database was migrated by newer code, to version `found`; this
        /// code knows versions up to `supported`. Update the program.
        case storeTooNew(found: Int, supported: Int)
        /// The database, opened read-only, is at version `found` and needs
        /// migrations up to `latest`. Open it for writing once.
        case migrationRequired(found: Int, latest: Int)
        /// The migration to `version` threw `underlyingError`; it was rolled
        /// back, and the ones before it stay applied.
        case migrationFailed(version: Int, name: String)
    }

    /// What went wrong.
    public let code: Code

    /// The error a failed migration threw.
    public let underlyingError: (any Error)?

    /// Makes an error.
    public init(code: Code, underlyingError: (any Error)? = nil) {
        self.code = code
        self.underlyingError = underlyingError
    }
}

extension MigrationError: CustomStringConvertible {
    /// The versions involved and what to do.
    public var description: String {
        switch code {
        case .storeTooNew(let found, let supported):
            "The database has schema version \(found), newer than the \(supported) this program "
                + "supports; update the program."
        case .migrationRequired(let found, let latest):
            "The database has schema version \(found) and needs version \(latest); "
                + "open it for writing to migrate it."
        case .migrationFailed(let version, let name):
            "Migration \(version) (\(name)) failed and was rolled back: "
                + (underlyingError.map { "\($0)" } ?? "unknown error")
        }
    }
}
