//! What the stage screens' unit tests share: sessions to start from, a context, keys,
//! drawing a screen and reading it back, opening what a key asked for, and the checks
//! every screen's key table must pass.

use chrono::{DateTime, TimeZone, Utc};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Modifier;

use crate::domain::timeline::Changed;
use crate::domain::{Change, History, NewPartner, PartnerId, PartnershipType, Session, sample};
use crate::tui::form::{FieldKind, Form};
use crate::tui::intent::Intent;
use crate::tui::theme::Theme;
use crate::tui::widgets::display_width;
use crate::tui::widgets::testing::draw_buffer;

use std::fmt::Debug;

use crate::tui::bindings::Effect;

use super::StageCtx;
use super::screen::{Screen, StageScreen};

/// The sample session that ends in a verdict to proceed: every stage has content.
pub fn proceed() -> History {
    sample::example_proceed().expect("the sample session builds")
}

/// The sample with four more open conflicts, all low: places (and kiosks)
/// each partner claims, one side firmly and the other loosely. The sample itself settles every conflict the rules
/// find; screens that list, walk and settle open ones need some left.
pub fn proceed_with_open_lows() -> History {
    use crate::domain::{Function, Interest, InterestCategory, Weight};
    let mut history = proceed();
    let claims = [
        (1, "Keep Sweden for our own team", Weight::Important),
        (2, "Sweden could come later", Weight::Negotiable),
        (1, "Keep Poland for our own team", Weight::Important),
        (2, "Poland could come later", Weight::Negotiable),
        (1, "Keep Spain for our own team", Weight::Important),
        (2, "Spain could come later", Weight::Negotiable),
        (1, "Keep kiosks for our own team", Weight::Important),
        (2, "Kiosks could come later", Weight::Negotiable),
    ];
    for (partner, statement, weight) in claims {
        let interest = Interest {
            id: history.session().fresh_id(),
            partner: PartnerId(partner),
            statement: statement.into(),
            category: InterestCategory::Territory,
            weight,
            function: Function::Sales,
        };
        history
            .record(at(), Change::InterestAdded { interest })
            .expect("the sample takes more interests");
    }
    history
}

/// A fixed moment to record changes at, so nothing depends on the clock.
pub fn at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 12, 10, 0, 0).unwrap()
}

/// A session as it stands when the room sits down: partners named, nothing said.
pub fn fresh(partners: usize) -> History {
    let names = [
        "Northwind Analytics",
        "Globex Integration",
        "Initech",
        "Umbrella",
        "Hooli",
        "Stark Industries",
        "Wayne Enterprises",
        "Cyberdyne Systems",
    ];
    History::create(
        at(),
        Change::Created {
            title: "Test session".into(),
            moderator: "Dana".into(),
            kind: PartnershipType::SystemIntegrator,
            partners: names
                .iter()
                .take(partners)
                .zip(1..)
                .map(|(name, id)| NewPartner {
                    id: PartnerId(id),
                    name: (*name).into(),
                    brings: String::new(),
                })
                .collect(),
            roles: Vec::new(),
        },
    )
    .unwrap()
}

/// The context of a moderator who may change the session.
///
/// The board is computed here and leaked: tests are short-lived processes, and a
/// context that borrows everything keeps the screens' signatures simple.
pub fn ctx<'a>(session: &'a Session, theme: &'a Theme) -> StageCtx<'a> {
    let board: &'static [crate::domain::board::BoardEntry] =
        Box::leak(crate::domain::board::board(session).into_boxed_slice());
    StageCtx::new(session, board, theme, false, None)
}

/// A key pressed on its own, without modifiers.
pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Draws a screen with `render` into a fresh `width` × `height` test terminal, in the
/// dark theme, and returns what it drew.
pub fn draw_stage(
    width: u16,
    height: u16,
    session: &Session,
    render: impl FnOnce(&mut Frame, &StageCtx),
) -> Buffer {
    let theme = Theme::dark();
    let ctx = ctx(session, &theme);
    draw_buffer(width, height, |f| render(f, &ctx))
}

/// Draws a screen as a replay does right after an event that changed `changed`:
/// a fresh `width` × `height` test terminal, dark theme, the change highlighted.
pub fn draw_highlighted(
    width: u16,
    height: u16,
    session: &Session,
    changed: &Changed,
    render: impl FnOnce(&mut Frame, &StageCtx),
) -> Buffer {
    let theme = Theme::dark();
    let mut ctx = ctx(session, &theme);
    ctx.highlight = Some(changed);
    draw_buffer(width, height, |f| render(f, &ctx))
}

