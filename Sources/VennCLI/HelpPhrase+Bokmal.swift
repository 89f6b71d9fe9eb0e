// The bokmål help texts (norsk bokmål). Every switch is exhaustive: a new
// phrase does not compile until it has a text here and in
// `HelpPhrase+English.swift`.

extension HelpPhrase {
    var bokmalText: String {
        switch self {
        case .programSummary:
            "venn fører postene til en arbeidsgruppe for Aktivitetsvenn på denne maskinen, "
                + "og virker uten nett."

        case .usageHeading: "Bruk:"
        case .commandsHeading(let section):
            switch section {
            case .work: "Arbeidsgruppens arbeid:"
            case .records: "Poster:"
            case .sync: "Med serveren:"
            }
        case .gettingStarted:
            "Slik starter en arbeidsgruppe: venn init --group NAVN, så venn group serves, venn member me, "
                + "venn agreement draft. Hver kommando forteller hva den trenger: venn KOMMANDO --help."
        case .collectionsHeading: "Samlinger:"
        case .optionsHeading: "Valg:"
        case .globalOptionsHeading: "Felles valg:"
        case .environmentHeading: "Miljøvariabler:"
        case .exitCodesHeading: "Avslutningskoder:"
        case .fieldsHeading: "Felter:"
        case .verbsHeading: "Verb:"

        case .commandSummary(let command): Self.bokmalSummary(of: command)
        case .commandDetails(let command): Self.bokmalDetails(of: command)

        case .storeOption: "Filen til datalageret. Uten dette valget brukes VENN_STORE."
        case .jsonOption: "Skriv ut JSON i stedet for tekst, for kommandoer som leser."
        case .helpOption: "Vis hjelp."
        case .groupOption: "Arbeidsgruppen datalageret hører til; velger dens datalager når datamappen har flere."
        case .serverOption: "Adressen til synkroniseringsserveren, f.eks. https://venn.example.org. Registrerer "
                + "maskinen sammen med --code."
        case .codeOption: "Engangskoden for registrering fra serverens administrator."
        case .takeOption: "Med resolve: mine (verdien fra denne maskinen), theirs (den andre verdien) eller "
            + "en ny verdi."
        case .dryRunOption: "Kontroller alle rader og rapporter, uten å skrive noe."
        case .skipInvalidOption: "Skriv de gyldige radene selv om noen er ugyldige (de rapporteres)."
        case .formatOption: "csv (standard, for regneark) eller json."
        case .personOption: "Ranger frivillige for denne personen."
        case .volunteerOption: "Ranger personer for denne frivillige."
        case .limitOption: "Hvor mange kandidater som vises (10 som standard)."
        case .sizeOption: "typical (15 frivillige), city (200) eller stress (3 000); typical som standard."
        case .seedOption: "Samme frø gir de samme postene."
        case .fieldFlagsOption:
            "Sett et felt. Se feltene i en samling med «venn add SAMLING --help»."
        case .clearOption(let clearable):
            switch clearable {
            case nil: "Tøm et felt som kan være tomt. Kan gjentas."
            case let fields? where fields.isEmpty: "Ingen felter i denne samlingen kan være tomme."
            case let fields?:
                "Tøm et felt. Kan gjentas. Felter som kan være tomme: "
                    + fields.joined(separator: ", ") + "."
            }
        case .storeVariable: "Filen til datalageret, når --store ikke er gitt."
        case .languageVariables:
            "Den første som er satt, velger språk: norsk (nb, nn, no) gir bokmål, "
                + "alt annet engelsk."
        case .columnsVariable: "Bredden tabeller og hjelp tilpasses."
        case .exitCode(let code): Self.bokmalMeaning(of: code)
        case .moreHelp:
            "Kjør «venn KOMMANDO --help» for en kommando, og «venn add SAMLING --help» "
                + "for feltene i en samling."

        case .required: "påkrevd"
        case .defaultValue(let value): "Standard: \(value)."
        case .oneOf(let values): "Én av: \(values.joined(separator: ", "))."
        case .itemsFrom(let values): "Kommaseparert, blant: \(values.joined(separator: ", "))."
        case .commaSeparated: "Kommaseparert."
        case .reference(let collection): "Id-en til en post i \(collection)."
        case .systemCollection: "Venn fører disse postene selv; de kan ikke settes for hånd."
        case .valuePlaceholder(let kind): Self.bokmalPlaceholder(for: kind)
        case .choicePlaceholder: "VERDI"
        }
    }

