extension DemoData {
    /// One entry of the demo activity catalogue.
    struct Activity {
        var code: String
        var label: String
        var isGroupCapable: Bool
    }

    /// The activity types, with codes in English and bokmål labels.
    static let activities: [Activity] = [
        Activity(code: "walk", label: "Tur", isGroupCapable: true),
        Activity(code: "cafe", label: "Kafébesøk", isGroupCapable: true),
        Activity(code: "music", label: "Musikk og sang", isGroupCapable: true),
        Activity(code: "fishing", label: "Fisketur", isGroupCapable: false),
        Activity(code: "football", label: "Fotball", isGroupCapable: true),
        Activity(code: "gardening", label: "Hagearbeid", isGroupCapable: true),
        Activity(code: "church", label: "Kirke og gudstjeneste", isGroupCapable: true),
        Activity(code: "games", label: "Spill", isGroupCapable: true),
        Activity(code: "conversation", label: "Samtale", isGroupCapable: false),
        Activity(code: "reading", label: "Høytlesning", isGroupCapable: true),
        Activity(code: "crafts", label: "Håndarbeid", isGroupCapable: true),
        Activity(code: "baking", label: "Baking", isGroupCapable: false),
        Activity(code: "dancing", label: "Dans", isGroupCapable: true),
        Activity(code: "culture", label: "Konsert og teater", isGroupCapable: true),
        Activity(code: "shopping", label: "Handletur", isGroupCapable: false),
        Activity(code: "car_trip", label: "Biltur", isGroupCapable: false),
    ]

    /// First names common among volunteers, of all ages.
    static let volunteerFirstNames = [
        "Nora", "Emma", "Ingrid", "Sara", "Maria", "Ida", "Hanne", "Silje", "Camilla", "Marianne",
        "Tone", "Hilde", "Lise", "Kristin", "Anne", "Mona", "Heidi", "Amina", "Ola", "Lars", "Jonas",
        "Magnus", "Erik", "Thomas", "Andreas", "Martin", "Håkon", "Sindre", "Eirik", "Kristian",
        "Geir", "Trond", "Jan", "Bjørn", "Ali", "Piotr", "Mohammed", "Stian", "Vegard", "Øystein",
    ]

    /// First names common in the generation that people with dementia
    /// belong to.
    static let personFirstNames = [
        "Ingrid", "Kari", "Randi", "Solveig", "Gerd", "Bjørg", "Astrid", "Liv", "Marit", "Anne",
        "Berit", "Else", "Turid", "Aud", "Reidun", "Sigrid", "Ragnhild", "Åse", "Olav", "Arne",
        "Kjell", "Odd", "Per", "Knut", "Svein", "Terje", "Leif", "Nils", "Harald", "Egil", "Rolf",
        "Einar", "Bjarne", "Johannes", "Sverre", "Asbjørn",
    ]

    /// Common Norwegian last names.
    static let lastNames = [
        "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
        "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen",
        "Johannessen", "Andreassen", "Jacobsen", "Dahl", "Jørgensen", "Halvorsen", "Henriksen",
        "Lund", "Sørensen", "Moen", "Gundersen", "Iversen", "Strand", "Solberg", "Svendsen", "Eide",
        "Knutsen", "Martinsen", "Paulsen", "Bakken", "Kristoffersen", "Mathisen", "Lie", "Amundsen",
        "Rasmussen", "Lunde", "Solheim", "Berge", "Moe", "Nygård", "Bakke", "Aas", "Myhre", "Vik",
    ]

    /// Parts of a made-up municipality.
    static let areas = [
        "Sentrum", "Nordbyen", "Sørbyen", "Østsiden", "Vestsiden", "Haugen", "Strand", "Skogli",
        "Moen", "Bakkeby", "Fjellstad", "Elvebakken",
    ]

    /// Street names for home addresses.
    static let streets = [
        "Storgata", "Kirkeveien", "Skolegata", "Bakkeveien", "Fjordveien", "Parkveien", "Solbakken",
        "Elvegata", "Granveien", "Bjørkelia", "Torget", "Stasjonsveien",
    ]

    /// Nursing homes and care homes of the made-up municipality.
    static let institutions = [
        "Solhaug sykehjem", "Furulund bo- og omsorgssenter", "Eikely sykehjem",
        "Bakkehaugen omsorgssenter",
    ]

    /// The organisations members of a working group come from, and their
    /// usual tasks.
    static let memberOrganisations: [(name: String, roles: [String])] = [
        ("Demensteamet", ["lead", "network", "matching"]),
        ("Frivilligsentralen", ["recruitment", "register", "course"]),
        ("Hjemmetjenesten", ["followup", "contact_person"]),
        ("Nasjonalforeningen, lokallaget", ["gatherings", "course"]),
        ("Sykehjemmet", ["contact_person", "matching"]),
        ("Dagsenteret", ["contact_person", "followup"]),
        ("Folkehelsekoordinator", ["recruitment", "network"]),
    ]

    /// Places for courses and gatherings.
    static let venues = [
        "Frivilligsentralen", "Kulturhuset, møterom 2", "Dagsenteret", "Biblioteket", "Helsehuset",
    ]

    /// Themes of experience gatherings.
    static let gatheringThemes = [
        "Erfaringsdeling og veiledning", "Kommunikasjon ved demens", "Aktivitetstips for sesongen",
        "Når en kobling avsluttes", "Taushetsplikt i praksis", "Musikk som nøkkel til minner",
    ]

    /// Languages besides bokmål that volunteers and people speak.
    static let otherLanguages = ["en", "nn", "se", "pl", "ar", "so", "de"]

    /// Every availability slot, in weekday order.
    static var slots: [String] { MatchRanking.slots }

    static let recruitmentSources = [
        "national_campaign", "frivillig_no", "facebook", "poster", "press", "word_of_mouth",
        "volunteer_centre", "other",
    ]

    static let referralSources = [
        "dementia_team", "home_services", "nursing_home", "day_centre", "gp", "relative", "self",
    ]

    static let practicalNeeds = [
        "transport", "escort", "wheelchair", "walking_aid", "hearing", "sight", "relative_present",
    ]

    static let endReasons = [
        "person_moved", "person_needs_changed", "person_died", "volunteer_moved", "volunteer_stopped",
        "poor_fit", "other",
    ]

    /// Volunteer statuses besides active and proposed, in the proportions
    /// a group's register shows them; the list repeats for larger groups.
    static let otherVolunteerStatuses = [
        "ready", "interested", "course_done", "ready", "enrolled", "paused", "ready", "ended",
        "interested", "withdrawn", "course_done", "ready", "not_proceeding", "enrolled",
    ]

    /// Person statuses besides matched and proposed, in the proportions a
    /// group's register shows them; the list repeats for larger groups.
    static let otherPersonStatuses = [
        "mapped", "referred", "mapped", "consented", "paused", "mapped", "closed", "referred",
        "mapped", "closed",
    ]
}
