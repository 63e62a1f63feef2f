//! The partners' columns of the vision stage: each partner's answers wrapped to its
//! column, and one plan of rows shared by every column so the same answer sits on the
//! same row in each.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};

use crate::domain::{Partner, Stance};
use crate::tui::theme::Theme;
use crate::tui::widgets::{display_width, truncate_to_width};

use super::super::columns::{FOCUS_GUTTER, column_row};
use super::super::text::{clip_rows, wrap_text};
use super::super::{CHANGED_MARK, changed_style, draw_lines};
use super::{Field, LABEL_WIDTH};

/// Splits `total` rows between two texts needing `a` and `b` rows: each gets what it
/// needs when that fits, otherwise the shorter keeps its need up to half and the longer
/// takes the rest.
fn share_rows(total: usize, a: usize, b: usize) -> (usize, usize) {
    if a + b <= total {
        return (a, b);
    }
    let half = total / 2;
    if a <= half {
        (a, total - a)
    } else if b <= half {
        (total - b, b)
    } else {
        (total - half, half)
    }
}

pub(super) fn alignment_text(score: Option<u8>) -> Option<String> {
    let n = usize::from(score?.min(5));
    Some(format!("{}{} {n}/5", "●".repeat(n), "○".repeat(5 - n)))
}

pub(super) fn stance_text(stance: Option<Stance>) -> &'static str {
    stance.map_or("not said", Stance::label)
}

/// One visible partner column with its texts already wrapped to its width.
pub(super) struct ColumnContent<'s> {
    pub(super) partner: &'s Partner,
    index: usize,
    pub(super) area: Rect,
    focus: Option<Field>,
    /// The view and the why-not-alone, wrapped; `true` when the rows are the
    /// "not said yet" hint rather than the partner's words.
    texts: [(Vec<String>, bool); 2],
}

/// Cells taken from a column's width by the focus gutter (two) and a right margin (one)
/// that keeps text off the separator.
const COLUMN_CHROME: usize = FOCUS_GUTTER + 1;

impl<'s> ColumnContent<'s> {
    /// `invite` adds to an empty answer under the cursor how to write it.
    pub(super) fn new(
        partner: &'s Partner,
        index: usize,
        area: Rect,
        focus: Option<Field>,
        invite: bool,
    ) -> Self {
        let width =
            u16::try_from(usize::from(area.width).saturating_sub(COLUMN_CHROME)).unwrap_or(0);
        let wrap = |field: Field, text: &str| {
            if !text.trim().is_empty() {
                return (wrap_text(text, width), false);
            }
            let hint = if invite && focus == Some(field) {
                "not said yet — press Enter"
            } else {
                "not said yet"
            };
            (wrap_text(hint, width), true)
        };
        let vision = &partner.vision;
        ColumnContent {
            partner,
            index,
            area,
            focus,
            texts: [
                wrap(Field::View, &vision.view),
                wrap(Field::WhyNotAlone, &vision.why_not_alone),
            ],
        }
    }

