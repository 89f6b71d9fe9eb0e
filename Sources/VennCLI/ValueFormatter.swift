public import VennSchema

/// Writes field values for people to read in a language.
///
/// Arrays are joined with ", ", Booleans read "yes"/"no" ("ja"/"nei" in
/// bokmål), `null` is empty, and numbers use the language's decimal mark.
/// Enum codes become their labels (`x-enum-labels`) when the field is
/// known. For machines, print JSON instead (`--json`), which keeps the codes.
public struct ValueFormatter: Sendable, Hashable {
    /// The language Booleans and decimal marks are written in.
    public var language: Language

    /// A formatter for `language`.
    public init(language: Language) {
        self.language = language
    }

    /// `value` as text.
    public func text(for value: JSONValue) -> String {
        switch value {
        case .null: return ""
        case .bool(let flag): return booleanText(flag)
        case .int(let number): return String(number)
        case .double(let number): return Self.numberText(number, in: language)
        case .string(let text): return text
        case .array(let elements): return elements.map(nestedText).joined(separator: ", ")
        case .object: return value.canonicalText
        }
    }

    /// A Boolean as "yes"/"no" or "ja"/"nei".
    public func booleanText(_ flag: Bool) -> String {
        switch language {
        case .english: flag ? "yes" : "no"
        case .bokmal: flag ? "ja" : "nei"
        }
    }

    /// A number without a needless fraction (`3`, not `3.0`), with a decimal
    /// comma in bokmål (`2,5`).
    public static func numberText(_ number: Double, in language: Language) -> String {
        let text = if number.isFinite, number.rounded() == number, abs(number) < 1e15 {
            String(Int64(number))
        } else {
            "\(number)"
        }
        switch language {
        case .english: return text
        case .bokmal: return String(text.map { $0 == "." ? "," : $0 })
        }
    }

    /// A value of `field` as text: like `text(for:)`, but a string the
    /// field's enum allows (or each such element of an array) reads as its
    /// label in the formatter's language. Codes without a label, and any
    /// value when `field` is `nil`, are shown as they are.
    public func text(for value: JSONValue, field: FieldSchema?) -> String {
        guard let field, !field.valueLabels.isEmpty else { return text(for: value) }
        switch value {
        case .string(let code):
            return field.valueLabel(code, in: language.code)
        case .array(let elements):
            return elements.map { element in
                if case .string(let code) = element { return field.valueLabel(code, in: language.code) }
                return nestedText(element)
            }
            .joined(separator: ", ")
        default:
            return text(for: value)
        }
    }

    /// An element of an array; arrays inside arrays keep their brackets so
    /// the nesting stays visible.
    private func nestedText(_ value: JSONValue) -> String {
        if case .array = value { return "[" + text(for: value) + "]" }
        return text(for: value)
    }
}
