//! The shipped gazetteer and the place matcher: places named in any of the main European
//! languages are found, whole words only, and two statements about places overlap when
//! one place contains the other or both contain a third.

use sameside::domain::detect::places::{Gazetteer, GazetteerError, Kind, Overlap, PlaceId};

fn g() -> &'static Gazetteer {
    Gazetteer::shipped()
}

fn id(name: &str) -> PlaceId {
    g().find(name)
        .unwrap_or_else(|| panic!("'{name}' is not in the gazetteer"))
}

/// The English names of the places found in `text`, in order.
fn found(text: &str) -> Vec<&'static str> {
    g().places_in(text)
        .into_iter()
        .map(|(p, _)| g().name(p))
        .collect()
}

/// The overlap between the first place named in each text.
fn overlap_of(a: &str, b: &str) -> Option<Overlap> {
    let first = |text: &str| {
        g().places_in(text)
            .first()
            .map(|(p, _)| *p)
            .unwrap_or_else(|| panic!("no place found in '{text}'"))
    };
    g().overlap(first(a), first(b))
}

/// Whether any place of `a` overlaps any place of `b`.
fn any_overlap(a: &str, b: &str) -> bool {
    let (pa, pb) = (g().places_in(a), g().places_in(b));
    pa.iter()
        .any(|(x, _)| pb.iter().any(|(y, _)| g().overlap(*x, *y).is_some()))
}

#[test]
fn the_shipped_data_parses_and_passes_its_checks() {
    match Gazetteer::load_shipped() {
        Ok(gazetteer) => assert!(gazetteer.len() > 300, "only {} places", gazetteer.len()),
        Err(e) => panic!("the shipped gazetteer is broken: {e}"),
    }
}

#[test]
fn bavaria_and_austria_against_dach_are_found_and_contained() {
    let reseller = "Exclusive reseller for Bavaria and Austria";
    let direct = "We cover all of DACH directly";
    assert_eq!(found(reseller), ["Bavaria", "Austria"]);
    assert_eq!(found(direct), ["DACH"]);
    let dach = id("DACH");
    assert_eq!(g().overlap(dach, id("Bavaria")), Some(Overlap::AContainsB));
    assert_eq!(g().overlap(id("Austria"), dach), Some(Overlap::BContainsA));
}

#[test]
fn the_nordics_contain_sweden_and_norway() {
    assert_eq!(found("Sweden and Norway"), ["Sweden", "Norway"]);
    assert_eq!(
        overlap_of("the Nordics", "Sweden"),
        Some(Overlap::AContainsB)
    );
    assert_eq!(overlap_of("Norway", "Nordic"), Some(Overlap::BContainsA));
}

#[test]
fn a_city_lies_in_its_country_and_all_that_contains_it() {
    assert_eq!(
        overlap_of("Germany", "our office in Munich"),
        Some(Overlap::AContainsB)
    );
    for container in ["Bavaria", "Germany", "DACH", "EU", "Europe", "EMEA"] {
        assert_eq!(
            g().overlap(id(container), id("Munich")),
            Some(Overlap::AContainsB),
            "{container}"
        );
    }
}

#[test]
fn emea_contains_france() {
    assert_eq!(overlap_of("EMEA", "France"), Some(Overlap::AContainsB));
}

#[test]
fn brazil_and_poland_do_not_overlap() {
    assert_eq!(
        overlap_of("grow in Brazil", "keep our business in Poland"),
        None
    );
    assert!(!any_overlap("LATAM", "CEE"));
    assert!(!any_overlap("APAC", "EMEA"));
}

