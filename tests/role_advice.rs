//! Advice in the role split: a role with one accountable partner and nobody marked
//! responsible gets a calm question, not a conflict. Sessions are built through
//! `History::record`, so the guards apply, and the advice is read the way the screen and
//! the exports read it.

#[path = "common/domain.rs"]
mod common;

use common::*;
use sameside::domain::advice::{advice_for, role_advice};
use sameside::domain::*;

/// Acme and Globex, past the gate and on the role split, with no roles yet.
fn on_the_role_split() -> Room {
    let mut room = Room::without_roles(&["Acme", "Globex"]);
    room.pass_gate();
    room.ok(move_to(Stage::Roles));
    room
}

fn letter(room: &mut Room, role: u32, partner: PartnerId, letter: Option<Raci>) {
    room.ok(Change::RaciSet {
        role: ItemId(role),
        partner,
        letter,
    });
}

fn advised(room: &Room) -> Vec<ItemId> {
    role_advice(room.session()).iter().map(|a| a.role).collect()
}

#[test]
fn a_role_with_one_accountable_partner_and_nobody_responsible_gets_a_question() {
    let mut room = on_the_role_split();
    room.ok(add_role(1, "Billing", &[(ACME, Raci::Accountable)]));
    let advice = role_advice(room.session());
    assert_eq!(advice.len(), 1);
    assert_eq!(advice[0].role, ItemId(1));
    assert_eq!(
        advice[0].text,
        "Acme answers for 'Billing'; is Acme also doing it? If another partner does the work, mark that partner R."
    );
}

#[test]
fn consulted_and_informed_partners_do_not_count_as_doing_the_work() {
    let mut room = on_the_role_split();
    room.ok(add_role(
        1,
        "Billing",
        &[(ACME, Raci::Accountable), (GLOBEX, Raci::Consulted)],
    ));
    room.ok(add_role(
        2,
        "Support",
        &[(GLOBEX, Raci::Accountable), (ACME, Raci::Informed)],
    ));
    assert_eq!(advised(&room), vec![ItemId(1), ItemId(2)]);
    let text = &role_advice(room.session())[1].text;
    assert!(text.starts_with("Globex answers for 'Support'"), "{text}");
}

#[test]
fn roles_with_nobody_or_two_accountable_stay_conflicts_and_get_no_advice() {
    let mut room = on_the_role_split();
    room.ok(add_role(1, "Nobody's", &[]));
    room.ok(add_role(2, "Only consulted", &[(ACME, Raci::Consulted)]));
    room.ok(add_role(
        3,
        "Both answer",
        &[(ACME, Raci::Accountable), (GLOBEX, Raci::Accountable)],
    ));
    room.ok(add_role(
        4,
        "Settled",
        &[(ACME, Raci::Accountable), (GLOBEX, Raci::Responsible)],
    ));
    assert!(
        advised(&room).is_empty(),
        "{:?}",
        role_advice(room.session())
    );
}

#[test]
fn marking_r_or_taking_the_a_away_ends_the_advice() {
    let mut room = on_the_role_split();
    room.ok(add_role(1, "Billing", &[(ACME, Raci::Accountable)]));
    room.ok(add_role(2, "Support", &[(GLOBEX, Raci::Accountable)]));
    assert_eq!(advised(&room), vec![ItemId(1), ItemId(2)]);

    // Globex does the billing work: Billing is settled.
    letter(&mut room, 1, GLOBEX, Some(Raci::Responsible));
    assert_eq!(advised(&room), vec![ItemId(2)]);

    // Nobody answers for Support any more: a conflict, not advice.
    letter(&mut room, 2, GLOBEX, None);
    assert!(advised(&room).is_empty());

    // Undo brings the A and with it the question.
    room.ok(Change::Undo);
    assert_eq!(advised(&room), vec![ItemId(2)]);
}

#[test]
fn advice_waits_until_the_session_has_reached_the_role_split() {
    let mut room = Room::without_roles(&["Acme", "Globex"]);
    room.ok(add_role(1, "Billing", &[(ACME, Raci::Accountable)]));
    assert!(advised(&room).is_empty(), "not before the gate");
    room.pass_gate();
    assert_eq!(room.session().reached, Stage::Vision);
    assert!(
        advised(&room).is_empty(),
        "not while the room is still on the vision"
    );
    room.ok(move_to(Stage::Roles));
    assert_eq!(advised(&room), vec![ItemId(1)]);
    // Going back to the vision does not take it away: the room has seen the roles.
    room.ok(move_to(Stage::Vision));
    assert_eq!(advised(&room), vec![ItemId(1)]);
}

#[test]
fn a_session_that_took_a_pass_gets_no_advice() {
    let mut room = Room::without_roles(&["Acme", "Globex"]);
    room.ok(add_role(1, "Billing", &[(ACME, Raci::Accountable)]));
    room.ok(take_a_pass("not this year"));
    assert!(advised(&room).is_empty());
}

#[test]
fn advice_for_one_role_agrees_with_the_list() {
    let mut room = on_the_role_split();
    room.ok(add_role(1, "Billing", &[(ACME, Raci::Accountable)]));
    room.ok(add_role(
        2,
        "Support",
        &[(GLOBEX, Raci::Accountable), (ACME, Raci::Responsible)],
    ));
    let s = room.session();
    let one_by_one: Vec<_> = s.roles.iter().filter_map(|r| advice_for(s, r)).collect();
    assert_eq!(one_by_one, role_advice(s));
}

#[test]
fn a_long_or_multi_line_role_name_is_quoted_on_one_short_line() {
    let mut room = on_the_role_split();
    let long = format!("Billing\nand {}", "invoicing ".repeat(10));
    room.ok(add_role(1, &long, &[(ACME, Raci::Accountable)]));
    let text = &role_advice(room.session())[0].text;
    assert!(!text.contains('\n'), "{text}");
    assert!(text.contains("'Billing and invoicing"), "{text}");
    assert!(text.contains("…'"), "cut short: {text}");
}

#[test]
fn the_example_session_advises_on_the_roles_its_accountable_partner_does_alone() {
    let history = sameside::domain::sample::example_proceed().expect("the sample builds");
    let s = history.session();
    let names: Vec<&str> = role_advice(s)
        .iter()
        .filter_map(|a| s.role(a.role))
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Implementation and integration",
            "Project management",
            "Pricing and commercial terms"
        ]
    );
}