    /// Draws the partner's name over a rule in its colour, its two texts, then the
    /// score, stance and agreement, on the rows `plan` gives them.
    /// A `marked` column is the partner whose vision the replayed event just changed:
    /// its name carries the mark in the changed style.
    ///
    /// Returns how many lines of the answers did not fit (cut from a text, or below the
    /// column's bottom) and whether the partner's name was cut, or `None` when the
    /// column had no room to be drawn at all.
    pub(super) fn render(
        &self,
        frame: &mut Frame,
        plan: &ColumnPlan,
        theme: &Theme,
        marked: bool,
    ) -> Option<(usize, bool)> {
        let area = self.area;
        if area.is_empty() {
            return None;
        }
        let colour = theme.partner(self.index);
        let name_width = usize::from(area.width.saturating_sub(4));
        let name_cut = display_width(&self.partner.name)
            > if marked {
                name_width.saturating_sub(2)
            } else {
                name_width
            };
        let title = if marked {
            Span::styled(
                format!(
                    " {CHANGED_MARK} {} ",
                    truncate_to_width(&self.partner.name, name_width.saturating_sub(2))
                ),
                colour.patch(changed_style(theme)),
            )
        } else {
            Span::styled(
                format!(" {} ", truncate_to_width(&self.partner.name, name_width)),
                colour,
            )
        };
        let header = Block::new()
            .borders(Borders::TOP)
            .border_style(colour)
            .title(Line::from(title));
        let inner = header.inner(area);
        frame.render_widget(header, area);
        let width = usize::from(inner.width);
        let text_width = width.saturating_sub(COLUMN_CHROME);
        // Rows run on over the right margin, so the focused bar spans the whole column.
        let row_width = width.saturating_sub(FOCUS_GUTTER);

        let mut lines: Vec<Line> = Vec::with_capacity(usize::from(inner.height));
        let mut clipped = 0;
        if plan.header_gap {
            lines.push(Line::default());
        }
        let labels = [
            (Field::View, "View of the opportunity"),
            (Field::WhyNotAlone, "Why not alone"),
        ];
        for (i, ((field, label), (rows, hint))) in labels.iter().zip(&self.texts).enumerate() {
            let focused = self.focus == Some(*field);
            lines.push(column_row(
                &[(label, theme.muted)],
                row_width,
                focused,
                theme,
            ));
            let style = if *hint { theme.muted } else { theme.text };
            // A hint cut short hides nothing the partner said.
            if !*hint {
                clipped += rows.len().saturating_sub(plan.rows[i]);
            }
            let shown = clip_rows(rows.clone(), plan.rows[i], text_width);
            let blank = plan.rows[i].saturating_sub(shown.len());
            for row in shown {
                lines.push(column_row(&[(&row, style)], row_width, false, theme));
            }
            // Shorter texts are padded so the next label sits on the same row in
            // every column.
            lines.extend(std::iter::repeat_n(Line::default(), blank));
            if plan.gap_after[i] {
                lines.push(Line::default());
            }
        }

        let vision = &self.partner.vision;
        let score = alignment_text(vision.alignment);
        let (agree_text, agree_style) = if vision.agreed {
            ("✔ agrees", theme.good)
        } else {
            ("… not yet", theme.muted)
        };
        let short: [(Field, &str, &str, Style); 3] = [
            (
                Field::Alignment,
                "Alignment",
                score.as_deref().unwrap_or("not scored"),
                if score.is_some() {
                    theme.text
                } else {
                    theme.muted
                },
            ),
            (
                Field::Stance,
                "Stance",
                stance_text(vision.stance),
                if vision.stance.is_some() {
                    theme.text
                } else {
                    theme.muted
                },
            ),
            (Field::Agreement, "Agreement", agree_text, agree_style),
        ];
        for ((field, label, value, style), stacked) in short.into_iter().zip(plan.stacked) {
            let focused = self.focus == Some(field);
            if stacked {
                lines.push(column_row(
                    &[(label, theme.muted)],
                    row_width,
                    focused,
                    theme,
                ));
                lines.push(column_row(&[(value, style)], row_width, focused, theme));
            } else {
                let label = format!("{label:<LABEL_WIDTH$}");
                let parts = [(label.as_str(), theme.muted), (value, style)];
                lines.push(column_row(&parts, row_width, focused, theme));
            }
        }
        draw_lines(frame.buffer_mut(), inner, &lines);
        // Blank padding rows below the bottom are no loss; every other row is.
        let below = lines
            .iter()
            .skip(usize::from(inner.height))
            .filter(|line| !line.spans.is_empty())
            .count();
        Some((clipped + below, name_cut))
    }
}

/// The rows every visible column uses, so the same answer sits on the same row in each.
pub(super) struct ColumnPlan {
    /// A blank row under the names, when there is room to spare.
    header_gap: bool,
    /// Rows for the view and the why-not-alone texts.
    rows: [usize; 2],
    /// A blank row after each text.
    gap_after: [bool; 2],
    /// Whether the alignment, stance and agreement values go under their labels
    /// because they do not fit beside them.
    stacked: [bool; 3],
}

impl ColumnPlan {
    /// Rows a column takes under this plan, its name's rule included.
    pub(super) fn height(&self) -> u16 {
        let rows = 1
            + usize::from(self.header_gap)
            + 2
            + self.rows[0]
            + self.rows[1]
            + self.gap_after.iter().filter(|g| **g).count()
            + 3
            + self.stacked.iter().filter(|s| **s).count();
        u16::try_from(rows).unwrap_or(u16::MAX)
    }

    pub(super) fn new(columns: &[ColumnContent], height: u16) -> Self {
        let width = columns
            .iter()
            .map(|c| usize::from(c.area.width))
            .min()
            .unwrap_or(0)
            .saturating_sub(COLUMN_CHROME);
        // Decided on the widest value each can take, not the current one, so a column
        // does not jump between layouts as the room changes its answers.
        let widest =
            |values: &mut dyn Iterator<Item = &str>| values.map(display_width).max().unwrap_or(0);
        let widest = [
            widest(&mut ["●●●●● 5/5", "not scored"].into_iter()),
            widest(&mut Stance::ALL.iter().map(|s| s.label()).chain(["not said"])),
            widest(&mut ["✔ agrees", "… not yet"].into_iter()),
        ];
        let stacked = widest.map(|w| LABEL_WIDTH + w > width);
        let inner = usize::from(height).saturating_sub(1);
        let fixed = 2 + 3 + stacked.iter().filter(|s| **s).count();
        let room = inner.saturating_sub(fixed);
        let need = |i: usize| {
            columns
                .iter()
                .map(|c| c.texts[i].0.len().max(1))
                .max()
                .unwrap_or(1)
        };
        let (view, why) = (need(0), need(1));
        if room > view + why + 2 {
            return ColumnPlan {
                header_gap: true,
                rows: [view, why],
                gap_after: [true, true],
                stacked,
            };
        }
        // Short of room: blank rows go first (the one before the scores last of all),
        // then the texts share what is left.
        let gaps = if room >= 8 {
            2
        } else if room >= 5 {
            1
        } else {
            0
        };
        let (view, why) = share_rows(room - gaps, view, why);
        ColumnPlan {
            header_gap: false,
            rows: [view, why],
            gap_after: [gaps == 2, gaps >= 1],
            stacked,
        }
    }
}