#[test]
fn groupings_that_intersect_share_a_country_not_a_city() {
    // The Nordics and the EU share Denmark, Sweden and Finland (Norway and Iceland are
    // not in the EU): the first of them in the data is named.
    let Some(Overlap::Share(shared)) = g().overlap(id("Nordics"), id("EU")) else {
        panic!("the Nordics and the EU should share a country");
    };
    assert!(["Denmark", "Sweden", "Finland"].contains(&g().name(shared)));
    assert_eq!(g().kind(shared), Some(Kind::Country));
    // Switzerland is not in the EU, so DACH is not inside it.
    let Some(Overlap::Share(shared)) = g().overlap(id("DACH"), id("EU")) else {
        panic!("DACH and the EU should share a country");
    };
    assert!(["Germany", "Austria"].contains(&g().name(shared)));
}

#[test]
fn containment_is_the_same_read_either_way() {
    let ids: Vec<PlaceId> = g().ids().collect();
    for &a in &ids {
        for &b in ids.iter().step_by(7) {
            let flipped = match g().overlap(b, a) {
                Some(Overlap::AContainsB) => Some(Overlap::BContainsA),
                Some(Overlap::BContainsA) => Some(Overlap::AContainsB),
                other => other,
            };
            let here = g().overlap(a, b);
            match (here, flipped) {
                (Some(Overlap::Share(_)), Some(Overlap::Share(_))) => {}
                _ => assert_eq!(here, flipped, "{} / {}", g().name(a), g().name(b)),
            }
        }
    }
}

#[test]
fn names_in_the_main_european_languages_name_the_same_place() {
    let cases = [
        ("Bavaria", ["Bayern", "Bavière", "Baviera"]),
        ("Munich", ["München", "Muenchen", "Monaco di Baviera"]),
        ("Austria", ["Österreich", "Oesterreich", "Autriche"]),
        ("Germany", ["Deutschland", "Allemagne", "Germania"]),
        ("Switzerland", ["Schweiz", "Suisse", "Svizzera"]),
        ("Zurich", ["Zürich", "ZÜRICH", "Zurigo"]),
        ("Vienna", ["Wien", "Vienne", "Viena"]),
        ("Warsaw", ["Warszawa", "Warschau", "Varsovie"]),
        (
            "Baden-Württemberg",
            ["Baden-Wuerttemberg", "baden wurttemberg", "BaWü"],
        ),
    ];
    for (english, others) in cases {
        for other in others {
            assert_eq!(found(other), [english], "{other}");
        }
    }
    assert_eq!(found("Łódź"), ["Łódź"]);
    assert_eq!(found("İstanbul"), ["Istanbul"]);
    // Decomposed accents (as some keyboards and files write them) are the same word.
    assert_eq!(found("Zu\u{308}rich"), ["Zurich"]);
}

#[test]
fn adjectives_name_their_place() {
    assert_eq!(found("German customers"), ["Germany"]);
    assert_eq!(found("the Swedish market"), ["Sweden"]);
    assert_eq!(found("Nordic retail chains"), ["Nordics"]);
    assert_eq!(found("Austrian banks"), ["Austria"]);
    assert_eq!(found("im deutschen Markt"), ["Germany"]);
    assert_eq!(found("clients français"), ["France"]);
    assert_eq!(found("North American distributors"), ["North America"]);
}

#[test]
fn names_are_found_only_as_whole_words() {
    assert!(found("Osloer Kunden").is_empty());
    assert!(found("Parisian style").is_empty());
    assert!(found("Romanesque").is_empty());
    assert!(found("Omanis").is_empty());
    assert!(found("Chinaware").is_empty());
    assert!(found("the Dachshund team").is_empty());
}

#[test]
fn codes_in_capitals_are_places_and_the_same_letters_otherwise_are_not() {
    assert_eq!(found("DACH partners"), ["DACH"]);
    assert!(found("Ein neues Dach für das Lager").is_empty());
    assert_eq!(found("customers in the US"), ["United States"]);
    assert!(found("let us talk").is_empty());
    assert_eq!(found("resell in AT and CH"), ["Austria", "Switzerland"]);
    assert!(found("at the start").is_empty());
    assert!(found("Vente de logiciels").is_empty());
    assert_eq!(found("the EU market"), ["EU"]);
    assert!(found("a 500 GB disk on RS-485, TX and RX").is_empty());
    // In a text shouted in capitals, two-letter codes are not trusted; names still are.
    assert!(found("AT LEAST TWO").is_empty());
    assert_eq!(found("ALL OF EMEA AND BRAZIL"), ["EMEA", "Brazil"]);
    // The verb is not the country.
    assert!(found("polish the onboarding").is_empty());
    assert_eq!(found("Polish retailers"), ["Poland"]);
    // Left out as codes on purpose: common business abbreviations.
    assert!(found("IT department and HR").is_empty());
}

