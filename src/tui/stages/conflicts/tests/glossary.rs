//! The glossary over the conflict list: `G` opens it and Esc or `G` closes it, its keys
//! ask for plain-data dialogs whose forms record the glossary events, the cursor follows
//! what was added, and a read-only view can look but not change.

use crate::domain::{GlossaryEntry, GlossaryKind};
use crate::tui::form::FieldKind;
use crate::tui::purpose::{ConflictsPurpose, FieldId, FieldValue, GlossaryForm, Purpose};
use crate::tui::submit::submit_form;

use super::*;

fn account(history: &History, name: &str, aliases: &[&str]) -> GlossaryEntry {
    GlossaryEntry {
        id: history.session().fresh_id(),
        kind: GlossaryKind::Account,
        name: name.to_string(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
    }
}

/// The sample session with three entries: an account, a place and a product.
fn with_glossary() -> History {
    let mut history = proceed();
    let daimler = account(&history, "Daimler Truck", &["DTAG"]);
    record(&mut history, vec![Change::GlossaryAdded { entry: daimler }]);
    let allgau = GlossaryEntry {
        id: history.session().fresh_id(),
        kind: GlossaryKind::Place {
            within: vec!["Bavaria".to_string()],
        },
        name: "Allgäu".to_string(),
        aliases: Vec::new(),
    };
    record(&mut history, vec![Change::GlossaryAdded { entry: allgau }]);
    let product = GlossaryEntry {
        id: history.session().fresh_id(),
        kind: GlossaryKind::Product {
            partner: PartnerId(2),
        },
        name: "Globex Flow".to_string(),
        aliases: vec!["Flow".to_string()],
    };
    record(&mut history, vec![Change::GlossaryAdded { entry: product }]);
    history
}

fn opened(session: &Session) -> ConflictsScreen {
    let mut screen = ConflictsScreen::default();
    assert_eq!(press(&mut screen, session, KeyCode::Char('G')), None);
    screen
}

fn footer(screen: &ConflictsScreen, ctx: &StageCtx) -> Vec<String> {
    screen
        .footer_keys(ctx)
        .into_iter()
        .map(|(keys, words)| format!("{keys} {words}"))
        .collect()
}

/// The options of the dialog `a` opens, by key, each with the form it leads to.
fn kind_forms(intent: Option<Intent>) -> Vec<(char, crate::tui::form::Form)> {
    let Some(Intent::Confirm(confirm)) = intent else {
        panic!("a asks which kind first: {intent:?}");
    };
    confirm
        .options
        .into_iter()
        .map(|o| match o.then {
            Intent::Form(form) => (o.key, form),
            other => panic!("option {} leads to {other:?}", o.key),
        })
        .collect()
}

#[test]
fn g_opens_the_glossary_and_esc_or_g_goes_back_to_the_conflicts() {
    let history = with_glossary();
    let session = history.session();
    let mut screen = opened(session);
    let all = text(&draw(&screen, session, 100, 30));
    assert!(all.contains("GLOSSARY  3"), "{all}");
    assert!(all.contains("Daimler Truck"), "{all}");
    assert!(all.contains("also DTAG"), "{all}");
    assert!(all.contains("in Bavaria"), "{all}");
    assert!(all.contains("of Globex Integration · also Flow"), "{all}");
    assert!(!all.contains("CONFLICTS"), "{all}");

    press(&mut screen, session, KeyCode::Esc);
    assert!(text(&draw(&screen, session, 100, 30)).contains("CONFLICTS"));
    let mut screen = opened(session);
    press(&mut screen, session, KeyCode::Char('G'));
    assert!(text(&draw(&screen, session, 100, 30)).contains("CONFLICTS"));
}

#[test]
fn the_glossary_footer_offers_its_own_keys_and_a_read_only_view_only_looks() {
    let history = with_glossary();
    let session = history.session();
    let theme = Theme::dark();
    let screen = opened(session);
    assert_eq!(
        footer(&screen, &ctx(session, &theme)),
        [
            "a add",
            "Enter edit",
            "d remove",
            "↑↓ select",
            "Esc back to conflicts"
        ]
    );
    assert_eq!(
        footer(&screen, &looking(session, &theme)),
        ["↑↓ select", "Esc back to conflicts"]
    );
    // An empty glossary offers what it can do: add, and go back.
    let empty = proceed();
    let screen = opened(empty.session());
    assert_eq!(
        footer(&screen, &ctx(empty.session(), &theme)),
        ["a add", "Esc back to conflicts"]
    );
}

#[test]
fn every_key_the_glossary_offers_does_something_and_read_only_changes_nothing() {
    let history = with_glossary();
    let session = history.session();
    let top = opened(session);
    let mut lower = opened(session);
    press(&mut lower, session, KeyCode::Down);
    let places = vec![top, lower];
    assert_offered_keys_act(session, &places);
    assert_read_only_changes_nothing(session, &places);
    let empty = proceed();
    let places = vec![opened(empty.session())];
    assert_offered_keys_act(empty.session(), &places);
    assert_read_only_changes_nothing(empty.session(), &places);
}

#[test]
fn an_empty_glossary_invites_an_entry_only_where_one_can_be_added() {
    let history = proceed();
    let session = history.session();
    let theme = Theme::dark();
    let screen = opened(session);
    let live = text(&draw(&screen, session, 80, 24));
    assert!(live.contains("GLOSSARY  0"), "{live}");
    assert!(live.contains("Press a to add an account"), "{live}");
    let buf = crate::tui::widgets::testing::draw_buffer(80, 24, |f| {
        StageScreen::render(&screen, f, f.area(), &looking(session, &theme))
    });
    let read_only = text(&buf);
    assert!(read_only.contains("Nothing named yet."), "{read_only}");
    assert!(!read_only.contains("Press a"), "{read_only}");
}

#[test]
fn a_asks_the_kind_and_each_kind_has_its_own_form() {
    let history = proceed();
    let session = history.session();
    let mut screen = opened(session);
    let forms = kind_forms(press(&mut screen, session, KeyCode::Char('a')));
    let keys: Vec<char> = forms.iter().map(|(k, _)| *k).collect();
    assert_eq!(keys, ['a', 'p', 'r']);
    let fields = |form: &crate::tui::form::Form| -> Vec<FieldId> {
        form.fields.iter().map(|f| f.id).collect()
    };
    assert_eq!(fields(&forms[0].1), [FieldId::Name, FieldId::Aliases]);
    assert_eq!(
        fields(&forms[1].1),
        [FieldId::Name, FieldId::Aliases, FieldId::Within]
    );
    assert_eq!(
        fields(&forms[2].1),
        [FieldId::Name, FieldId::Aliases, FieldId::Partner]
    );
    // The product form offers the session's partners by name.
    match &forms[2].1.fields[2].kind {
        FieldKind::Choice { options, .. } => {
            assert_eq!(options, &["Northwind Analytics", "Globex Integration"]);
        }
        FieldKind::Text(_) => panic!("whose product is a choice"),
    }
}

#[test]
fn a_submitted_place_form_records_the_place_with_its_names_split_at_commas() {
    let history = proceed();
    let session = history.session();
    let mut screen = opened(session);
    let mut form = kind_forms(press(&mut screen, session, KeyCode::Char('a')))
        .remove(1)
        .1;
    set_text(&mut form, 0, " Ruhr ");
    set_text(&mut form, 1, "Ruhrgebiet, , Ruhr area");
    set_text(&mut form, 2, "North Rhine-Westphalia, Germany");
    let changes = submit_form(&form, session).expect("the form is complete");
    assert_eq!(
        changes,
        vec![Change::GlossaryAdded {
            entry: GlossaryEntry {
                id: session.fresh_id(),
                kind: GlossaryKind::Place {
                    within: vec!["North Rhine-Westphalia".to_string(), "Germany".to_string()],
                },
                name: "Ruhr".to_string(),
                aliases: vec!["Ruhrgebiet".to_string(), "Ruhr area".to_string()],
            }
        }]
    );
    // Without a name, the form says what is missing.
    set_text(&mut form, 0, "  ");
    assert_eq!(
        submit_form(&form, session),
        Err("give it a name".to_string())
    );
}

#[test]
fn a_product_form_records_the_partner_chosen() {
    let history = proceed();
    let session = history.session();
    let mut screen = opened(session);
    let mut form = kind_forms(press(&mut screen, session, KeyCode::Char('a')))
        .remove(2)
        .1;
    set_text(&mut form, 0, "Globex Flow");
    if let FieldKind::Choice { selected, .. } = &mut form.fields[2].kind {
        *selected = 1;
    }
    let changes = submit_form(&form, session).expect("complete");
    let [Change::GlossaryAdded { entry }] = changes.as_slice() else {
        panic!("{changes:?}");
    };
    assert_eq!(
        entry.kind,
        GlossaryKind::Product {
            partner: PartnerId(2)
        }
    );
}

#[test]
fn enter_edits_the_selected_entry_in_its_kinds_form_and_records_the_edit() {
    let history = with_glossary();
    let session = history.session();
    let mut screen = opened(session);
    press(&mut screen, session, KeyCode::Down);
    let mut form = form(press(&mut screen, session, KeyCode::Enter));
    let allgau = &session.glossary[1];
    assert_eq!(
        form.purpose,
        Purpose::Conflicts(ConflictsPurpose::GlossaryEntry {
            id: Some(allgau.id),
            form: GlossaryForm::Place,
        })
    );
    assert_eq!(form.values().text(FieldId::Within), "Bavaria");
    set_text(&mut form, 1, "Allgau");
    let changes = submit_form(&form, session).expect("complete");
    assert_eq!(
        changes,
        vec![Change::GlossaryEdited {
            entry: GlossaryEntry {
                aliases: vec!["Allgau".to_string()],
                ..allgau.clone()
            }
        }]
    );
    // The product's form starts on its partner.
    press(&mut screen, session, KeyCode::Down);
    let form = super::form(press(&mut screen, session, KeyCode::Enter));
    assert_eq!(
        form.values().text(FieldId::Aliases),
        "Flow",
        "{:?}",
        form.values()
    );
    assert_eq!(
        form.fields[2].value(),
        FieldValue::Choice(1),
        "Globex Integration"
    );
}

#[test]
fn d_asks_before_removing_and_yes_records_the_removal() {
    let history = with_glossary();
    let session = history.session();
    let mut screen = opened(session);
    let Some(Intent::Confirm(confirm)) = press(&mut screen, session, KeyCode::Char('d')) else {
        panic!("d asks first");
    };
    assert_eq!(
        confirm.lines,
        ["Remove the account 'Daimler Truck' from the glossary? Undo (u) brings it back."]
    );
    assert_eq!(
        confirm.options[0].then,
        Intent::Record(vec![Change::GlossaryRemoved {
            id: session.glossary[0].id
        }])
    );
}

#[test]
fn the_cursor_follows_an_entry_added_and_stays_in_place_when_one_is_removed() {
    let mut history = with_glossary();
    let mut screen = opened(history.session());
    // Added at the end: the cursor goes to it.
    let bosch = account(&history, "Bosch", &[]);
    let bosch_id = bosch.id;
    record_and_follow(
        &mut screen,
        &mut history,
        vec![Change::GlossaryAdded { entry: bosch }],
    );
    assert_eq!(
        screen.glossary.selected(history.session()).map(|e| e.id),
        Some(bosch_id)
    );
    // Removing the entry above keeps the cursor on Bosch.
    let first = history.session().glossary[0].id;
    record_and_follow(
        &mut screen,
        &mut history,
        vec![Change::GlossaryRemoved { id: first }],
    );
    assert_eq!(
        screen.glossary.selected(history.session()).map(|e| e.id),
        Some(bosch_id)
    );
    let all = text(&draw(&screen, history.session(), 100, 30));
    assert!(all.contains("▶ account  Bosch"), "{all}");
}

#[test]
fn focus_mode_shows_the_selected_entry_whole() {
    let history = with_glossary();
    let session = history.session();
    let theme = Theme::dark();
    let mut screen = opened(session);
    press(&mut screen, session, KeyCode::End);
    let card = Screen::focus_card(&screen, &ctx(session, &theme)).expect("an entry");
    assert_eq!(card.kicker, "Glossary · product");
    assert_eq!(card.title, "Globex Flow");
    let lines = card_lines(&card);
    assert!(
        lines.contains(&"Also called: Flow".to_string()),
        "{lines:?}"
    );
    assert!(
        lines.contains(&"Where or whose: of Globex Integration".to_string()),
        "{lines:?}"
    );
    assert!(lines.contains(&"3 of 3 in the glossary".to_string()));
}

#[test]
fn a_long_glossary_scrolls_to_the_cursor_and_says_what_is_out_of_view() {
    let mut history = proceed();
    for i in 0..30 {
        let entry = account(&history, &format!("Account number {i:02}"), &[]);
        record(&mut history, vec![Change::GlossaryAdded { entry }]);
    }
    let session = history.session();
    let mut screen = opened(session);
    press(&mut screen, session, KeyCode::End);
    let (rows, hidden) = fit_of(&screen, session, 80, 24);
    let all = rows.join("\n");
    assert!(all.contains("▶ account  Account number 29"), "{all}");
    assert!(all.contains("↑ "), "{all}");
    assert!(
        hidden.iter().any(|h| h.noun == "glossary entries"),
        "{hidden:?}"
    );
    draw_at_every_size(&[screen], &[session]);
}
