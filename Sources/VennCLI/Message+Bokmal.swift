import Foundation
import VennSchema

// The bokmål catalogue (norsk bokmål). Every switch is exhaustive: a new
// case does not compile until it has a text here and in
// `Message+English.swift`. Words follow the domain: arbeidsgruppe,
// frivillig, kobling; a record is a "post", a collection a "samling", the
// store a "datalager".

extension Message {
    var bokmalText: String {
        let language = Language.bokmal
        switch self {
        // Usage
        case .unknownCommand(let command, let suggestion):
            return "Ukjent kommando \(bokmalQuoted(command))."
                + bokmalSuggestion(suggestion.map(bokmalQuoted))
        case .unknownCollection(let name, let known):
            let list = known.isEmpty ? "" : " Kjente samlinger: \(known.joined(separator: ", "))."
            return "Ukjent samling \(bokmalQuoted(name))." + list
        case .unknownOption(let option, let suggestion):
            return "Ukjent valg \(option)." + bokmalSuggestion(suggestion)
        case .unknownFlag(let flag, let collection, let suggestion):
            return "Ukjent valg \(flag) for \(collection.inlineText(in: language))."
                + bokmalSuggestion(suggestion)
        case .missingValue(let flag):
            return "\(flag) må ha en verdi."
        case .unexpectedValue(let flag):
            return "\(flag) tar ingen verdi."
        case .missingArgument(let argument):
            return "Mangler argumentet \(argument.placeholder(in: language))."
        case .unexpectedArgument(let argument):
            return "Uventet argument \(bokmalQuoted(argument))."
        case .unknownField(let field, let collection, let suggestion):
            return "Ukjent felt \(bokmalQuoted(field)) for \(collection.inlineText(in: language))."
                + bokmalSuggestion(suggestion.map(bokmalQuoted))
        case .cannotClear(let field):
            return "\(bokmalQuoted(field)) må ha en verdi og kan ikke tømmes."
        case .clearedAndSet(let field):
            return "\(bokmalQuoted(field)) blir både satt og tømt; velg én av delene."
        case .readOnlyCollection(let collection):
            return "Venn fører selv postene for \(collection.inlineText(in: language)); "
                + "de kan ikke endres for hånd."
        case .missingStorePath:
            return "Ingen datalager oppgitt: bruk --store STI eller sett VENN_STORE."
        case .noStoreFound(let directory):
            return "Fant ikke noe datalager i \(directory). "
                + "Opprett en med \(bokmalQuoted("venn init --group GRUPPE")), eller bruk --store STI."
        case .severalStores(let groups):
            return "Fant flere datalagre (\(groups.joined(separator: ", "))): velg én med --group GRUPPE."
        case .invalidGroupName(let name):
            return "\(bokmalQuoted(name)) kan ikke brukes som navn på en arbeidsgruppe: "
                + "bruk 1 til 64 bokstaver, sifre, «-», «_» eller «.», og ikke begynn med «.»."
        case .ambiguousID(let id, let matches):
            return "\(bokmalQuoted(id)) passer til \(matches) poster; skriv mer av id-en."
        case .seeHelp(let command):
            let help = ["venn", command?.name, "--help"].compactMap { $0 }.joined(separator: " ")
            return "Kjør \(bokmalQuoted(help)) for hjelp."

        // Invalid data
        case .wrongType(let flag, let value, let expected):
            let kind = Self.bokmalPhrase(for: expected)
            return "\(flag) skal være \(kind), ikke \(bokmalQuoted(value))."
        case .invalidData(let issue):
            let record = [issue.collection, issue.id].filter { !$0.isEmpty }.joined(separator: " ")
            let place = issue.pointer.isEmpty ? record : "\(record): \(issue.pointer)"
            return "\(place): \(Self.bokmalPhrase(for: issue.expected))."

        // Not found
        case .recordNotFound(let collection, let id):
            return "Fant ingen \(collection.inlineText(in: language)) med id \(id)."
        case .noHistory(let collection, let id):
            return "Ingen historikk for \(collection.inlineText(in: language)) \(id)."
        case .noRecords(let collection):
            return "Ingen poster for \(collection.inlineText(in: language)) ennå."

        // Store
        case .storeNotFound(let path):
            return "Fant ikke noe Venn-datalager i \(path). "
                + "Opprett et med \(bokmalQuoted("venn init --group GRUPPE"))."
        case .storeAlreadyExists(let path):
            return "Det finnes allerede et datalager i \(path)."
        case .notAStore(let path):
            return "\(path) er ikke et Venn-datalager (ikke en SQLite-database laget av Venn)."
        case .storeTooNew(let path, let found, let supported):
            return "Datalageret i \(path) har versjon \(found), men dette programmet støtter "
                + "bare til og med versjon \(supported). Oppdater venn."
        case .storeUnavailable(let path, let reason):
            return "Kan ikke åpne eller opprette datalageret i \(path): \(reason)."
        case .internalError(let detail):
            return "Intern feil: \(detail). Dette er en feil i venn."

        // Sync
        case .notEnrolled:
            return "Dette datalageret har ingen synkroniseringsserver. Registrer det med "
                + "\(bokmalQuoted("venn init --group GRUPPE --server URL --code KODE"))."
        case .serverUnreachable(let server, let detail):
            return "Får ikke kontakt med serveren på \(server) (\(detail)). Endringene dine er tatt vare på; "
                + "prøv igjen senere."
        case .deviceUnauthorized:
            return "Serveren godtar ikke denne maskinen: tilgangen er ukjent eller trukket tilbake. "
                + "Be administratoren om en ny registreringskode."
        case .deviceForbidden:
            return "Tilgangen til denne maskinen hører til en annen arbeidsgruppe."
        case .invalidEnrollmentCode:
            return "Registreringskoden er ukjent, allerede brukt eller utløpt. Be administratoren om en ny."
        case .wrongGroup(let expected, let actual):
            return "Koden gjelder arbeidsgruppe \(actual), ikke \(expected)."
        case .schemaMismatch(let detail):
            return "Programmet og serveren bruker ulike skjemaversjoner (\(detail)). Oppdater venn."
        case .serverRefused(let detail):
            return "Serveren avviste forespørselen: \(detail)."
        case .takeNeeded:
            return "Si hvilken verdi som skal beholdes: --take mine, --take theirs eller --take VERDI."
        case .noValueFromThisLaptop:
            return "Ingen av de motstridende verdiene ble skrevet på denne maskinen; "
                + "bruk --take theirs eller en verdi."
        case .conflictNotFound(let id):
            return "Fant ingen konflikt med id \(id)."

        // Import and export
        case .fileUnreadable(let path):
            return "Kan ikke lese \(path)."
        case .csvBroken(let line, let reason):
            return "CSV-filen er ødelagt på linje \(line): \(reason)."
        case .emptyFile:
            return "Filen har ingen rader å importere."
        case .unknownColumns(let columns, let collection):
            return "Disse kolonnene er ikke felt i \(collection.inlineText(in: language)): "
                + "\(columns.joined(separator: ", "))."
        case .duplicateColumns(let columns):
            return "Disse kolonnene gjelder samme felt to ganger: \(columns.joined(separator: ", "))."
        case .badCell(let line, let column, let value, let expected):
            return "Linje \(line), kolonne \(column): forventet \(Self.bokmalPhrase(for: expected)), "
                + "ikke \(bokmalQuoted(value))."
        case .invalidRow(let line, let issue):
            let field = issue.pointer.isEmpty ? "" : "\(issue.pointer): "
            return "Linje \(line): \(field)\(Self.bokmalPhrase(for: issue.expected))."
        case .unknownFormat(let format):
            return "Ukjent format \(bokmalQuoted(format)): bruk csv eller json."
        case .matchNeedsSubject:
            return "Si hvem det skal finnes kandidater for: venn match suggest --person ID eller --volunteer ID."
        case .unknownSize(let size):
            return "Ukjent størrelse \(bokmalQuoted(size)): bruk typical, city eller stress."

        // The working group's work
        case .said(let phrase):
            return phrase.bokmal
        case .verbNeeded(let command, let known):
            return "venn \(command.name) trenger et verb: \(known.joined(separator: ", "))."
        case .unknownVerb(let verb, let command, let suggestion):
            return "venn \(command.name) har ikke verbet \(bokmalQuoted(verb))"
                + (suggestion.map { "; mente du \($0)?" } ?? ".")
        case .moveNotAllowed(let verb, let current, let allowed):
            return "«venn \(verb)» starter fra " + allowed.joined(separator: " eller ")
                + ", men statusen er \(current)."
        case .reasonRequired(let verb):
            return "«venn \(verb)» krever en begrunnelse: legg til --reason."
        case .unknownReason(let reason, let known):
            return "Ukjent begrunnelse \(bokmalQuoted(reason)); bruk en av: \(known.joined(separator: ", "))."
        case .moveNeeds(let verb, let missing):
            return "«venn \(verb)» krever først: " + missing.map(\.bokmal).joined(separator: "; ") + "."
        case .invalidDate(let flag, let value):
            return "\(flag) trenger en gyldig dato skrevet ÅÅÅÅ-MM-DD; \(bokmalQuoted(value)) er ikke det."
        case .moved(let collection, let id, let from, let to):
            return "\(collection.text(in: language)) \(id): \(from) → \(to)."

        // Confirmations
        case .storeInitialized(let group, let path):
            return "Opprettet datalageret for arbeidsgruppe \(group) i \(path)."
        case .recordAdded(let id):
            return id
        case .recordUpdated(let collection, let id):
            return "Oppdaterte \(collection.inlineText(in: language)) \(id)."
        case .recordDeleted(let collection, let id):
            return "Slettet \(collection.inlineText(in: language)) \(id)."
        case .enrolled(let group, let server):
            return "Registrerte maskinen i arbeidsgruppe \(group) på \(server)."
        case .syncDone(let pushed, let pulled, let merged, let rejected, let kilobytes, let seconds):
            return "Synkronisert: sendt \(pushed), mottatt \(pulled), flettet \(merged), avvist \(rejected) "
                + "(\(kilobytes) kB på \(String(format: "%.1f", seconds).replacingOccurrences(of: ".", with: ",")) s)."
        case .conflictResolved(let id):
            return "Løste konflikt \(id)."
        case .demoDataAdded(let records, let volunteers, let persons):
            return "La til \(records) oppdiktede poster: \(volunteers) frivillige og \(persons) personer, "
                + "med aktivitetstyper, medlemmer, koblinger, kurs og erfaringssamlinger."
        case .importChecked(let valid, let invalid):
            return "Sjekket filen: \(valid) gyldige rader, \(invalid) ugyldige. Ingenting ble skrevet."
        case .imported(let count, let skipped):
            return skipped == 0 ? "Importerte \(count) poster."
                : "Importerte \(count) poster; utelot \(skipped) ugyldige rader."
        case .nothingToChange:
            return "Ingenting å endre."
        }
    }

