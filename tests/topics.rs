//! The shipped topic lexicon and its matcher: one subject named in different words and
//! languages is one topic, whole words only, the longest phrase winning, and words too
//! generic to name a subject name none.

use sameside::domain::detect::topics::{TopicId, Topics, TopicsError};

fn t() -> &'static Topics {
    Topics::shipped()
}

/// The display names of the topics found in `text`, in order.
fn found(text: &str) -> Vec<&'static str> {
    t().topics_in(text)
        .into_iter()
        .map(|(id, _)| t().name(id))
        .collect()
}

/// Asserts that every text names exactly the one topic `name`.
fn all_name(name: &str, texts: &[&str]) {
    assert!(t().find(name).is_some(), "no topic called '{name}'");
    for text in texts {
        assert_eq!(found(text), vec![name], "in '{text}'");
    }
}

#[test]
fn the_shipped_file_parses_and_every_topic_has_at_least_three_words() {
    let lexicon = match Topics::load_shipped() {
        Ok(lexicon) => lexicon,
        Err(e) => panic!("{e}"),
    };
    assert!(lexicon.len() >= 40, "only {} topics", lexicon.len());
    assert_eq!(
        lexicon.len(),
        t().len(),
        "the shipped lexicon is the parsed file"
    );
    for id in lexicon.ids() {
        let words = lexicon.words(id);
        assert!(words.len() >= 3, "'{}' has {words:?}", lexicon.name(id));
    }
}

#[test]
fn every_form_of_every_topic_is_found_as_that_topic() {
    for id in t().ids() {
        for form in t().forms(id) {
            // Lower-case words around the form: a lone two-letter code in capitals is
            // not taken from a text written all in capitals.
            let text = format!("about {form} here");
            let hits: Vec<TopicId> = t().topics_in(&text).into_iter().map(|(x, _)| x).collect();
            assert_eq!(hits, vec![id], "'{form}' of '{}'", t().name(id));
        }
    }
}

#[test]
fn no_word_belongs_to_two_topics() {
    let twice = r#"(topics: [
        (name: "price", words: ["price", "prix", "Preis"]),
        (name: "prize", words: ["award", "Prix", "trophy"]),
    ])"#;
    assert!(matches!(
        Topics::from_ron(twice),
        Err(TopicsError::WordTwice { .. })
    ));
    // The same word spelled differently (case, accents, endings) is the same word.
    let spelled = r#"(topics: [
        (name: "results", words: ["résultat[|s]", "results", "Ergebnisse"]),
        (name: "outcome", words: ["outcome", "RESULTATS", "issue"]),
    ])"#;
    assert!(matches!(
        Topics::from_ron(spelled),
        Err(TopicsError::WordTwice { .. })
    ));
}

#[test]
fn a_broken_ending_group_is_refused_with_the_word_that_has_it() {
    let open = r#"(topics: [(name: "price", words: ["price[|s", "prix", "Preis"])])"#;
    match Topics::from_ron(open) {
        Err(TopicsError::BadWord { topic, word, .. }) => {
            assert_eq!((topic.as_str(), word.as_str()), ("price", "price[|s"));
        }
        other => panic!("{other:?}"),
    }
    let tilde =
        r#"(topics: [(name: "exclusivity", words: ["exklusiv~", "exclusive", "esclusiva"])])"#;
    assert!(matches!(
        Topics::from_ron(tilde),
        Err(TopicsError::BadWord { .. })
    ));
    let broken = "(topics: [(name: \"price\", words: [\"price\"]";
    assert!(matches!(
        Topics::from_ron(broken),
        Err(TopicsError::Syntax { .. })
    ));
}

#[test]
fn ending_groups_stand_for_each_ending_and_only_those() {
    let lexicon = match Topics::from_ron(
        r#"(topics: [(name: "billing", words: ["factur[a|as|amos]", "connector[|s]", "data cent[re|er][|s]"])])"#,
    ) {
        Ok(lexicon) => lexicon,
        Err(e) => panic!("{e}"),
    };
    let names = |text: &str| lexicon.topics_in(text).len();
    for text in [
        "Facturamos",
        "facturas",
        "connector",
        "connectors",
        "data centers",
        "data centre",
    ] {
        assert_eq!(names(text), 1, "'{text}'");
    }
    for text in ["factur", "facturar", "connectorss", "data cent"] {
        assert_eq!(names(text), 0, "'{text}'");
    }
}

#[test]
fn price_in_any_language_is_the_price() {
    all_name(
        "price",
        &[
            "price",
            "pricing",
            "the list price",
            "our price list",
            "tariff",
            "tarif",
            "Preis",
            "prix",
            "prezzo",
            "precio",
            "pris",
            "prijs",
            "Preise",
            "tarifs",
            "prezzi",
        ],
    );
}

#[test]
fn a_price_floor_and_a_price_cap_are_their_own_topics_not_the_price() {
    all_name(
        "price floor",
        &[
            "price floor",
            "a floor",
            "prix plancher",
            "plancher",
            "Mindestpreis",
            "golv",
            "prisgolv",
            "minimum price",
            "prezzo minimo",
            "precio mínimo",
        ],
    );
    all_name(
        "price cap",
        &[
            "price cap",
            "maximum price",
            "Höchstpreis",
            "prix plafond",
            "prezzo massimo",
            "precio máximo",
            "pristak",
        ],
    );
}