#[test]
fn the_longest_name_wins() {
    assert_eq!(found("North America"), ["North America"]);
    assert_eq!(found("New South Wales"), ["New South Wales"]);
    assert_eq!(found("Lower Austria"), ["Lower Austria"]);
    assert_eq!(found("Northern Ireland"), ["Northern Ireland"]);
    assert_eq!(found("South Tyrol and Tyrol"), ["South Tyrol", "Tyrol"]);
    assert_eq!(found("Mexico City"), ["Mexico City"]);
    assert_eq!(found("Washington, D.C."), ["Washington, D.C."]);
}

#[test]
fn each_place_is_found_once_with_the_words_that_named_it() {
    let found = g().places_in("Bayern (Bavaria), Baden-Württemberg und Bayern");
    let named: Vec<(&str, &str)> = found
        .iter()
        .map(|(p, words)| (g().name(*p), words.as_str()))
        .collect();
    assert_eq!(
        named,
        [
            ("Bavaria", "Bayern"),
            ("Baden-Württemberg", "Baden-Württemberg")
        ]
    );
}

#[test]
fn every_place_is_found_by_its_english_name_and_lies_in_a_top_grouping() {
    let tops = ["EMEA", "Americas", "APAC"].map(id);
    for place in g().ids() {
        let name = g().name(place);
        // In a sentence: a code alone would be a text written all in capitals.
        let hits = g().places_in(&format!("sold in {name} today"));
        assert!(
            hits.iter().any(|(p, _)| *p == place),
            "'{name}' is not found by its own name"
        );
        let reached = tops
            .iter()
            .any(|&top| top == place || g().overlap(top, place) == Some(Overlap::AContainsB));
        assert!(reached, "'{name}' lies in none of EMEA, the Americas, APAC");
        // And by every other name it has.
        for other in g().other_names(place) {
            let spelled = other.trim_start_matches('=').trim_end_matches('~');
            assert!(
                g().places_in(&format!("sold in {spelled} today"))
                    .iter()
                    .any(|(p, _)| *p == place),
                "'{other}' does not find '{name}'"
            );
        }
    }
}

#[test]
fn the_gazetteer_covers_europe_and_the_major_markets() {
    let countries = [
        "Germany",
        "Austria",
        "Switzerland",
        "France",
        "Italy",
        "Spain",
        "Portugal",
        "United Kingdom",
        "Ireland",
        "Netherlands",
        "Belgium",
        "Luxembourg",
        "Denmark",
        "Sweden",
        "Norway",
        "Finland",
        "Iceland",
        "Poland",
        "Czech Republic",
        "Slovakia",
        "Hungary",
        "Romania",
        "Bulgaria",
        "Greece",
        "Croatia",
        "Slovenia",
        "Serbia",
        "Estonia",
        "Latvia",
        "Lithuania",
        "Ukraine",
        "Turkey",
        "United States",
        "Canada",
        "Mexico",
        "Brazil",
        "Argentina",
        "China",
        "Japan",
        "India",
        "South Korea",
        "Australia",
    ];
    for name in countries {
        assert_eq!(g().kind(id(name)), Some(Kind::Country), "{name}");
    }
    for name in [
        "DACH",
        "Benelux",
        "Nordics",
        "Scandinavia",
        "Baltics",
        "Iberia",
        "Balkans",
        "CEE",
        "EU",
        "EMEA",
        "APAC",
        "LATAM",
        "North America",
        "Middle East",
        "Africa",
    ] {
        assert_eq!(g().kind(id(name)), Some(Kind::Grouping), "{name}");
    }
}

