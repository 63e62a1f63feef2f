//! What the conflict check says about the selected conflict: the panel beside the list
//! on wide screens, the compact one under it on narrower ones, and the focus card.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Padding};

use crate::domain::ConflictStatus;
use crate::domain::board::BoardEntry;
use crate::domain::detect::RULES;
use crate::tui::stages::marks::{severity_marker, spans_width};
use crate::tui::stages::text::one_line;
use crate::tui::stages::{FocusCard, StageCtx, draw_lines, take_top};
use crate::tui::theme::Theme;
use crate::tui::widgets::wrap_lines;

use super::GAP;
use super::words::{
    partner_cell, partner_spans, partner_style, source_tag, status_style, wrap_at_most,
};

fn heading_line(theme: &Theme, entry: &BoardEntry) -> Line<'static> {
    Line::from(vec![
        Span::styled(
            severity_marker(entry.severity),
            theme.severity(entry.severity),
        ),
        Span::styled(" · ", theme.muted),
        Span::styled(entry.category.label(), theme.heading),
    ])
}

fn owner_span(theme: &Theme, entry: &BoardEntry) -> Span<'static> {
    if entry.owner.trim().is_empty() {
        Span::styled("nobody named yet", theme.muted)
    } else {
        Span::styled(entry.owner.clone(), theme.text)
    }
}

/// Where the conflict comes from, in a sentence: the rule and what it looks for.
pub(super) fn source_sentence(entry: &BoardEntry) -> String {
    match entry.rule() {
        Some(rule) => match RULES.iter().find(|r| r.rule == rule) {
            Some(def) => format!("{}: {}", def.name, def.looks_for),
            None => rule.label().to_string(),
        },
        None => "entered by the moderator".to_string(),
    }
}

/// The status with what goes with it: the agreement, or the reason for a dismissal.
fn status_facts(entry: &BoardEntry) -> (&'static str, Option<(&'static str, &str)>) {
    match &entry.status {
        ConflictStatus::Resolved { agreement } => ("resolved", Some(("Agreement", agreement))),
        ConflictStatus::Dismissed { reason } => ("dismissed", Some(("Reason", reason))),
        other => (other.label(), None),
    }
}

/// The full panel beside the list: every field under its own label. Returns how many of
/// its rows did not fit.
pub(super) fn render_side_detail(
    frame: &mut Frame,
    area: Rect,
    ctx: &StageCtx,
    entry: &BoardEntry,
) -> usize {
    let theme = ctx.theme;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.border)
        .padding(Padding::horizontal(1))
        .title(Span::styled(" Selected conflict ", theme.heading));
    let inner = block.inner(area).intersection(area);
    frame.render_widget(block, area);
    let lines = side_detail_lines(ctx, entry, inner.width);
    draw_lines(frame.buffer_mut(), inner, &lines);
    lines.len().saturating_sub(usize::from(inner.height))
}