/// The rows (whole, as text) where a highlight mark is drawn in the changed style of
/// the dark theme.
pub fn marked_rows(buf: &Buffer) -> Vec<String> {
    let style = super::changed_style(&Theme::dark());
    let all = rows(buf);
    let area = buf.area;
    (area.y..area.bottom())
        .filter(|&y| {
            (area.x..area.right()).any(|x| {
                let cell = &buf[(x, y)];
                cell.symbol() == super::CHANGED_MARK
                    && cell.fg == style.fg.unwrap()
                    && cell.modifier.contains(Modifier::BOLD)
            })
        })
        .map(|y| all[usize::from(y - area.y)].clone())
        .collect()
}

/// Draws a screen with `render` on a `width` × `height` test terminal: its rows,
/// and what it reported to the fit check as not shown.
pub fn draw_fit(
    width: u16,
    height: u16,
    session: &Session,
    render: impl FnOnce(&mut Frame, &StageCtx),
) -> (Vec<String>, Vec<super::Hidden>) {
    let theme = Theme::dark();
    let ctx = ctx(session, &theme);
    let buf = draw_buffer(width, height, |f| render(f, &ctx));
    (rows(&buf), ctx.fit.hidden())
}

/// How many `noun` a screen reported as not shown, and with which keys.
pub fn reported(hidden: &[super::Hidden], noun: &str) -> Option<(usize, &'static str)> {
    hidden
        .iter()
        .find(|h| h.noun == noun)
        .map(|h| (h.count, h.keys))
}

/// A focus card's detail lines as plain text.
pub fn card_lines(card: &super::FocusCard) -> Vec<String> {
    card.details.iter().map(|l| l.to_string()).collect()
}

/// The screen as one string per row, cell by cell.
pub fn rows(buf: &Buffer) -> Vec<String> {
    let area = buf.area;
    (area.y..area.bottom())
        .map(|y| {
            (area.x..area.right())
                .map(|x| buf[(x, y)].symbol())
                .collect()
        })
        .collect()
}

/// Row and column (in cells) where `needle` first appears.
pub fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    rows(buf).iter().enumerate().find_map(|(y, row)| {
        row.find(needle)
            .map(|byte| (y as u16, display_width(&row[..byte]) as u16))
    })
}

/// The form a key opened.
pub fn form(intent: Option<Intent>) -> Form {
    match intent {
        Some(Intent::Form(form)) => form,
        _ => panic!("expected a form"),
    }
}

/// Replaces the text of text field `field`, as if typed.
pub fn set_text(form: &mut Form, field: usize, text: &str) {
    match &mut form.fields[field].kind {
        FieldKind::Text(editor) => editor.set_text(text),
        FieldKind::Choice { .. } => panic!("field {field} is a choice"),
    }
}

/// What the editor a key opened records when `text` is submitted.
pub fn submit_edit(intent: Intent, text: &str, session: &Session) -> Result<Vec<Change>, String> {
    match intent {
        Intent::Edit { purpose, .. } => {
            crate::tui::submit::submit_text(&purpose, text.to_string(), session)
        }
        _ => panic!("expected an editor"),
    }
}

/// The changes a key asked to record straight away.
pub fn recorded(intent: Option<Intent>) -> Vec<Change> {
    match intent {
        Some(Intent::Record(changes)) => changes,
        Some(Intent::Status(s)) => panic!("expected changes, got status {s}"),
        _ => panic!("expected changes"),
    }
}

/// `ctx` with the right to change the session taken away, as in a replay.
pub fn looking<'a>(session: &'a Session, theme: &'a Theme) -> StageCtx<'a> {
    let mut ctx = ctx(session, theme);
    ctx.read_only = true;
    ctx
}

/// The keys `screen` offers in its footer that neither ask the app for anything nor
/// change what it draws: promises that nothing keeps. Drawn small and large, so a change
/// shows whichever layout it belongs to.
pub fn idle_offered_keys<S: Screen + Clone>(screen: &S, ctx: &StageCtx) -> Vec<&'static str> {
    let picture = |screen: &S| {
        [(80, 24), (160, 45)].map(|(w, h)| draw_buffer(w, h, |f| screen.render(f, f.area(), ctx)))
    };
    let before = picture(screen);
    screen
        .offered_keys(ctx)
        .into_iter()
        .filter(|(_, event)| {
            let mut pressed = screen.clone();
            let intent = pressed.handle_key(*event, ctx);
            intent.is_none() && picture(&pressed) == before
        })
        .map(|(words, _)| words)
        .collect()
}

/// Fails naming every key a footer offers that does nothing, at each of `places` (the
/// screen with its cursor somewhere), live and read-only.
pub fn assert_offered_keys_act<S: Screen + Clone + Debug>(session: &Session, places: &[S]) {
    let theme = Theme::dark();
    for screen in places {
        for ctx in [ctx(session, &theme), looking(session, &theme)] {
            let idle = idle_offered_keys(screen, &ctx);
            assert!(
                idle.is_empty(),
                "offered but idle (read-only: {}) at {screen:?}: {idle:?}",
                ctx.read_only
            );
        }
    }
}

