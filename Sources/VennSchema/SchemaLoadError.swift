/// A schema file that cannot be loaded, naming the file and what is wrong.
///
/// Schema files ship inside the programs, so this error means a broken
/// build or a hand-edited schema directory; the message says which
/// declaration to fix.
public struct SchemaLoadError: Sendable, Hashable {
    /// What kind of mistake the file holds.
    ///
    /// A struct rather than an enum, so adding a code never breaks callers.
    public struct Code: Sendable, Hashable {
        private enum Base: String, Sendable, Hashable {
            case malformedJSON
            case invalidDeclaration
            case unsupportedKeyword
            case duplicateCollection
            case missingMergeRule
            case unknownMergeRule
            case sealedMergeRule
            case mergeRuleMismatch
            case unknownListColumn
            case unknownRequiredField
            case unknownReference
            case invalidPattern
            case invalidDefault
            case invalidVersion
            case unknownEnumLabel
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The file is not well-formed JSON, or repeats an object key.
        public static let malformedJSON = Code(.malformedJSON)
        /// A keyword is missing, or holds a value of the wrong kind.
        public static let invalidDeclaration = Code(.invalidDeclaration)
        /// A validation keyword the validator does not enforce, which would
        /// pass unchecked.
        public static let unsupportedKeyword = Code(.unsupportedKeyword)
        /// Two files declare the same collection.
        public static let duplicateCollection = Code(.duplicateCollection)
        /// A field has no `x-merge`.
        public static let missingMergeRule = Code(.missingMergeRule)
        /// A field's `x-merge` names no known rule.
        public static let unknownMergeRule = Code(.unknownMergeRule)
        /// A sealed (`personal` or `health`) field uses a rule that needs
        /// plaintext; only `lww` and `manual` work on ciphertext.
        public static let sealedMergeRule = Code(.sealedMergeRule)
        /// A rule that does not fit the field's type: `forward` needs an
        /// enum, `union` an array, `max` and `min` a single value.
        public static let mergeRuleMismatch = Code(.mergeRuleMismatch)
        /// `x-list` names a field the collection does not declare.
        public static let unknownListColumn = Code(.unknownListColumn)
        /// `required` names a field the collection does not declare.
        public static let unknownRequiredField = Code(.unknownRequiredField)
        /// `x-ref` names a collection the set does not declare.
        public static let unknownReference = Code(.unknownReference)
        /// A `pattern` is not a regular expression.
        public static let invalidPattern = Code(.invalidPattern)
        /// A `default` does not satisfy its own field's rules.
        public static let invalidDefault = Code(.invalidDefault)
        /// The schema set's version is not a positive number.
        public static let invalidVersion = Code(.invalidVersion)
        /// `x-enum-labels` labels a code the field's enum does not allow.
        public static let unknownEnumLabel = Code(.unknownEnumLabel)
    }

    /// What kind of mistake it is.
    public var code: Code
    /// The file's name, e.g. `volunteer.json`.
    public var file: String
    /// What is wrong and where, e.g. `field 'status': forward needs an enum`.
    public var message: String

    /// Describes a load failure.
    public init(code: Code, file: String, message: String) {
        self.code = code
        self.file = file
        self.message = message
    }
}

extension SchemaLoadError: Error {}

extension SchemaLoadError: CustomStringConvertible {
    /// The file, then the message: `volunteer.json: field 'status': ...`.
    public var description: String {
        "\(file): \(message)"
    }
}

extension SchemaLoadError.Code: CustomStringConvertible {
    /// The code's name, e.g. `sealedMergeRule`.
    public var description: String {
        base.rawValue
    }
}