/// The rows of the side panel for `entry`, wrapped to `width`.
pub(super) fn side_detail_lines(
    ctx: &StageCtx,
    entry: &BoardEntry,
    width: u16,
) -> Vec<Line<'static>> {
    let (session, theme) = (ctx.session, ctx.theme);
    let label = |text: &'static str| Line::styled(text, theme.muted);
    let indented = |line: Line<'static>, lines: &mut Vec<Line<'static>>| {
        for mut row in wrap_lines(&[line], width.saturating_sub(2)) {
            row.spans.insert(0, Span::raw("  "));
            lines.push(row);
        }
    };

    let mut lines = Vec::new();
    lines.push(heading_line(theme, entry));
    lines.extend(wrap_lines(
        &[Line::from(partner_spans(
            session,
            theme,
            &entry.partners,
            false,
        ))],
        width,
    ));
    lines.push(Line::default());
    lines.extend(wrap_lines(
        &[Line::styled(one_line(&entry.description), theme.text)],
        width,
    ));
    lines.push(Line::default());
    if let Some(prompt) = &entry.prompt {
        lines.push(label("Question for the room"));
        indented(Line::styled(prompt.clone(), theme.accent), &mut lines);
    }
    if !entry.shared_terms.is_empty() {
        let terms: Vec<String> = entry
            .shared_terms
            .iter()
            .map(|t| format!("'{t}'"))
            .collect();
        lines.push(label("Shared terms"));
        indented(Line::styled(terms.join(", "), theme.text), &mut lines);
    }
    lines.push(label("Items involved"));
    if entry.items.is_empty() {
        indented(Line::styled("none linked", theme.muted), &mut lines);
    }
    for item in &entry.items {
        indented(
            Line::styled(format!("• {}", session.describe_item(item)), theme.text),
            &mut lines,
        );
    }
    let (status, extra) = status_facts(entry);
    lines.push(label("Status"));
    indented(
        Line::styled(
            status,
            status_style(&entry.status, theme).add_modifier(Modifier::BOLD),
        ),
        &mut lines,
    );
    if let Some((what, text)) = extra {
        lines.push(label(what));
        indented(Line::styled(one_line(text), theme.text), &mut lines);
    }
    lines.push(label("Owner"));
    indented(Line::from(owner_span(theme, entry)), &mut lines);
    lines.push(label("Found by"));
    indented(
        Line::styled(source_sentence(entry), theme.muted),
        &mut lines,
    );
    lines
}

/// One conflict for focus mode: what it is as the title, everything else the panels
/// show as labelled lines, unwrapped (focus mode wraps them to its own width).
pub(super) fn conflict_card(ctx: &StageCtx, entry: &BoardEntry) -> FocusCard {
    let (session, theme) = (ctx.session, ctx.theme);
    let label = |text: &'static str| Span::styled(text, theme.muted);
    let fact = |name: &'static str, value: Vec<Span<'static>>| {
        let mut spans = vec![label(name)];
        spans.extend(value);
        Line::from(spans)
    };
    let mut details = vec![
        // The marker's exclamation marks and word carry the severity without colour.
        fact(
            "Severity: ",
            vec![Span::styled(
                severity_marker(entry.severity),
                theme.severity(entry.severity),
            )],
        ),
        fact(
            "Category: ",
            vec![Span::styled(entry.category.label(), theme.text)],
        ),
        fact(
            "Partners: ",
            partner_spans(session, theme, &entry.partners, false),
        ),
    ];
    let (status, extra) = status_facts(entry);
    let status = if entry.status == ConflictStatus::DealBreaker {
        "✖ deal-breaker"
    } else {
        status
    };
    details.push(fact(
        "Status: ",
        vec![Span::styled(
            status,
            status_style(&entry.status, theme).add_modifier(Modifier::BOLD),
        )],
    ));
    if let Some((what, text)) = extra {
        details.push(Line::from(vec![
            Span::styled(format!("{what}: "), theme.muted),
            Span::styled(one_line(text), theme.text),
        ]));
    }
    details.push(fact("Owner: ", vec![owner_span(theme, entry)]));
    if let Some(prompt) = &entry.prompt {
        details.push(fact(
            "Question for the room: ",
            vec![Span::styled(one_line(prompt), theme.accent)],
        ));
    }
    if !entry.shared_terms.is_empty() {
        let terms: Vec<String> = entry
            .shared_terms
            .iter()
            .map(|t| format!("'{t}'"))
            .collect();
        details.push(fact(
            "Shared terms: ",
            vec![Span::styled(terms.join(", "), theme.text)],
        ));
    }
    for item in &entry.items {
        details.push(fact(
            "Item: ",
            vec![Span::styled(session.describe_item(item), theme.text)],
        ));
    }
    details.push(fact(
        "Found by: ",
        vec![Span::styled(source_sentence(entry), theme.muted)],
    ));
    // A conflict of one partner is that partner's; a shared one is nobody's in colour.
    let kicker_style = match entry.partners.as_slice() {
        [one] => partner_style(session, theme, *one),
        _ => theme.heading,
    };
    let whose: String = partner_spans(session, theme, &entry.partners, false)
        .iter()
        .map(|s| s.content.as_ref())
        .collect();
    FocusCard {
        kicker: format!("Conflict · {whose}"),
        kicker_style,
        title: one_line(&entry.description),
        details,
    }
}