/// Fails unless a read-only view of the screen, at each of `places`, offers only keys
/// that look, answers no chord of its table with an editor, a form, a question or a
/// change, and lists no changing key in its help.
pub fn assert_read_only_changes_nothing<S: StageScreen + Clone + Debug>(
    session: &Session,
    places: &[S],
) {
    let theme = Theme::dark();
    let ctx = looking(session, &theme);
    for screen in places {
        for (words, event) in Screen::offered_keys(screen, &ctx) {
            let binding = S::BINDINGS
                .iter()
                .find(|b| b.footer == Some(words) && b.chords.iter().any(|c| c.matches(&event)))
                .unwrap_or_else(|| panic!("'{words}' is offered but not in the table"));
            assert_eq!(binding.effect, Effect::Looks, "'{words}' at {screen:?}");
        }
        for binding in S::BINDINGS {
            for chord in binding.chords {
                let mut pressed = screen.clone();
                let intent = Screen::handle_key(&mut pressed, chord.event(), &ctx);
                let asks_a_change = matches!(
                    intent,
                    Some(Intent::Record(_) | Intent::Edit { .. } | Intent::Form(_))
                        | Some(Intent::Confirm(_))
                );
                assert!(
                    !asks_a_change,
                    "'{}' asked for a change at {screen:?}: {intent:?}",
                    binding.keys
                );
            }
        }
        for line in Screen::help(screen, true) {
            let changing = S::BINDINGS
                .iter()
                .any(|b| b.effect == Effect::Changes && b.keys == line.keys && b.what == line.what);
            assert!(!changing, "help lists '{}' read-only", line.keys);
        }
    }
}

/// A fresh screen of type `S` after each of `paths`, its keys pressed in a live context
/// on `session`: the cursor places a test looks at.
pub fn screens_after<S: Screen + Default>(session: &Session, paths: &[&[KeyCode]]) -> Vec<S> {
    let theme = Theme::dark();
    let ctx = ctx(session, &theme);
    paths
        .iter()
        .map(|path| {
            let mut screen = S::default();
            for code in *path {
                let _ = screen.handle_key(key(*code), &ctx);
            }
            screen
        })
        .collect()
}

/// The rows a replay marks on a fresh `S` drawn at `width` × `height` from the sample
/// session, right after an event that changed `changed`.
pub fn marked_on<S: Screen + Default>(changed: &Changed, width: u16, height: u16) -> Vec<String> {
    let history = proceed();
    let screen = S::default();
    let buf = draw_highlighted(width, height, history.session(), changed, |f, ctx| {
        screen.render(f, f.area(), ctx)
    });
    marked_rows(&buf)
}

/// Sizes where layouts tip over: nothing at all, a cell, slivers both ways, the edges of
/// the two-column and inline-matrix layouts, the smallest supported terminal and a large
/// one.
const ODD_SIZES: [(u16, u16); 22] = [
    (0, 0),
    (1, 1),
    (2, 2),
    (3, 3),
    (3, 40),
    (2, 30),
    (20, 5),
    (30, 8),
    (31, 4),
    (40, 8),
    (40, 10),
    (80, 24),
    (119, 9),
    (119, 12),
    (120, 6),
    (120, 12),
    (159, 34),
    (160, 35),
    (160, 45),
    (200, 2),
    (200, 50),
    (300, 80),
];

/// Draws each of `screens` on each of `sessions` at every odd size and at every size up
/// to 40 × 12, the way the wall draws them: a panic anywhere fails the test.
pub fn draw_at_every_size<S: Screen>(screens: &[S], sessions: &[&Session]) {
    let theme = Theme::dark();
    let small = (0..40).flat_map(|w| (0..12).map(move |h| (w, h)));
    let sizes: Vec<(u16, u16)> = ODD_SIZES.into_iter().chain(small).collect();
    for session in sessions {
        let ctx = ctx(session, &theme);
        for screen in screens {
            for &(w, h) in &sizes {
                draw_buffer(w, h, |f| screen.render(f, f.area(), &ctx));
            }
        }
    }
}

/// `screen` drawn on `session` at `width` × `height` the way the wall draws it: its rows,
/// and what it reported to the fit check as not shown.
pub fn fit_of<S: Screen>(
    screen: &S,
    session: &Session,
    width: u16,
    height: u16,
) -> (Vec<String>, Vec<super::Hidden>) {
    draw_fit(width, height, session, |f, ctx| {
        screen.render(f, f.area(), ctx)
    })
}

/// `screen` drawn on `session` at `width` × `height` the way the wall draws it.
pub fn drawn<S: Screen>(screen: &S, session: &Session, width: u16, height: u16) -> Buffer {
    draw_stage(width, height, session, |f, ctx| {
        screen.render(f, f.area(), ctx)
    })
}
