public import VennSchema

/// The name of a collection or field as people read it, in every language
/// the schema labels it in.
///
/// Messages carry a `SchemaLabel` rather than a finished string so that the
/// label is taken from the schema (`x-labels`) in the language the message is
/// printed in; the catalogue never translates collection or field names.
public struct SchemaLabel: Sendable, Hashable {
    /// The name in the schema, e.g. `volunteer` or `birth_year`.
    public var name: String
    /// Labels by language code, as in the schema's `x-labels`.
    public var labels: [String: String]

    /// A label with the given translations.
    public init(name: String, labels: [String: String] = [:]) {
        self.name = name
        self.labels = labels
    }

    /// The label of a collection.
    public init(_ collection: CollectionSchema) {
        self.init(name: collection.name, labels: collection.labels)
    }

    /// The label of a field.
    public init(_ field: FieldSchema) {
        self.init(name: field.name, labels: field.labels)
    }

    /// The label in `language`, falling back to English and then to the name.
    public func text(in language: Language) -> String {
        labels[language.code] ?? labels[Language.english.code] ?? name
    }

    /// The label for use inside a sentence: the first letter in lower case,
    /// unless the first word is an abbreviation such as `NF`.
    public func inlineText(in language: Language) -> String {
        let text = text(in: language)
        let firstWord = text.prefix { !$0.isWhitespace }
        guard let first = firstWord.first, first.isUppercase,
              !firstWord.dropFirst().contains(where: \.isUppercase)
        else { return text }
        return first.lowercased() + text.dropFirst()
    }
}
