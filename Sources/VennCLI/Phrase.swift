/// A text in both of the program's languages.
///
/// The verbs and options of the working group's commands keep their words
/// next to their code in phrases; the initialiser takes both languages, so
/// a phrase without a translation does not compile.
public struct Phrase: Sendable, Hashable {
    public var english: String
    public var bokmal: String

    public init(_ english: String, nb bokmal: String) {
        self.english = english
        self.bokmal = bokmal
    }

    /// The text in `language`.
    public func text(in language: Language) -> String {
        switch language {
        case .english: english
        case .bokmal: bokmal
        }
    }
}

/// A verb of a working-group command besides its status moves, e.g.
/// `venn course enrol`.
struct WorkflowVerb: Sendable {
    /// The verb as typed.
    var name: String
    /// What follows the verb on the usage line, e.g. `ID --volunteer ID`.
    var arguments: String
    /// What the verb does, in a line.
    var help: Phrase

    init(_ name: String, _ arguments: String, _ help: Phrase) {
        self.name = name
        self.arguments = arguments
        self.help = help
    }
}

/// An option of a working-group command, with its help.
struct WorkflowOption: Sendable {
    var declaration: OptionDeclaration
    /// The option with its value, e.g. `--volunteer ID`.
    var term: String
    var help: Phrase

    init(_ name: String, value: String?, _ help: Phrase) {
        declaration = OptionDeclaration(name, kind: value == nil ? .switch : .value)
        term = "--" + name + (value.map { " " + $0 } ?? "")
        self.help = help
    }

    /// The options every status move takes.
    static let moves: [WorkflowOption] = [
        WorkflowOption("reason", value: "TEXT", Phrase(
            "Why, in a few words (never health details); some moves need it.",
            nb: "Hvorfor, med få ord (aldri helseopplysninger); noen endringer krever det."
        )),
        WorkflowOption("on", value: "DATE", Phrase(
            "The day it happened (YYYY-MM-DD); today by default.",
            nb: "Dagen det skjedde (ÅÅÅÅ-MM-DD); i dag som standard."
        )),
        WorkflowOption("by", value: "ID", Phrase(
            "The member who made the change; by default the one set with «venn member me».",
            nb: "Medlemmet som gjorde endringen; som standard det som er satt med «venn member me»."
        )),
    ]
}

/// What a working-group command offers besides its status moves.
struct WorkflowCommand: Sendable {
    var verbs: [WorkflowVerb]
    var options: [WorkflowOption]

    init(verbs: [WorkflowVerb], options: [WorkflowOption] = []) {
        self.verbs = verbs
        self.options = options
    }
}
