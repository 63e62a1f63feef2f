//! Focus-mode cards of the role split: a role with every partner's letter in words, or a
//! hole with who fills it.

use ratatui::text::{Line, Span};

use crate::domain::advice::advice_for;
use crate::domain::{Hole, HoleFiller, Raci, Role, Session};
use crate::tui::theme::Theme;

use super::super::FocusCard;
use super::super::text::one_line;
use super::holes::filler_words;
use super::table::{Verdict, role_check};

/// A role as focus mode shows it: each partner's letter in words, the partner under the
/// cursor marked, what the check says about the row and, for a role nobody is marked
/// responsible for, the question for the room.
pub(super) fn role_card(
    s: &Session,
    role: &Role,
    row: usize,
    column: usize,
    theme: &Theme,
) -> FocusCard {
    let mut details = Vec::with_capacity(s.partners.len() + 2);
    for (index, partner) in s.partners.iter().enumerate() {
        let letter = role.raci.get(&partner.id).copied();
        let mark = if column == index + 1 { "▸ " } else { "  " };
        let (glyph, style) = match letter {
            Some(Raci::Accountable) => (Raci::Accountable.letter(), theme.heading),
            Some(Raci::Responsible) => (Raci::Responsible.letter(), theme.text),
            Some(other) => (other.letter(), theme.muted),
            None => ('·', theme.muted),
        };
        let words = letter.map_or_else(
            || " — no letter".to_string(),
            |l| format!(" — {}", l.label()),
        );
        details.push(Line::from(vec![
            Span::styled(mark, theme.accent),
            Span::styled(format!("{glyph}  "), style),
            Span::styled(partner.name.clone(), theme.partner(index)),
            Span::styled(
                words,
                if letter.is_some() {
                    theme.text
                } else {
                    theme.muted
                },
            ),
        ]));
    }
    details.push(Line::default());
    let (check, verdict) = role_check(s, role, true);
    details.push(match verdict {
        Verdict::Conflict => Line::styled(format!("⚠ {check}"), verdict.style(theme)),
        Verdict::Advice => Line::styled(check, verdict.style(theme)),
        Verdict::Clear => Line::styled(
            "✔ one partner accountable, and someone responsible",
            verdict.style(theme),
        ),
    });
    // The question itself, in the room's words: the card is where the moderator reads
    // what the grid's "?" stands for.
    if let Some(advice) = advice_for(s, role) {
        details.push(Line::styled(advice.text, theme.text));
    }
    FocusCard {
        kicker: format!("Role {} of {} · RACI", row + 1, s.roles.len()),
        kicker_style: theme.accent,
        title: one_line(&role.name),
        details,
    }
}

/// A hole as focus mode shows it: whose business it is in, and who fills it, with the
/// method's warning spelled out when another partner is expected to.
pub(super) fn hole_card(
    s: &Session,
    hole: &Hole,
    index: usize,
    row: usize,
    theme: &Theme,
) -> FocusCard {
    let owner = s.partner_name(hole.owner);
    let count = s.holes_of(hole.owner).count();
    let style = match hole.filled_by {
        HoleFiller::Itself => theme.good,
        HoleFiller::Partner(_) => theme.warn,
        HoleFiller::ThirdParty | HoleFiller::Unresolved => theme.muted,
    };
    let mut details = vec![Line::styled(
        filler_words(s, hole.filled_by, usize::MAX),
        style,
    )];
    if matches!(hole.filled_by, HoleFiller::Partner(_)) {
        details.push(Line::default());
        details.push(Line::styled(
            format!(
                "A hole in {owner}'s own business is {owner}'s to fill: counting on another partner to fill it is the classic mistaken belief."
            ),
            theme.muted,
        ));
    }
    FocusCard {
        kicker: format!("Hole {} of {count} in {owner}'s business", row + 1),
        kicker_style: theme.partner(index),
        title: one_line(&hole.text),
        details,
    }
}
