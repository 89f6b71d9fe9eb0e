/// A positional argument a command takes, as shown in usage lines
/// (`COLLECTION`, `ID`) and in "missing argument" errors.
public enum ArgumentName: Sendable, Hashable, CaseIterable {
    /// The command, first on the line.
    case command
    /// A collection's name, such as `volunteer`.
    case collection
    /// A record's id.
    case id
    /// A field's name.
    case field
    /// A working group's name.
    case group
    /// A file path.
    case path
    /// A flag's value.
    case value
    /// Whatever a command takes, in the program's usage line.
    case arguments

    /// The placeholder in `language`, in capitals: `COLLECTION` or `SAMLING`.
    public func placeholder(in language: Language) -> String {
        switch (self, language) {
        case (.command, .english): "COMMAND"
        case (.command, .bokmal): "KOMMANDO"
        case (.collection, .english): "COLLECTION"
        case (.collection, .bokmal): "SAMLING"
        case (.id, _): "ID"
        case (.field, .english): "FIELD"
        case (.field, .bokmal): "FELT"
        case (.group, .english): "GROUP"
        case (.group, .bokmal): "GRUPPE"
        case (.path, .english): "PATH"
        case (.path, .bokmal): "STI"
        case (.value, .english): "VALUE"
        case (.value, .bokmal): "VERDI"
        case (.arguments, .english): "ARGUMENTS"
        case (.arguments, .bokmal): "ARGUMENTER"
        }
    }
}