/// The panel under the list on narrower screens: a rule with the heading, then the
/// explanation and the question on the left and the outcome on the right. Returns how
/// many rows of either side did not fit, or were cut short.
pub(super) fn render_compact_detail(
    frame: &mut Frame,
    area: Rect,
    ctx: &StageCtx,
    entry: &BoardEntry,
) -> usize {
    let (session, theme) = (ctx.session, ctx.theme);
    let (rule_row, body) = take_top(area, 1);
    let mut spans = vec![Span::styled("── ", theme.border)];
    spans.extend(heading_line(theme, entry).spans);
    spans.push(Span::styled(
        format!(" · {} ", source_tag(entry)),
        theme.muted,
    ));
    let used = spans_width(&spans);
    let rest = usize::from(rule_row.width).saturating_sub(used);
    spans.push(Span::styled("─".repeat(rest), theme.border));
    draw_lines(frame.buffer_mut(), rule_row, &[Line::from(spans)]);

    let half = body.width.saturating_sub(GAP as u16) / 2;
    let left = Rect::new(body.x, body.y, half, body.height);
    let right = Rect::new(
        body.x.saturating_add(half + GAP as u16),
        body.y,
        body.width.saturating_sub(half + GAP as u16),
        body.height,
    )
    .intersection(body);

    let mut text = vec![Line::styled(one_line(&entry.description), theme.text)];
    if let Some(prompt) = &entry.prompt {
        text.push(Line::styled(format!("? {prompt}"), theme.accent));
    }
    if !entry.shared_terms.is_empty() {
        let terms: Vec<String> = entry
            .shared_terms
            .iter()
            .map(|t| format!("'{t}'"))
            .collect();
        text.push(Line::styled(
            format!("Shared terms: {}", terms.join(", ")),
            theme.muted,
        ));
    }
    let text = wrap_lines(&text, left.width);
    draw_lines(frame.buffer_mut(), left, &text);
    let mut cut = text.len().saturating_sub(usize::from(left.height));

    // Values wrap under themselves, not under their labels, so the labels stay a column.
    const LABEL_W: usize = 9;
    let width = right.width.saturating_sub(LABEL_W as u16);
    let mut facts: Vec<Line<'static>> = Vec::new();
    let mut fact = |label: &'static str, value: Vec<Span<'static>>, max: usize| {
        let (rows, left_out) = wrap_at_most(Line::from(value), width, max);
        cut += left_out;
        for (n, mut row) in rows.into_iter().enumerate() {
            let head = if n == 0 { label } else { "" };
            row.spans
                .insert(0, Span::styled(format!("{head:<LABEL_W$}"), theme.muted));
            facts.push(row);
        }
    };
    let (status, extra) = status_facts(entry);
    let status_look = status_style(&entry.status, theme).add_modifier(Modifier::BOLD);
    fact("Status", vec![Span::styled(status, status_look)], 1);
    if let Some((what, text)) = extra {
        let what = if what == "Agreement" { "Agreed" } else { what };
        fact(what, vec![Span::styled(one_line(text), theme.text)], 2);
    }
    fact("Owner", vec![owner_span(theme, entry)], 1);
    fact(
        "Partners",
        partner_cell(session, theme, &entry.partners, usize::from(width)),
        1,
    );
    if !entry.items.is_empty() {
        let items: Vec<String> = entry
            .items
            .iter()
            .map(|i| session.describe_item(i))
            .collect();
        fact("Items", vec![Span::styled(items.join("; "), theme.text)], 3);
    }
    draw_lines(frame.buffer_mut(), right, &facts);
    cut + facts.len().saturating_sub(usize::from(right.height))
}
