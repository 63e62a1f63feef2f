//! The summary's lists under the verdict: the agreements, what is still open, and the
//! action items. They share the rows left; what does not fit is counted in the footer
//! with the keys that bring it into view on this screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::{StageCtx, scroll_offset, take_top};
use super::actions::action_lines;
use super::entries::{Entry, EntryColumns, Section, entries, entry_lines, section_len};
use super::time::open_count;

/// Keys that reach an agreement or open conflict that is out of view: Tab to the list,
/// then the arrows, which scroll it.
const LIST_KEYS: &str = "Tab ↑↓";
/// Keys that show an agreement or conflict whose text was cut: select it, then focus.
const CUT_KEYS: &str = "Tab ↑↓ z";

/// Shares `rows` between sections that want `needs` rows each: one each first, then a
/// row at a time in turn, so no section is starved while another shows everything.
pub(super) fn share(rows: usize, needs: &[usize]) -> Vec<usize> {
    let mut given = vec![0; needs.len()];
    let mut left = rows;
    loop {
        let mut gave = false;
        for (g, need) in given.iter_mut().zip(needs) {
            if left > 0 && *g < *need {
                *g += 1;
                left -= 1;
                gave = true;
            }
        }
        if !gave {
            return given;
        }
    }
}

/// A section ready to draw: what it holds and how many rows it would like.
struct Prepared {
    section: Section,
    len: usize,
    /// The first entries, as many as the area has rows.
    entries: Vec<Entry>,
    /// Each of the first entries wrapped in full; used when the section gets all the
    /// rows it asks for.
    wrapped: Vec<Vec<Line<'static>>>,
    /// Rows for one row per entry (what every section gets first).
    need: usize,
    /// Rows for every entry in full.
    need_wrapped: usize,
}

fn prepare(
    ctx: &StageCtx,
    section: Section,
    width: usize,
    max: usize,
    selected: Option<usize>,
) -> Prepared {
    let len = section_len(ctx, section);
    let first: Vec<Entry> = entries(ctx, section, 0, max);
    let cols = EntryColumns::new(width);
    let wrapped: Vec<Vec<Line<'static>>> = first
        .iter()
        .enumerate()
        .map(|(i, e)| entry_lines(e, &cols, ctx.theme, true, selected == Some(i)))
        .collect();
    // An empty section still needs its one line saying so.
    let need = len.clamp(1, max.max(1));
    let need_wrapped = match section {
        Section::Actions => need,
        _ if len == 0 => 1,
        _ => wrapped.iter().map(Vec::len).sum::<usize>() + usize::from(len > first.len()),
    };
    Prepared {
        section,
        len,
        entries: first,
        wrapped,
        need,
        need_wrapped,
    }
}

/// Draws the given sections one under another, each with its heading. `selected` is the
/// list the cursor is in and its place there, if it is in one of them.
pub(super) fn render_sections(
    frame: &mut Frame,
    area: Rect,
    ctx: &StageCtx,
    sections: &[Section],
    selected: Option<(Section, usize)>,
) {
    if area.is_empty() || sections.is_empty() {
        return;
    }
    let width = usize::from(area.width);
    let prepared: Vec<Prepared> = sections
        .iter()
        .map(|s| {
            let cursor = selected.and_then(|(on, i)| (on == *s).then_some(i));
            prepare(ctx, *s, width, usize::from(area.height), cursor)
        })
        .collect();
    let n = sections.len();
    let needs: Vec<usize> = prepared.iter().map(|p| p.need).collect();
    // A heading per section, and a blank line between sections when the content still
    // has room: content matters more than air.
    let headings = n;
    let total: usize = needs.iter().sum();
    let spacing = if usize::from(area.height) >= headings + (n - 1) + total.min(n * 4) {
        n - 1
    } else {
        0
    };
    let rows = usize::from(area.height).saturating_sub(headings + spacing);
    let mut given = share(rows, &needs);
    // Rows left over once every entry has its row let a list show its texts in full,
    // but only when all of them fit: half a list wrapped would look broken.
    let mut left = rows.saturating_sub(given.iter().sum());
    for (g, p) in given.iter_mut().zip(&prepared) {
        let extra = p.need_wrapped.saturating_sub(*g);
        if *g >= p.need && extra <= left {
            *g += extra;
            left -= extra;
        }
    }
    let mut y = area.y;
    for (prepared, given) in prepared.into_iter().zip(given) {
        let h = given as u16 + 1;
        let rect = Rect::new(area.x, y, area.width, h).intersection(area);
        let cursor = selected.and_then(|(on, i)| (on == prepared.section).then_some(i));
        render_section(frame, rect, ctx, prepared, cursor);
        y = y.saturating_add(h + u16::from(spacing > 0));
    }
}

/// What an empty section says. A view that may not change the session names no key.
fn empty_text(ctx: &StageCtx, section: Section) -> &'static str {
    match section {
        Section::Agreements => {
            "  No agreements yet: they come from conflicts resolved in the conflict check."
        }
        Section::Conflicts if ctx.board.is_empty() => "  None found or entered.",
        Section::Conflicts => "  None: every conflict was settled.",
        Section::Actions => no_actions(ctx),
    }
}