    /// What a value of `kind` is, after "skal være".
    static func bokmalPhrase(for kind: ValueKind) -> String {
        switch kind {
        case .text: "tekst"
        case .integer: "et heltall"
        case .number: "et tall (med punktum som desimaltegn)"
        case .boolean: "ja eller nei (true/false)"
        case .list: "en liste"
        case .date: "en dato (ÅÅÅÅ-MM-DD)"
        case .dateTime: "et tidspunkt (ÅÅÅÅ-MM-DDTtt:mm:ssZ)"
        case .email: "en e-postadresse"
        case .id: "en post-id (UUID)"
        case .object: "et objekt"
        case .null: "ingen verdi (null)"
        }
    }

    /// What the schema expected, as a phrase ending a validation line.
    static func bokmalPhrase(for expectation: ValidationIssue.Expectation) -> String {
        let language = Language.bokmal
        switch expectation {
        case .required:
            return "verdien mangler, men må fylles ut"
        case .type(let name):
            return ValueKind(schemaName: name).map { "forventet " + bokmalPhrase(for: $0) }
                ?? "forventet en verdi av typen \(name)"
        case .oneOf(let values):
            return "forventet én av: \(values.joined(separator: ", "))"
        case .format(let name):
            return ValueKind(schemaName: name).map { "forventet " + bokmalPhrase(for: $0) }
                ?? "forventet formatet \(name)"
        case .pattern(let pattern):
            return "forventet tekst som passer mønsteret \(pattern)"
        case .minLength(let count):
            return "forventet minst \(count) tegn"
        case .maxLength(let count):
            return "forventet høyst \(count) tegn"
        case .minimum(let number):
            return "forventet minst \(ValueFormatter.numberText(number, in: language))"
        case .maximum(let number):
            return "forventet høyst \(ValueFormatter.numberText(number, in: language))"
        case .minItems(let count):
            return "forventet minst \(count) \(count == 1 ? "verdi" : "verdier")"
        case .maxItems(let count):
            return "forventet høyst \(count) \(count == 1 ? "verdi" : "verdier")"
        case .uniqueItems:
            return "forventet ingen gjentatte verdier"
        case .knownCollection:
            return "forventet en kjent samling"
        }
    }

    private func bokmalQuoted(_ text: String) -> String {
        "«\(text)»"
    }

    private func bokmalSuggestion(_ suggestion: String?) -> String {
        suggestion.map { " Mente du \($0)?" } ?? ""
    }
}