#[test]
fn discounts_royalties_and_margins_match_across_languages() {
    all_name(
        "discount",
        &[
            "Rabatt",
            "remise",
            "discount",
            "discounts",
            "sconto",
            "descuento",
            "korting",
            "rabatter",
        ],
    );
    all_name(
        "day rate",
        &[
            "day rate",
            "Tagessatz",
            "taux journalier",
            "tarifa diaria",
            "dagtarief",
        ],
    );
    all_name(
        "royalty",
        &[
            "Redevance",
            "royalty",
            "royalties",
            "Lizenzgebühr",
            "Lizenzgebuehren",
            "regalía",
            "licence fee",
        ],
    );
    all_name(
        "revenue share",
        &[
            "marge",
            "marża",
            "margen",
            "margine",
            "procent marge",
            "margins",
            "revenue share",
            "Umsatzbeteiligung",
        ],
    );
}

#[test]
fn invoicing_is_one_topic_however_it_is_said() {
    all_name(
        "billing",
        &[
            "Facturamos",
            "invoice",
            "invoices",
            "billing",
            "bill",
            "facturer",
            "factura",
            "Rechnung",
            "Rechnungen",
            "fattura",
            "factuur",
            "fakturering",
        ],
    );
}

#[test]
fn brand_words_are_one_topic() {
    all_name(
        "brand",
        &[
            "marque",
            "branding",
            "logo",
            "Marke",
            "marca",
            "co-branding",
            "brand",
            "varumärke",
        ],
    );
}

#[test]
fn roadmap_release_and_publication_match_across_languages() {
    all_name(
        "roadmap",
        &["roadmap", "feuille de route", "hoja de ruta", "Roadmap"],
    );
    all_name(
        "release",
        &[
            "release train",
            "release dates",
            "version",
            "new release",
            "versione",
            "versión",
        ],
    );
    all_name(
        "publication",
        &[
            "publish",
            "publication",
            "pubblicazione",
            "Veröffentlichung",
            "publier",
            "publicación",
            "published",
        ],
    );
}

#[test]
fn publish_and_pubblicazione_are_one_topic() {
    let a = t().topics_in("We publish the benchmark");
    let b = t().topics_in("Nessuna pubblicazione senza accordo");
    assert_eq!(a.len(), 1);
    assert_eq!(b.len(), 1);
    assert_eq!(a[0].0, b[0].0);
}

#[test]
fn connecteurs_and_connectors_are_one_topic() {
    let a = t().topics_in("Les connecteurs restent chez nous");
    let b = t().topics_in("We own the connectors");
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].0, b.first().map(|x| x.0).unwrap_or(TopicId(u16::MAX)));
    assert_eq!(a[0].1, "connecteurs");
    all_name(
        "connectors",
        &[
            "connector",
            "integration",
            "Konnektor",
            "connettore",
            "conector",
            "connecteur",
            "API",
        ],
    );
}

#[test]
fn results_and_background_ip_are_different_topics() {
    all_name(
        "results",
        &[
            "risultati",
            "résultats",
            "Ergebnisse",
            "resultados",
            "results",
            "foreground IP",
        ],
    );
    all_name(
        "background IP",
        &[
            "background IP",
            "Background IP",
            "pre-existing IP",
            "connaissances antérieures",
        ],
    );
    assert_ne!(t().find("results"), t().find("background IP"));
    assert_eq!(found("our background IP stays ours"), vec!["background IP"]);
}

