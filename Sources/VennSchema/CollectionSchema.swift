/// The declaration of one record collection, loaded from
/// `Schemas/records/<name>.json`.
public struct CollectionSchema: Sendable, Hashable {
    /// The collection's name (`x-collection`), e.g. `volunteer`.
    public var name: String
    /// The sensitivity of the collection as a whole (`x-sensitivity`); a field
    /// may declare its own.
    public var sensitivity: Sensitivity
    /// Fields in declaration order.
    public var fields: [FieldSchema]
    /// Names of the fields a new record must have.
    public var required: Set<String>
    /// Fields shown as columns by `list`, most important first (`x-list`).
    public var listColumns: [String]
    /// Whether the collection is kept by the system rather than edited by
    /// people (`x-system`), like the conflict ledger.
    public var isSystem: Bool
    /// Labels for people by language code (`x-labels`): singular names.
    public var labels: [String: String]
    /// One-line help by language code (`x-help`).
    public var help: [String: String]
    /// The moves of the collection's status machine (`x-transitions`), in
    /// declaration order; empty when the collection has none.
    public var transitions: [StatusTransition]

    /// Declares a collection; the schema loader builds these from schema
    /// files.
    public init(
        name: String,
        sensitivity: Sensitivity,
        fields: [FieldSchema],
        required: Set<String> = [],
        listColumns: [String] = [],
        isSystem: Bool = false,
        labels: [String: String] = [:],
        help: [String: String] = [:],
        transitions: [StatusTransition] = []
    ) {
        self.name = name
        self.sensitivity = sensitivity
        self.fields = fields
        self.required = required
        self.listColumns = listColumns
        self.isSystem = isSystem
        self.labels = labels
        self.help = help
        self.transitions = transitions
    }

    /// The field named `name`, if the collection declares it.
    public func field(named name: String) -> FieldSchema? {
        fields.first { $0.name == name }
    }

    /// The one-line help in `language` ("en" or "nb"), falling back to
    /// English and then to an empty string.
    public func help(in language: String) -> String {
        help[language] ?? help["en"] ?? ""
    }

    /// The label in `language` ("en" or "nb"), falling back to English and
    /// then to the collection's name.
    public func label(in language: String) -> String {
        labels[language] ?? labels["en"] ?? name
    }
}
