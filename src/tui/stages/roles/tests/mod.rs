//! Tests of the role split, by what they look at: the table and holes as drawn, what
//! the keys ask for, what is reported as not shown, and the key table itself.

mod advice;
mod drawing;
mod fit;
mod keys;
mod table_keys;

use chrono::{TimeZone, Utc};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;

use super::RolesScreen;
use super::intents::next_filler;
use super::table::to_u16;
use crate::domain::sample;
use crate::domain::templates::template_roles;
use crate::domain::timeline::Changed;
use crate::domain::{
    Change, History, Hole, HoleFiller, ItemId, NewPartner, PartnerId, PartnershipType, Raci, Role,
    Session,
};
use crate::tui::form::FieldKind;
use crate::tui::intent::Intent;
use crate::tui::stages::screen::Screen;
use crate::tui::stages::testing::{at, proceed, recorded, reported, rows};
use crate::tui::stages::testing::{ctx, draw_stage, key};
use crate::tui::stages::{FocusCard, Hidden};
use crate::tui::theme::Theme;
use crate::tui::widgets::testing::{draw_buffer, test_terminal};

pub(super) const NORTHWIND: PartnerId = PartnerId(1);
pub(super) const GLOBEX: PartnerId = PartnerId(2);

pub(super) fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 12, 12, 0, 0)
        .single()
        .expect("valid time")
}

pub(super) fn press(screen: &mut RolesScreen, session: &Session, code: KeyCode) -> Option<Intent> {
    screen.handle_key(key(code), &ctx(session, &Theme::dark()))
}

/// Draws the screen as the app would: an 80×24 terminal whose body starts below a
/// two-row header and leaves three rows for footer and status.
pub(super) fn draw(screen: &RolesScreen, session: &Session, width: u16, height: u16) -> Buffer {
    draw_stage(width, height, session, |f, ctx| {
        let full = f.area();
        let body = Rect::new(0, 2, full.width, full.height.saturating_sub(5)).intersection(full);
        screen.render(f, body, ctx);
    })
}

pub(super) fn row_with<'a>(rows: &'a [String], needle: &str) -> (usize, &'a String) {
    rows.iter()
        .enumerate()
        .find(|(_, r)| r.contains(needle))
        .unwrap_or_else(|| panic!("no row contains {needle:?}:\n{}", rows.join("\n")))
}

/// Column (in cells) where `needle` starts in `row`.
pub(super) fn col_of(row: &str, needle: &str) -> usize {
    let byte = row
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {row:?}"));
    row[..byte].chars().count()
}

pub(super) fn record(history: &mut History, changes: Vec<Change>) {
    for change in changes {
        history.record(now(), change).expect("change applies");
    }
}

pub(super) fn submit_text(
    intent: Option<Intent>,
    text: &str,
    session: &Session,
) -> (String, Result<Vec<Change>, String>) {
    match intent {
        Some(Intent::Edit {
            initial, purpose, ..
        }) => (
            initial,
            crate::tui::submit::submit_text(&purpose, text.to_string(), session),
        ),
        _ => panic!("expected an editor"),
    }
}

pub(super) fn confirm_yes(intent: Option<Intent>) -> (String, Vec<Change>) {
    match intent {
        Some(Intent::Confirm(confirm)) => {
            let question = confirm.lines.join(" ");
            let yes = confirm
                .options
                .into_iter()
                .find(|o| o.key == 'y')
                .expect("a yes option");
            match yes.then {
                Intent::Record(changes) => (question, changes),
                _ => panic!("yes should record"),
            }
        }
        _ => panic!("expected a confirmation"),
    }
}

pub(super) fn role_id(session: &Session, name: &str) -> ItemId {
    session
        .roles
        .iter()
        .find(|r| r.name == name)
        .expect("role exists")
        .id
}

pub(super) fn role_index(session: &Session, name: &str) -> usize {
    session
        .roles
        .iter()
        .position(|r| r.name == name)
        .expect("role exists")
}

/// A session with eight partners, each with a hole, and a few letters set.
pub(super) fn eight_partners() -> History {
    let names = [
        "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Tyrell",
    ];
    let partners = names
        .iter()
        .zip(1u32..)
        .map(|(name, id)| NewPartner {
            id: PartnerId(id),
            name: format!("{name} Corp"),
            brings: String::new(),
        })
        .collect();
    let kind = PartnershipType::AllianceMember;
    let created = Change::Created {
        title: "Eight".into(),
        moderator: String::new(),
        roles: template_roles(&kind, 1),
        kind,
        partners,
    };
    let mut history = History::create(now(), created).expect("created");
    let role = history.session().roles[0].id;
    for id in 1..=8 {
        let hole = Hole {
            id: history.session().fresh_id(),
            owner: PartnerId(id),
            text: format!("Gap number {id}"),
            filled_by: HoleFiller::Itself,
        };
        record(
            &mut history,
            vec![
                Change::HoleAdded { hole },
                Change::RaciSet {
                    role,
                    partner: PartnerId(id),
                    letter: Some(Raci::Informed),
                },
            ],
        );
    }
    history
}
