//! What focus mode (`z`) shows of the summary: the verdict with everything said around
//! it, or the selected agreement, open conflict or action item alone and whole.

use ratatui::text::{Line, Span};

use crate::domain::GateDecision;
use crate::domain::board;

use super::super::conflicts::readiness_line;
use super::super::text::one_line;
use super::super::{FocusCard, StageCtx};
use super::dialogs::DATE_FORMAT;
use super::entries::{conflict_marker, unsettled};
use super::time::time_line;
use super::verdict::{verdict_text, verdict_word};

/// The verdict for focus mode, with everything the summary says around it: the note
/// in full, a row per line typed, how far the conflict check came, and how the time
/// went.
pub(super) fn verdict_card(ctx: &StageCtx) -> FocusCard {
    let (session, theme) = (ctx.session, ctx.theme);
    let mut details = Vec::new();
    if let Some((text, style)) = verdict_text(session, theme, ctx.read_only) {
        details.extend(text.into_iter().map(|line| Line::styled(line, style)));
    }
    details.push(Line::default());
    if !matches!(session.gate, Some(GateDecision::TakeAPass { .. })) {
        details.push(readiness_line(ctx.board, theme));
    }
    details.push(time_line(session, theme, false));
    FocusCard {
        kicker: format!("Verdict · {}", one_line(&session.title)),
        kicker_style: theme.heading,
        title: verdict_word(session.verdict).to_string(),
        details,
    }
}

/// Action item `index` for focus mode: what is to be done, by whom and by when.
pub(super) fn action_card(ctx: &StageCtx, index: usize) -> Option<FocusCard> {
    let theme = ctx.theme;
    let actions = &ctx.session.actions;
    let action = actions.get(index)?;
    let owner = if action.owner.trim().is_empty() {
        Span::styled("nobody named yet", theme.muted)
    } else {
        Span::styled(one_line(&action.owner), theme.text)
    };
    let due = match action.due {
        Some(d) if ctx.is_overdue(action) => {
            Span::styled(format!("{} (overdue)", d.format(DATE_FORMAT)), theme.bad)
        }
        Some(d) => Span::styled(d.format(DATE_FORMAT).to_string(), theme.text),
        None => Span::styled("no date set", theme.muted),
    };
    Some(FocusCard {
        kicker: format!("Action item {} of {}", index + 1, actions.len()),
        kicker_style: theme.accent,
        title: one_line(&action.text),
        details: vec![
            Line::from(vec![Span::styled("Owner: ", theme.muted), owner]),
            Line::from(vec![Span::styled("Due: ", theme.muted), due]),
        ],
    })
}

/// Agreement `index` for focus mode: the agreement whole, and the conflict it settled.
pub(super) fn agreement_card(ctx: &StageCtx, index: usize) -> Option<FocusCard> {
    let theme = ctx.theme;
    let count = board::agreements(ctx.board).count();
    let (entry, agreement) = board::agreements(ctx.board).nth(index)?;
    Some(FocusCard {
        kicker: format!(
            "Agreement {} of {count} · {}",
            index + 1,
            entry.category.label()
        ),
        kicker_style: theme.good,
        title: one_line(agreement),
        details: vec![Line::from(vec![
            Span::styled("Settles: ", theme.muted),
            Span::styled(one_line(&entry.description), theme.text),
        ])],
    })
}

/// Unsettled conflict `index` (in the summary's order) for focus mode: what it is, how
/// it stands, and who holds it.
pub(super) fn conflict_card(ctx: &StageCtx, index: usize) -> Option<FocusCard> {
    let theme = ctx.theme;
    let list = unsettled(ctx.board);
    let entry = list.get(index)?;
    let (marker, style) = conflict_marker(entry, theme);
    let mut details = vec![Line::from(vec![
        Span::styled("Stands: ", theme.muted),
        Span::styled(marker, style),
    ])];
    if !entry.owner.trim().is_empty() {
        details.push(Line::from(vec![
            Span::styled("Owner: ", theme.muted),
            Span::styled(one_line(&entry.owner), theme.text),
        ]));
    }
    if let Some(prompt) = &entry.prompt {
        details.push(Line::styled(one_line(prompt), theme.muted));
    }
    Some(FocusCard {
        kicker: format!(
            "Still open {} of {} · {}",
            index + 1,
            list.len(),
            entry.category.label()
        ),
        kicker_style: theme.heading,
        title: one_line(&entry.description),
        details,
    })
}