#[test]
fn the_subjects_of_the_brief_are_each_found() {
    let cases: &[(&str, &[&str])] = &[
        ("veto", &["veto", "approval", "Vetorecht", "droit de veto"]),
        (
            "source code",
            &[
                "source code",
                "closed source",
                "open source",
                "open-source",
                "Quellcode",
                "code source",
            ],
        ),
        (
            "templates",
            &["templates", "Vorlagen", "plantillas", "sjablonen"],
        ),
        (
            "customer data",
            &[
                "data",
                "données",
                "Daten",
                "dati",
                "datos",
                "customer data",
                "data residency",
            ],
        ),
        (
            "support desk",
            &[
                "first-line support",
                "support desk",
                "helpdesk",
                "Kundendienst",
            ],
        ),
        (
            "field service",
            &[
                "field service",
                "on-site service",
                "Vor-Ort-Service",
                "service sur site",
            ],
        ),
        (
            "training",
            &[
                "training",
                "certification",
                "Schulung",
                "formation",
                "formazione",
            ],
        ),
        (
            "lead generation",
            &["lead generation", "Leadgenerierung", "génération de leads"],
        ),
        (
            "deal registration",
            &[
                "deal registration",
                "Deal-Registrierung",
                "registered deals",
            ],
        ),
        (
            "exclusivity",
            &[
                "exclusive",
                "exklusiv",
                "exklusiven",
                "exclusif",
                "esclusiva",
                "exclusivo",
                "exclusivity",
            ],
        ),
        (
            "account leadership",
            &[
                "account leadership",
                "prime contractor",
                "Generalunternehmer",
                "account lead",
            ],
        ),
        (
            "subcontracting",
            &[
                "subcontracting",
                "Subunternehmer",
                "sous-traitance",
                "subappalto",
                "subcontratista",
            ],
        ),
        (
            "hosting",
            &[
                "hosting",
                "data centre",
                "data centers",
                "Rechenzentrum",
                "hébergement",
                "centro de datos",
            ],
        ),
        (
            "SLA",
            &[
                "SLA",
                "SLAs",
                "service levels",
                "Reaktionszeit",
                "niveau de service",
            ],
        ),
        (
            "uptime",
            &[
                "uptime",
                "availability",
                "Verfügbarkeit",
                "disponibilité",
                "disponibilidad",
            ],
        ),
        (
            "payment terms",
            &[
                "payment terms",
                "Zahlungsziel",
                "conditions de paiement",
                "net 30",
                "pago",
            ],
        ),
        (
            "minimum volumes",
            &[
                "minimum volumes",
                "minimum commitment",
                "Mindestabnahme",
                "volumen mínimo",
            ],
        ),
        (
            "non-compete",
            &[
                "non-compete",
                "Wettbewerbsverbot",
                "clause de non-concurrence",
                "patto di non concorrenza",
            ],
        ),
        (
            "hiring staff",
            &[
                "poaching",
                "non-solicitation",
                "Abwerbung",
                "débauchage",
                "hiring",
            ],
        ),
        (
            "joint development",
            &[
                "joint development",
                "co-development",
                "gemeinsame Entwicklung",
                "desarrollo conjunto",
            ],
        ),
        (
            "marketing",
            &[
                "co-marketing",
                "marketing",
                "reference customers",
                "case studies",
                "Referenzkunden",
            ],
        ),
        (
            "public sector",
            &[
                "public sector",
                "tenders",
                "Ausschreibungen",
                "appel d'offres",
                "secteur public",
                "licitación",
            ],
        ),
    ];
    for (name, texts) in cases {
        all_name(name, texts);
    }
}

#[test]
fn generic_words_name_no_topic() {
    for text in [
        "customer",
        "our customers and the platform",
        "business as usual for the team",
        "the market grows ten percent a year",
        "we support each other",
        "lead the account",
        "as a result",
        "Kunden, Plattform, Markt, Geschäft, Jahr",
        "clients, plateforme, marché, équipe, année",
    ] {
        assert_eq!(found(text), Vec::<&str>::new(), "in '{text}'");
    }
}

#[test]
fn a_statement_with_two_topics_returns_both_in_text_order() {
    assert_eq!(
        found("Royalty on every connector we ship"),
        vec!["royalty", "connectors"]
    );
    assert_eq!(
        found("Connectors first, then the royalty"),
        vec!["connectors", "royalty"]
    );
    let hits = t().topics_in("Wir wollen die Marke und den Preis bestimmen, die Marke zuerst");
    let names: Vec<(&str, &str)> = hits
        .iter()
        .map(|(id, w)| (t().name(*id), w.as_str()))
        .collect();
    assert_eq!(
        names,
        vec![("brand", "Marke"), ("price", "Preis")],
        "each topic once"
    );
}

#[test]
fn longer_phrases_win_over_their_parts() {
    assert_eq!(found("the list price"), vec!["price"]);
    assert_eq!(
        found("a price floor for resellers"),
        vec!["price floor", "reselling"]
    );
    assert_eq!(found("first-line support"), vec!["support desk"]);
    assert_eq!(found("the release train"), vec!["release"]);
    assert_eq!(found("licence fee"), vec!["royalty"]);
    assert_eq!(found("volume discount"), vec!["discount"]);
    let hits = t().topics_in("Keep the release train");
    assert_eq!(hits.first().map(|h| h.1.as_str()), Some("release train"));
}

#[test]
fn accents_and_case_are_ignored() {
    for text in ["REDEVANCE", "redevance", "Redevance", "ROYALTY"] {
        assert_eq!(found(text), vec!["royalty"], "'{text}'");
    }
    for text in ["resultats", "RÉSULTATS", "Résultats"] {
        assert_eq!(found(text), vec!["results"], "'{text}'");
    }
    assert_eq!(found("facturacion"), vec!["billing"]);
    assert_eq!(found("Hoechstpreis"), vec!["price cap"]);
}

#[test]
fn words_are_whole_words_only() {
    assert_eq!(found("prices"), vec!["price"]);
    assert_eq!(found("priceless"), Vec::<&str>::new());
    assert_eq!(found("datapoint"), Vec::<&str>::new());
    assert_eq!(found("brandy"), Vec::<&str>::new());
}

#[test]
fn an_unknown_id_has_an_empty_name_and_no_words() {
    assert_eq!(t().name(TopicId(u16::MAX)), "");
    assert!(t().words(TopicId(u16::MAX)).is_empty());
}
