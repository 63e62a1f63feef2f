//! The focus cards of the vision stage: the shared statement with who agrees to it, or
//! one partner's answers in full.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::domain::{Partner, Session};
use crate::tui::theme::Theme;

use super::super::FocusCard;
use super::super::text::one_line;
use super::Field;
use super::columns::{alignment_text, stance_text};

/// The statement as focus mode shows it: its first sentence as the title, the rest
/// below, then each partner's agreement in words as well as colour.
///
/// Before the statement is written the card says so, and how to write it only where
/// it can be written (`read_only` false).
pub(super) fn statement_card(session: &Session, theme: &Theme, read_only: bool) -> FocusCard {
    let agreed = session.partners.iter().filter(|p| p.vision.agreed).count();
    let kicker = format!(
        "Shared opportunity · {agreed} of {} agree",
        session.partners.len()
    );
    let statement = session.statement.trim();
    if statement.is_empty() {
        return FocusCard {
            kicker,
            kicker_style: theme.accent,
            title: "No shared statement yet".to_string(),
            details: if read_only {
                Vec::new()
            } else {
                vec![Line::styled(
                    "Press Enter to write it together",
                    theme.muted,
                )]
            },
        };
    }
    let (title, rest) = first_sentence(statement);
    // The rest keeps the paragraphs the room wrote.
    let mut details: Vec<Line<'static>> = rest
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| Line::styled(l.to_string(), theme.text))
        .collect();
    if !details.is_empty() {
        details.push(Line::default());
    }
    for (index, partner) in session.partners.iter().enumerate() {
        let (mark, verdict, style) = if partner.vision.agreed {
            ("✔ ", " agrees", theme.good)
        } else {
            ("… ", " has not agreed yet", theme.muted)
        };
        details.push(Line::from(vec![
            Span::styled(mark, style),
            Span::styled(partner.name.clone(), theme.partner(index)),
            Span::styled(verdict, style),
        ]));
    }
    FocusCard {
        kicker,
        kicker_style: theme.accent,
        title: one_line(title),
        details,
    }
}

/// Splits off the first sentence of `text`: up to the first `.`, `!` or `?` that ends a
/// word, or the first line break. The whole text when there is neither.
pub(super) fn first_sentence(text: &str) -> (&str, &str) {
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_is_space = chars.peek().is_none_or(|(_, n)| n.is_whitespace());
        if c == '\n' {
            return (text[..i].trim(), text[i..].trim());
        }
        if matches!(c, '.' | '!' | '?') && next_is_space {
            let end = i + c.len_utf8();
            return (text[..end].trim(), text[end..].trim());
        }
    }
    (text, "")
}

/// One partner's answers as focus mode shows them, with the one under the cursor marked.
pub(super) fn partner_card(
    partner: &Partner,
    index: usize,
    cursor: Option<Field>,
    session: &Session,
    theme: &Theme,
) -> FocusCard {
    let vision = &partner.vision;
    let label = |field: Field, text: &'static str| {
        let mark = if cursor == Some(field) { "▸ " } else { "  " };
        Line::from(vec![
            Span::styled(mark, theme.accent),
            Span::styled(text, theme.muted),
        ])
    };
    let text = |text: &str, details: &mut Vec<Line<'static>>| {
        if text.trim().is_empty() {
            details.push(Line::styled("  not said yet", theme.muted));
            return;
        }
        details.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|l| Line::styled(format!("  {l}"), theme.text)),
        );
    };
    let mut details = Vec::with_capacity(12);
    details.push(label(Field::View, "View of the opportunity"));
    text(&vision.view, &mut details);
    details.push(Line::default());
    details.push(label(
        Field::WhyNotAlone,
        "Why it could not do this as well alone",
    ));
    text(&vision.why_not_alone, &mut details);
    details.push(Line::default());
    let value = |field: Field, name: &'static str, value: String, style: Style| {
        let mut line = label(field, name);
        line.spans.push(Span::styled(": ", theme.muted));
        line.spans.push(Span::styled(value, style));
        line
    };
    details.push(match alignment_text(vision.alignment) {
        Some(score) => value(
            Field::Alignment,
            "Alignment with the statement",
            score,
            theme.text,
        ),
        None => value(
            Field::Alignment,
            "Alignment with the statement",
            "not scored".to_string(),
            theme.muted,
        ),
    });
    let stance_style = if vision.stance.is_some() {
        theme.text
    } else {
        theme.muted
    };
    details.push(value(
        Field::Stance,
        "Stance",
        stance_text(vision.stance).to_string(),
        stance_style,
    ));
    let (agreement, style) = if vision.agreed {
        ("✔ agrees to the statement", theme.good)
    } else {
        ("… has not agreed yet", theme.muted)
    };
    details.push(value(
        Field::Agreement,
        "Agreement",
        agreement.to_string(),
        style,
    ));
    FocusCard {
        kicker: format!(
            "Market vision · partner {} of {}",
            index + 1,
            session.partners.len()
        ),
        kicker_style: theme.partner(index),
        title: one_line(&partner.name),
        details,
    }
}
