//! Focus-mode cards of the partners panel: a partner with everyone representing it, or
//! one representative with their function and the partner they speak for.

use ratatui::text::{Line, Span};

use crate::domain::{Partner, Representative, Session};
use crate::tui::theme::Theme;

use super::super::FocusCard;
use super::super::text::one_line;

/// What a partner brings as lines for a focus card: the partner's own line breaks kept,
/// or a muted "not said yet".
fn brings_lines(partner: &Partner, theme: &Theme) -> Vec<Line<'static>> {
    let lines: Vec<Line<'static>> = partner
        .brings
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| Line::styled(format!("  {l}"), theme.text))
        .collect();
    if lines.is_empty() {
        vec![Line::styled("  not said yet", theme.muted)]
    } else {
        lines
    }
}

/// A partner as focus mode shows it: what it brings and every representative with their
/// function. `on_brings` marks what it brings as the cursor's row; a `read_only` view
/// names no key to add anyone.
pub(super) fn partner_card(
    (partner, index): (&Partner, usize),
    on_brings: bool,
    read_only: bool,
    session: &Session,
    theme: &Theme,
) -> FocusCard {
    let reps = &partner.representatives;
    let mut details = Vec::with_capacity(reps.len() + 6);
    let mark = if on_brings { "▸ " } else { "  " };
    details.push(Line::from(vec![
        Span::styled(mark, theme.accent),
        Span::styled("What it brings", theme.muted),
    ]));
    details.extend(brings_lines(partner, theme));
    details.push(Line::default());
    details.push(Line::styled(
        format!("  Representatives ({})", reps.len()),
        theme.muted,
    ));
    if reps.is_empty() {
        let text = if read_only {
            "  None yet"
        } else {
            "  None yet — press a to add one"
        };
        details.push(Line::styled(text, theme.muted));
    }
    for rep in reps {
        details.push(Line::from(vec![
            Span::styled(format!("  {}", rep.name), theme.text),
            Span::styled(format!(" — {}", rep.function), theme.muted),
        ]));
    }
    FocusCard {
        kicker: format!("Partner {} of {}", index + 1, session.partners.len()),
        kicker_style: theme.partner(index),
        title: one_line(&partner.name),
        details,
    }
}

/// A representative as focus mode shows them: their function (which disclosure
/// coverage counts later) and the partner they speak for.
pub(super) fn representative_card(
    partner: &Partner,
    index: usize,
    rep: &Representative,
    theme: &Theme,
) -> FocusCard {
    let colour = theme.partner(index);
    let mut details = vec![
        Line::from(vec![
            Span::styled("Function: ", theme.muted),
            Span::styled(rep.function.label(), theme.text),
        ]),
        Line::from(vec![
            Span::styled("Represents ", theme.muted),
            Span::styled(partner.name.clone(), colour),
            Span::styled(
                match partner.representatives.len() {
                    1 => ", its only representative".to_string(),
                    n => format!(", one of {n} representatives"),
                },
                theme.muted,
            ),
        ]),
        Line::default(),
        Line::from(vec![
            Span::styled("What ", theme.muted),
            Span::styled(partner.name.clone(), colour),
            Span::styled(" brings", theme.muted),
        ]),
    ];
    details.extend(brings_lines(partner, theme));
    FocusCard {
        kicker: format!("Representative · {}", one_line(&partner.name)),
        kicker_style: colour,
        title: one_line(&rep.name),
        details,
    }
}