    private static func bokmalSummary(of command: Command) -> String {
        switch command {
        case .initialize: "Opprett et datalager for en arbeidsgruppe"
        case .add: "Legg til en post"
        case .list: "Vis postene i en samling"
        case .show: "Vis en post"
        case .edit: "Endre felter i en post"
        case .delete: "Slett en post"
        case .history: "Vis endringene i en post"
        case .why: "Forklar hvorfor et felt har verdien sin"
        case .sync: "Send og hent endringer via serveren"
        case .status: "Hva som skal følges opp nå, og hva som venter på å bli sendt"
        case .conflicts: "Vis og løs motstridende endringer"
        case .import: "Legg til poster fra en CSV-fil"
        case .export: "Skriv en samling som CSV eller JSON"
        case .match: "Foreslå, start og avslutt koblinger; oppfølging av parene"
        case .demoData: "Fyll et datalager med oppdiktede poster"
        case .agreement: "Samarbeidsavtalen med NF: utkast, signer, forankre, send, registrer"
        case .member: "Arbeidsgruppens medlemmer og oppgavene deres"
        case .group: "Hvem arbeidsgruppen er for: hjemmeboende, institusjon, dagsenter"
        case .volunteer: "Den frivilliges vei: kontakt, taushetsløfte, kartlegging, klar, pause, slutt"
        case .person: "Personens vei: kartlegging, venting, pause, avslutning"
        case .course: "Planlegg kurs, meld på frivillige, registrer oppmøte, fullfør"
        case .followup: "Registrer oppfølgingssamtalen etter kurset"
        case .consent: "Samtykke: gi, trekke tilbake, vurdere på nytt"
        case .activity: "Gruppeaktiviteter med flere frivillige"
        case .gathering: "Erfaringssamlinger: planlegg, hold, oppmøte, kostnad"
        case .refund: "Refusjonskrav til NF: krav, send, godkjent, betalt"
        case .stats: "Arbeidsgruppens statistikk til den nasjonale oversikten"
        }
    }

