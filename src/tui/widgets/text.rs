//! Text measured in terminal cells: cutting to a width and wrapping styled lines,
//! never splitting a wide character or an emoji sequence.

use ratatui::buffer::CellWidth as _;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar as _;

/// Display width of `s` in terminal cells, measured the way ratatui draws it
/// (control characters take no cells).
pub fn display_width(s: &str) -> usize {
    clusters(s).map(cluster_width).sum()
}

/// Cuts `s` to at most `width` cells, ending with `…` when anything was cut.
///
/// A wide character or an emoji sequence is never split: if it does not fit
/// entirely it is left out, so the result may be one cell narrower than
/// `width`.
pub fn truncate_to_width(s: &str, width: usize) -> String {
    if display_width(s) <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    // One cell is reserved for the ellipsis.
    let budget = width - 1;
    let mut out = String::new();
    let mut used = 0;
    for cluster in clusters(s) {
        let w = cluster_width(cluster);
        if used + w > budget {
            break;
        }
        used += w;
        out.push_str(cluster);
    }
    out.push('…');
    out
}

/// `s` cut (ending with `…`) or padded with spaces to exactly `width` cells, for text
/// in aligned columns.
pub fn fit_to_width(s: &str, width: usize) -> String {
    let cut = truncate_to_width(s, width);
    let pad = width.saturating_sub(display_width(&cut));
    format!("{cut}{}", " ".repeat(pad))
}

/// Word-wraps styled lines to `width` cells, keeping each span's style and
/// each line's own style and alignment.
///
/// Breaks at spaces; a word longer than a whole row is split between
/// characters, and wide (CJK) characters may break anywhere, as is usual for
/// those scripts. Every input line gives at least one output line, so blank
/// lines survive. Nothing is returned for `width == 0`.
pub fn wrap_lines(lines: &[Line<'_>], width: u16) -> Vec<Line<'static>> {
    let width = usize::from(width);
    if width == 0 {
        return Vec::new();
    }
    lines.iter().flat_map(|l| wrap_line(l, width)).collect()
}

pub(super) fn line_width(line: &Line<'_>) -> usize {
    line.spans.iter().map(|s| display_width(&s.content)).sum()
}

/// Splits `s` into user-perceived characters, closely enough for layout:
/// combining marks, variation selectors, zero-width joiners (emoji families),
/// skin-tone modifiers and flag pairs stay with the character they belong to.
/// Drawing a piece of one of these alone would misplace everything after it.
fn clusters(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || {
        let mut chars = rest.char_indices();
        let (_, first) = chars.next()?;
        let mut end = first.len_utf8();
        let mut prev = first;
        let mut regional = usize::from(is_regional_indicator(first));
        for (i, c) in chars {
            let joins = !first.is_control()
                && (prev == '\u{200D}'
                    || c == '\u{200D}'
                    || c.width() == Some(0)
                    || is_emoji_modifier(c)
                    || (is_regional_indicator(c) && regional == 1));
            if !joins {
                break;
            }
            if is_regional_indicator(c) {
                regional += 1;
            }
            end = i + c.len_utf8();
            prev = c;
        }
        let (cluster, tail) = rest.split_at(end);
        rest = tail;
        Some(cluster)
    })
}

fn is_regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

fn is_emoji_modifier(c: char) -> bool {
    ('\u{1F3FB}'..='\u{1F3FF}').contains(&c)
}

/// Cells a cluster takes when ratatui draws it; ratatui skips anything with a
/// control character, so those take none.
fn cluster_width(cluster: &str) -> usize {
    if cluster.contains(char::is_control) {
        0
    } else {
        usize::from(cluster.cell_width())
    }
}

/// Whether a cluster is a place where a line may break. No-break spaces are
/// excluded because writers use them precisely to keep things together.
fn is_break_space(cluster: &str) -> bool {
    cluster
        .chars()
        .all(|c| c.is_whitespace() && !matches!(c, '\u{00A0}' | '\u{2007}' | '\u{202F}'))
}

/// One drawable cluster with its style.
#[derive(Clone)]
struct Atom<'s> {
    text: &'s str,
    width: usize,
    style: Style,
    space: bool,
}

/// Ends the current row, dropping spaces at its end (they would only push
/// the visible text off-centre).
fn finish_row<'s>(rows: &mut Vec<Vec<Atom<'s>>>, cur: &mut Vec<Atom<'s>>, cur_w: &mut usize) {
    while cur.last().is_some_and(|a| a.space) {
        cur.pop();
    }
    rows.push(std::mem::take(cur));
    *cur_w = 0;
}

fn wrap_line(line: &Line<'_>, width: usize) -> Vec<Line<'static>> {
    let atoms: Vec<Atom> = line
        .spans
        .iter()
        .flat_map(|span| {
            clusters(&span.content).map(move |text| Atom {
                text,
                width: cluster_width(text),
                style: span.style,
                space: is_break_space(text),
            })
        })
        // Nothing is drawn for these, so they must not take part in layout.
        .filter(|a| a.width > 0)
        .collect();

    // Group atoms into words: runs of spaces, runs of narrow non-space
    // characters, and each wide character alone (CJK may break anywhere).
    let mut words: Vec<&[Atom]> = Vec::new();
    let mut start = 0;
    for i in 1..=atoms.len() {
        let boundary = i == atoms.len()
            || atoms[i].space != atoms[i - 1].space
            || atoms[i].width > 1
            || atoms[i - 1].width > 1;
        if boundary {
            words.push(&atoms[start..i]);
            start = i;
        }
    }

    let mut rows: Vec<Vec<Atom>> = Vec::new();
    let mut cur: Vec<Atom> = Vec::new();
    let mut cur_w = 0;
    for word in words {
        let word_w: usize = word.iter().map(|a| a.width).sum();
        let is_space = word.first().is_some_and(|a| a.space);
        if cur_w + word_w <= width {
            // Spaces that would start a continuation row are dropped; only the
            // indentation at the very start of a line is kept.
            if !(is_space && cur.is_empty() && !rows.is_empty()) {
                cur.extend_from_slice(word);
                cur_w += word_w;
            }
            continue;
        }
        if is_space {
            finish_row(&mut rows, &mut cur, &mut cur_w);
            continue;
        }
        if !cur.is_empty() {
            finish_row(&mut rows, &mut cur, &mut cur_w);
        }
        if word_w <= width {
            cur.extend_from_slice(word);
            cur_w = word_w;
            continue;
        }
        // A word longer than a whole row is split between characters.
        for atom in word {
            if cur_w + atom.width > width && !cur.is_empty() {
                finish_row(&mut rows, &mut cur, &mut cur_w);
            }
            cur_w += atom.width;
            cur.push(atom.clone());
        }
    }
    if !cur.is_empty() || rows.is_empty() {
        finish_row(&mut rows, &mut cur, &mut cur_w);
    }

    rows.into_iter()
        .map(|row| {
            let mut spans: Vec<Span<'static>> = Vec::new();
            for atom in row {
                match spans.last_mut() {
                    Some(last) if last.style == atom.style => {
                        last.content.to_mut().push_str(atom.text)
                    }
                    _ => spans.push(Span::styled(atom.text.to_string(), atom.style)),
                }
            }
            let mut out = Line::from(spans).style(line.style);
            out.alignment = line.alignment;
            out
        })
        .collect()
}