#[test]
fn a_loop_of_containment_is_refused_with_a_place_on_it() {
    let looped = r#"(places: [
        (name: "A", kind: Grouping, within: ["B"]),
        (name: "B", kind: Grouping, within: ["A"]),
    ])"#;
    assert!(matches!(
        Gazetteer::from_ron(looped),
        Err(GazetteerError::Loop { .. })
    ));
}

#[test]
fn broken_data_says_what_and_where() {
    let unknown = r#"(places: [(name: "A", kind: Country, within: ["Atlantis"])])"#;
    let err = Gazetteer::from_ron(unknown).err().map(|e| e.to_string());
    assert_eq!(
        err.as_deref(),
        Some("gazetteer: 'A' is within 'Atlantis', which is not a place in the file")
    );
    let twice = r#"(places: [
        (name: "A", kind: Country, names: ["Same"]),
        (name: "B", kind: Country, names: ["same"]),
    ])"#;
    assert!(matches!(
        Gazetteer::from_ron(twice),
        Err(GazetteerError::NameTwice { .. })
    ));
    let syntax = "(places: [(name: \"A\", kind: Planet)])";
    let err = Gazetteer::from_ron(syntax).err().map(|e| e.to_string());
    assert!(
        err.as_deref()
            .is_some_and(|e| e.starts_with("gazetteer.ron:1:")),
        "{err:?}"
    );
}

#[test]
fn a_glossary_adds_places_inside_known_ones() {
    let extra = vec![
        (
            "Franconia".to_string(),
            vec!["Franken-Region".to_string()],
            vec!["Bayern".to_string()],
        ),
        (
            "Nuremberg Metro".to_string(),
            vec![],
            vec!["Franconia".to_string()],
        ),
    ];
    let ext = g().extended(&extra);
    let franconia = ext.find("Franconia").expect("added");
    assert_eq!(ext.kind(franconia), Some(Kind::Glossary));
    let hits: Vec<&str> = ext
        .places_in("Vertrieb in der Franken-Region")
        .into_iter()
        .map(|(p, _)| ext.name(p))
        .collect();
    assert_eq!(hits, ["Franconia"]);
    let metro = ext
        .find("Nuremberg Metro")
        .expect("added after its container");
    assert_eq!(ext.overlap(id("DACH"), metro), Some(Overlap::AContainsB));
    // Ids of the shipped places stay the same in the extension.
    assert_eq!(ext.name(id("Bavaria")), "Bavaria");
    // The shipped gazetteer itself is unchanged.
    assert_eq!(g().find("Franconia"), None);
}

#[test]
fn a_glossary_entry_with_a_known_name_extends_that_place_and_cannot_make_a_loop() {
    let extra = vec![
        (
            "Bavaria".to_string(),
            vec!["Freistaat".to_string()],
            vec!["Munich".to_string()],
        ),
        ("Atlantis".to_string(), vec![], vec!["Nowhere".to_string()]),
    ];
    let ext = g().extended(&extra);
    assert_eq!(ext.len(), g().len() + 1);
    assert_eq!(ext.find("Freistaat"), Some(id("Bavaria")));
    // Bavaria inside Munich would close a loop: that container is ignored.
    assert_eq!(
        ext.overlap(id("Bavaria"), id("Munich")),
        Some(Overlap::AContainsB)
    );
    // A container nobody knows leaves the place standing alone.
    let atlantis = ext.find("Atlantis").expect("added");
    assert!(ext.parents(atlantis).is_empty());
}

#[test]
fn an_id_from_elsewhere_names_nothing_and_overlaps_nothing() {
    let stranger = PlaceId(u16::MAX);
    assert_eq!(g().name(stranger), "");
    assert_eq!(g().overlap(stranger, id("France")), None);
}