/// What the list of action items says while it is empty.
pub(super) fn no_actions(ctx: &StageCtx) -> &'static str {
    if ctx.read_only {
        "  No action items yet."
    } else {
        "  No action items yet — press a to add one."
    }
}

fn render_section(
    frame: &mut Frame,
    area: Rect,
    ctx: &StageCtx,
    prepared: Prepared,
    cursor: Option<usize>,
) {
    let len = prepared.len;
    // What does not fit is named in the footer, with keys that reach it here: the
    // action items scroll with the arrows, and so do the other two lists once Tab has
    // taken the cursor into them.
    let (noun, keys) = match prepared.section {
        Section::Agreements => ("agreements", LIST_KEYS),
        Section::Conflicts => ("conflicts", LIST_KEYS),
        Section::Actions => ("action items", "↑↓"),
    };
    if area.is_empty() {
        ctx.fit.hide(len, noun, keys);
        return;
    }
    let theme = ctx.theme;
    let title = match prepared.section {
        Section::Agreements => "AGREEMENTS",
        Section::Conflicts => "OPEN CONFLICTS",
        Section::Actions => "ACTION ITEMS",
    };
    let (head, body) = take_top(area, 1);
    // The list of open conflicts also holds the deal-breakers and the parked ones; the
    // heading counts them apart, as the notes do, so that "open" means one number.
    let count = match prepared.section {
        Section::Conflicts => format!("  {}", open_count(ctx.board)),
        _ => format!("  {len}"),
    };
    let heading = Line::from(vec![
        Span::styled(title, theme.heading),
        Span::styled(count, theme.muted),
    ]);
    frame.render_widget(Paragraph::new(heading), head);
    let rows = usize::from(body.height);
    if rows == 0 {
        ctx.fit.hide(len, noun, keys);
        return;
    }
    let width = usize::from(body.width);
    let lines = if len == 0 {
        vec![Line::styled(empty_text(ctx, prepared.section), theme.muted)]
    } else if prepared.section == Section::Actions {
        let (lines, cut) = action_lines(ctx, width, rows, cursor);
        ctx.fit.hide(len.saturating_sub(lines.len()), noun, keys);
        // An action item's text is cut to its row; focus mode shows the selected one.
        ctx.fit.hide(cut, "lines of detail", "z");
        lines
    } else {
        entry_rows(ctx, &prepared, width, rows, cursor, (noun, keys))
    };
    frame.render_widget(Paragraph::new(lines), body);
}

/// The rows of the agreements or the open conflicts: every text in full when they all
/// fit, else one row each around the cursor, cut to fit, and what was left out.
fn entry_rows(
    ctx: &StageCtx,
    prepared: &Prepared,
    width: usize,
    rows: usize,
    cursor: Option<usize>,
    (noun, keys): (&'static str, &'static str),
) -> Vec<Line<'static>> {
    let (theme, len) = (ctx.theme, prepared.len);
    let more = |shown: usize| {
        Line::styled(
            format!(
                "  … {} more (see the conflict check)",
                len.saturating_sub(shown)
            ),
            theme.muted,
        )
    };
    if rows >= prepared.need_wrapped {
        let shown = prepared.wrapped.len();
        ctx.fit.hide(len.saturating_sub(shown), noun, keys);
        let mut lines: Vec<Line<'static>> = prepared.wrapped.iter().flatten().cloned().collect();
        if len > shown {
            lines.push(more(shown));
        }
        return lines;
    }
    // Not enough room for the full texts: one row each, cut to fit, and a line saying
    // how many did not fit. With a single row, one real entry says more than "… 2
    // more"; the heading has the count. The window follows the cursor.
    let cols = EntryColumns::new(width);
    let shown = if len > rows && rows > 1 {
        rows - 1
    } else {
        rows
    };
    let first = cursor.map_or(0, |c| scroll_offset(c, len, shown));
    // The entries already prepared serve unless the cursor went past them (a long
    // list scrolled far down); only then is the window read again.
    let fresh;
    let end = (first + shown).min(len);
    let window: &[Entry] = if end <= prepared.entries.len() {
        &prepared.entries[first..end]
    } else {
        fresh = entries(ctx, prepared.section, first, shown);
        &fresh
    };
    let mut lines: Vec<Line<'static>> = window
        .iter()
        .enumerate()
        .flat_map(|(i, e)| entry_lines(e, &cols, theme, false, cursor == Some(first + i)))
        .collect();
    if len > shown && rows > 1 {
        lines.push(more(shown));
    }
    ctx.fit.hide(len.saturating_sub(shown), noun, keys);
    // Each shown entry keeps one row of the rows its text wraps to.
    let cut = (first..first + window.len())
        .zip(window)
        .map(|(i, e)| match prepared.wrapped.get(i) {
            Some(rows) => rows.len(),
            None => entry_lines(e, &cols, theme, true, false).len(),
        })
        .map(|rows| rows.saturating_sub(1))
        .sum();
    let cut_noun = match prepared.section {
        Section::Agreements => "lines of agreements",
        _ => "lines of conflicts",
    };
    ctx.fit.hide(cut, cut_noun, CUT_KEYS);
    lines
}
