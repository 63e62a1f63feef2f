//! The session's glossary as events: what the room may name, what it is told when a
//! name is taken, that undo and redo put every entry back as it was, and that a file
//! with a glossary loads back the same.

#[path = "common/domain.rs"]
mod common;

use std::path::Path;

use common::*;
use sameside::domain::changed::Changed;
use sameside::domain::glossary::split_names;
use sameside::domain::*;
use sameside::storage::format::{Header, decode, encode};

fn entry(id: u32, kind: GlossaryKind, name: &str, aliases: &[&str]) -> GlossaryEntry {
    GlossaryEntry {
        id: ItemId(id),
        kind,
        name: name.to_string(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
    }
}

fn account(id: u32, name: &str, aliases: &[&str]) -> GlossaryEntry {
    entry(id, GlossaryKind::Account, name, aliases)
}

fn added(entry: GlossaryEntry) -> Change {
    Change::GlossaryAdded { entry }
}

/// The next id the room would give, as the app does.
fn fresh(room: &Room) -> u32 {
    room.session().fresh_id().0
}

#[test]
fn an_account_with_aliases_is_added_said_and_taken_back_by_undo() {
    let mut room = Room::new();
    let id = fresh(&room);
    let said = room.ok(added(account(
        id,
        "Daimler Truck",
        &["DTAG", "Daimler Trucks"],
    )));
    assert_eq!(
        said,
        "Glossary: account 'Daimler Truck' (also 'DTAG', 'Daimler Trucks') added"
    );
    assert_eq!(room.session().glossary.len(), 1);
    assert_eq!(
        room.history.last_changed(),
        Some(Changed::Glossary(ItemId(id)))
    );

    room.ok(Change::Undo);
    assert!(room.session().glossary.is_empty());
    room.ok(Change::Redo);
    assert_eq!(
        room.session().glossary,
        vec![account(id, "Daimler Truck", &["DTAG", "Daimler Trucks"])]
    );
}

#[test]
fn a_place_and_a_product_say_where_they_lie_and_whose_they_are() {
    let mut room = Room::new();
    let place = entry(
        fresh(&room),
        GlossaryKind::Place {
            within: vec!["Bavaria".to_string()],
        },
        "Allgäu",
        &[],
    );
    assert_eq!(
        room.ok(added(place)),
        "Glossary: place 'Allgäu' in 'Bavaria' added"
    );
    let product = entry(
        fresh(&room),
        GlossaryKind::Product { partner: GLOBEX },
        "Globex Flow",
        &["Flow"],
    );
    assert_eq!(
        room.ok(added(product)),
        "Glossary: product 'Globex Flow' of Globex (also 'Flow') added"
    );
}

#[test]
fn a_name_or_alias_already_in_the_glossary_is_refused_whatever_its_case() {
    let mut room = Room::new();
    room.ok(added(account(fresh(&room), "Daimler Truck", &["DTAG"])));
    for (name, aliases, taken) in [
        ("daimler truck", vec![], "daimler truck"),
        ("Volvo", vec!["dtag"], "dtag"),
        ("DTAG", vec![], "DTAG"),
        ("  Daimler Truck ", vec![], "Daimler Truck"),
    ] {
        let id = fresh(&room);
        let err = room.refused(added(account(id, name, &aliases)));
        assert_eq!(err, ApplyError::DuplicateGlossaryName(taken.to_string()));
        assert_eq!(
            err.to_string(),
            format!(
                "the glossary already has '{taken}' (names and aliases are compared ignoring case)"
            )
        );
    }
    // Across kinds too: a product and an account may not share a word.
    let product = entry(
        fresh(&room),
        GlossaryKind::Product { partner: ACME },
        "Acme DTAG connector",
        &["Dtag"],
    );
    room.refused(added(product));
}

#[test]
fn one_entry_cannot_name_the_same_word_twice() {
    let mut room = Room::new();
    let id = fresh(&room);
    let err = room.refused(added(account(id, "Trumpf", &["TRUMPF"])));
    assert_eq!(err, ApplyError::DuplicateGlossaryName("TRUMPF".to_string()));
}

#[test]
fn an_empty_name_an_empty_alias_or_an_empty_place_is_refused() {
    let mut room = Room::new();
    let id = fresh(&room);
    assert_eq!(
        room.refused(added(account(id, "  ", &[]))),
        ApplyError::Empty("a glossary entry's name")
    );
    assert_eq!(
        room.refused(added(account(id, "Voith", &["", "VOITH AG"]))),
        ApplyError::Empty("an alias in the glossary")
    );
    let place = entry(
        id,
        GlossaryKind::Place {
            within: vec![" ".to_string()],
        },
        "Ruhr",
        &[],
    );
    assert_eq!(
        room.refused(added(place)),
        ApplyError::Empty("a place that contains a glossary place")
    );
}

#[test]
fn a_product_of_a_partner_not_in_the_session_is_refused() {
    let mut room = Room::new();
    let id = fresh(&room);
    let product = entry(
        id,
        GlossaryKind::Product {
            partner: PartnerId(9),
        },
        "Ghost",
        &[],
    );
    assert_eq!(
        room.refused(added(product)),
        ApplyError::UnknownPartner(PartnerId(9))
    );
}

#[test]
fn an_id_in_use_or_used_before_is_refused() {
    let mut room = Room::new();
    // Role 1 comes with the template.
    assert_eq!(
        room.refused(added(account(1, "Voith", &[]))),
        ApplyError::DuplicateId(ItemId(1))
    );
    let id = fresh(&room);
    room.ok(added(account(id, "Voith", &[])));
    room.ok(Change::GlossaryRemoved { id: ItemId(id) });
    assert_eq!(
        room.refused(added(account(id, "Trumpf", &[]))),
        ApplyError::DuplicateId(ItemId(id))
    );
}

#[test]
fn names_are_kept_without_surrounding_spaces() {
    let mut room = Room::new();
    let id = fresh(&room);
    let place = entry(
        id,
        GlossaryKind::Place {
            within: vec![" Germany ".to_string()],
        },
        " Ruhr ",
        &[" Ruhrgebiet"],
    );
    room.ok(added(place));
    assert_eq!(
        room.session().glossary_entry(ItemId(id)),
        Some(&entry(
            id,
            GlossaryKind::Place {
                within: vec!["Germany".to_string()]
            },
            "Ruhr",
            &["Ruhrgebiet"]
        ))
    );
}

#[test]
fn an_edit_may_keep_its_own_names_change_its_kind_and_undo_restores_it() {
    let mut room = Room::new();
    let id = fresh(&room);
    room.ok(added(account(id, "Trumpf", &["TRUMPF SE"])));
    let edited = entry(
        id,
        GlossaryKind::Product { partner: ACME },
        "Trumpf",
        &["Trumpf SE", "TruLaser"],
    );
    assert_eq!(
        room.ok(Change::GlossaryEdited {
            entry: edited.clone()
        }),
        "Glossary: now product 'Trumpf' of Acme (also 'Trumpf SE', 'TruLaser')"
    );
    assert_eq!(room.session().glossary, vec![edited.clone()]);
    assert_eq!(
        room.history.last_changed(),
        Some(Changed::Glossary(ItemId(id)))
    );
    room.ok(Change::Undo);
    assert_eq!(
        room.session().glossary,
        vec![account(id, "Trumpf", &["TRUMPF SE"])]
    );
    room.ok(Change::Redo);
    assert_eq!(room.session().glossary, vec![edited]);
}

#[test]
fn an_edit_that_takes_another_entrys_alias_is_refused() {
    let mut room = Room::new();
    let voith = fresh(&room);
    room.ok(added(account(voith, "Voith", &["Voith Group"])));
    let trumpf = fresh(&room);
    room.ok(added(account(trumpf, "Trumpf", &[])));
    let err = room.refused(Change::GlossaryEdited {
        entry: account(trumpf, "Trumpf", &["voith group"]),
    });
    assert_eq!(
        err,
        ApplyError::DuplicateGlossaryName("voith group".to_string())
    );
    assert_eq!(
        room.refused(Change::GlossaryEdited {
            entry: account(99, "Nobody", &[]),
        }),
        ApplyError::UnknownItem {
            what: "glossary entry",
            id: ItemId(99)
        }
    );
}

#[test]
fn a_removed_entry_comes_back_by_undo_with_its_id_and_in_its_place() {
    let mut room = Room::new();
    let ids: Vec<u32> = ["Voith", "Trumpf", "Bosch"]
        .iter()
        .map(|name| {
            let id = fresh(&room);
            room.ok(added(account(id, name, &[])));
            id
        })
        .collect();
    let before = room.session().glossary.clone();
    assert_eq!(
        room.ok(Change::GlossaryRemoved { id: ItemId(ids[1]) }),
        "Glossary: account 'Trumpf' removed"
    );
    assert_eq!(room.session().glossary.len(), 2);
    room.ok(Change::Undo);
    assert_eq!(room.session().glossary, before);
    assert_eq!(
        room.refused(Change::GlossaryRemoved { id: ItemId(999) }),
        ApplyError::UnknownItem {
            what: "glossary entry",
            id: ItemId(999)
        }
    );
}

#[test]
fn a_partner_with_products_in_the_glossary_cannot_be_removed_until_they_go() {
    let mut room = Room::new();
    let id = fresh(&room);
    room.ok(added(entry(
        id,
        GlossaryKind::Product { partner: INITECH },
        "Initech Vision Kit",
        &[],
    )));
    let err = room.refused(Change::PartnerRemoved { partner: INITECH });
    assert_eq!(err, ApplyError::PartnerHasProducts("Initech".to_string()));
    assert_eq!(
        err.to_string(),
        "Initech has products in the glossary; remove them first"
    );
    room.ok(Change::GlossaryRemoved { id: ItemId(id) });
    room.ok(Change::PartnerRemoved { partner: INITECH });
}

#[test]
fn a_session_with_a_glossary_loads_back_from_its_file_the_same() {
    let mut room = Room::new();
    room.ok(added(account(fresh(&room), "Daimler Truck", &["DTAG"])));
    let place = entry(
        fresh(&room),
        GlossaryKind::Place {
            within: vec!["Bavaria".to_string(), "Baden-Württemberg".to_string()],
        },
        "Bodensee \"Lake Constance\"",
        &["Lac de Constance"],
    );
    room.ok(added(place));
    let product = fresh(&room);
    room.ok(added(entry(
        product,
        GlossaryKind::Product { partner: ACME },
        "Acme Pick",
        &[],
    )));
    room.ok(Change::GlossaryRemoved {
        id: ItemId(product),
    });
    room.ok(Change::Undo);

    let header = Header::for_history("s", None, &room.history);
    let text = encode(&header, &room.history).expect("encodes");
    assert!(text.contains("GlossaryAdded(entry: (id: "), "{text}");
    assert!(text.contains("kind: Place(within: [\"Bavaria\""), "{text}");
    let (_, loaded) = decode(Path::new("s.ron"), text.as_bytes()).expect("decodes");
    assert_eq!(loaded.session(), room.session());
    assert_eq!(loaded.events(), room.history.events());
    assert_eq!(loaded.session().glossary.len(), 3);
}

#[test]
fn a_glossary_event_written_by_hand_is_read() {
    let mut room = Room::new();
    let header = Header::for_history("s", None, &room.history);
    let text = encode(&header, &room.history).expect("encodes");
    let next = fresh(&room);
    let by_hand = format!(
        "    (at: \"2025-03-14T10:00:00Z\", change: GlossaryAdded(entry: (id: {next}, \
         kind: Product(partner: 2), name: \"Globex Flow\", aliases: [\"Flow\"]))),\n"
    );
    let end = text.rfind("  ],").expect("the list of events ends");
    let text = format!("{}{}{}", &text[..end], by_hand, &text[end..]);
    let (_, loaded) = decode(Path::new("s.ron"), text.as_bytes()).expect("decodes");
    room.ok(added(entry(
        next,
        GlossaryKind::Product { partner: GLOBEX },
        "Globex Flow",
        &["Flow"],
    )));
    assert_eq!(loaded.session().glossary, room.session().glossary);
}

#[test]
fn a_session_exported_before_the_glossary_reads_as_one_with_none() {
    let room = Room::new();
    let json = serde_json::to_string(room.session()).expect("serialises");
    // An empty glossary is left out, exactly as exports from before it look.
    assert!(!json.contains("glossary"), "{json}");
    let read: Session = serde_json::from_str(&json).expect("reads back");
    assert!(read.glossary.is_empty());
    assert_eq!(&read, room.session());
}

#[test]
fn names_typed_on_one_line_are_split_at_commas_and_blanks_dropped() {
    assert_eq!(
        split_names(" DTAG, Daimler Trucks ,, , Daimler Truck AG "),
        vec!["DTAG", "Daimler Trucks", "Daimler Truck AG"]
    );
    assert!(split_names("  ").is_empty());
}