    private static func bokmalDetails(of command: Command) -> String {
        switch command {
        case .initialize:
            "Opprett et datalager for en arbeidsgruppe på denne maskinen. "
                + "Datalageret er én fil."
        case .add:
            "Legg til en post i en samling. Hvert felt settes med et valg som heter det samme "
                + "som feltet. Skriver bare ut id-en til den nye posten, "
                + "så skript kan ta vare på den."
        case .list:
            "Vis postene i en samling, én per linje, med samlingens viktigste kolonner."
        case .show:
            "Vis alle feltene i én post."
        case .edit:
            "Endre felter i en post. Bare feltene som oppgis, endres; --clear tømmer et felt."
        case .delete:
            "Slett en post. Feltene slettes, og slettingen kommer fram til de andre maskinene "
                + "ved neste synkronisering."
        case .history:
            "Vis de registrerte endringene i en post."
        case .why:
            "Forklar hvorfor et felt har verdien sin: hvilken endring som satte den, og hvilken "
                + "regel som valgte mellom endringer gjort samtidig på ulike maskiner."
        case .sync:
            "Send endringene fra denne maskinen til serveren og hent endringene fra de "
                + "andre maskinene, til begge deler er ferdig. Endringer som gjøres mens den "
                + "kjører, flettes inn og overskrives aldri."
        case .status:
            "Vis først hva arbeidsgruppen må følge opp: frivillige som skal kontaktes eller ha "
                + "oppfølgingssamtale, personer som venter, koblinger uten oppfølging, samtykker som "
                + "skal vurderes, poster som skal slettes, og gruppens erfaringssamlinger og "
                + "samarbeidsavtale. På en registrert maskin vises deretter hvor mange endringer som "
                + "venter på å bli sendt, når maskinen sist ble synkronisert, åpne konflikter og poster "
                + "serveren avviste, med begrunnelse. Med --json kommer varslene som \"alerts\"."
        case .conflicts:
            "Vis endringer som ble gjort i samme felt på ulike maskiner samtidig, vis én av "
                + "dem, eller løs den ved å velge din verdi, den andre verdien eller en ny. Å "
                + "løse en konflikt er en endring som alle andre og når de andre maskinene når de "
                + "synkroniserer."
        case .import:
            "Legg radene i et regneark lagret som CSV (komma eller semikolon, UTF-8 med eller uten BOM) "
                + "til en samling. Overskriftene kan være feltnavn eller betegnelser, på norsk eller engelsk "
                + "(Navn, Telefon, E-post). Ingenting skrives med mindre alle radene er gyldige."
        case .export:
            "Skriv alle postene i en samling til standard utdata, som CSV for regneark "
                + "eller som JSON."
        case .match:
            "Ranger kandidater for en person (eller personer for en frivillig) etter felles interesser, "
                + "tider, sted og hva de er villige til, og si hvorfor; suggest oppretter aldri en kobling, "
                + "en person bestemmer med propose. Deretter start, pause, gjenoppta og avslutt koblingen, "
                + "og registrer hvordan paret har det."
        case .demoData:
            "Fyll datalageret med oppdiktede, men realistiske poster (norske navn og steder) "
                + "til demonstrasjon, testing og ytelsesmåling. Bruk et eget datalager til det."
        case .agreement:
            "Følg opp samarbeidsavtalen med Nasjonalforeningen for folkehelsen: lag et utkast, signer, "
                + "forankre i kommunens ledergruppe, send til NF med lederens kontaktopplysninger, og "
                + "registrer når NF bekrefter; registreringen gir tilgang til Verktøykassen."
        case .member:
            "Medlemmene i arbeidsgruppen og oppgavene de deler: lede og være NFs kontakt, rekruttere,"
                + " holde kurs, holde oppfølgingssamtaler, koble par, være kontaktperson, holde "
                + "erfaringssamlinger, holde registeret oppdatert, delta på NFs nettverkssamlinger."
        case .group:
            "Hvem arbeidsgruppen er for (hjemmeboende, institusjon, dagsenter), kommunene og "
                + "statusen."
        case .volunteer:
            "Flytt en frivillig fra interessert til aktiv: registrer første kontakt, signert taushetsløfte "
                + "og kartlegging av interesser og tider, og deretter statusendringene. En frivillig blir "
                + "klar først når kurset er fullført, oppfølgingssamtalen holdt og taushetsløftet signert."
        case .person:
            "Flytt en person som ønsker en aktivitetsvenn fra henvist til koblet: kartlegging av "
                + "interesser, tider og område, og deretter statusendringene. En person kan kartlegges "
                + "først når et samtykke gjelder."
        case .course:
            "Planlegg kurset på 6 timer over én eller to kvelder (eller registrer e-læring), meld på "
                + "frivillige, registrer oppmøte per kveld og fullfør; en frivillig som fullfører, får statusen "
                + "kurs fullført."
        case .followup:
            "Registrer oppfølgingssamtalen med en frivillig etter kurset, og utfallet: klar, trenger tid "
                + "eller går ikke videre."
        case .consent:
            "Registrer samtykke gitt av personen selv, en fremtidsfullmektig eller en verge; trekk det "
                + "tilbake (det avslutter personens aktive koblinger og avslutter personen, og posten slettes"
                + " etter lagringstiden); og sett når det skal vurderes på nytt."
        case .activity:
            "Gruppeaktiviteter: en aktivitetstype, sted og tidspunkt, flere frivillige og antall "
                + "deltakere (aldri navnene)."
        case .gathering:
            "Erfaringssamlinger for de frivillige, minst én og helst to i året: planlegg, inviter, "
                + "hold, tell oppmøte, registrer kostnaden."
        case .refund:
            "Krav til NF om refusjon av kostnader til kurs og erfaringssamlinger, per kategori, "
                + "innenfor grenser arbeidsgruppen kan sette; send, godkjent, betalt eller sendt tilbake."
        case .stats:
            "Regn ut arbeidsgruppens statistikk (bare antall og intervaller, antall under 5 skjules) "
                + "fra postene på denne maskinen, vis den og lagre den som årets statistikkpost til den "
                + "nasjonale oversikten."
        }
    }

    private static func bokmalMeaning(of code: ExitCode) -> String {
        switch code {
        case .success: "fullført"
        case .usage: "feil bruk: ukjent eller manglende kommando, valg eller argument"
        case .invalidData: "ugyldige data: en verdi passer ikke med skjemaet, eller postene tillater ikke steget ennå"
        case .notFound: "finnes ikke: ingen slik post"
        case .storeProblem: "problem med datalageret: mangler, kan ikke leses eller er for nytt"
        case .syncProblem: "et problem med serveren: den svarer ikke, eller den avviste denne maskinen"
        }
    }

    private static func bokmalPlaceholder(for kind: ValueKind) -> String {
        switch kind {
        case .text: "TEKST"
        case .integer: "HELTALL"
        case .number: "TALL"
        case .boolean: "[=ja|nei]"
        case .list: "LISTE"
        case .date: "DATO"
        case .dateTime: "TIDSPUNKT"
        case .email: "E-POST"
        case .id: "ID"
        case .object: "JSON"
        case .null: "null"
        }
    }
}
