//! The two charts, as inline SVG: alignment with the statement per partner, and the
//! conflict matrix of categories against partners.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

use super::page::Page;
use super::text::{clip, severity_class};
use crate::domain::{ConflictCategory, ConflictStatus, Severity};
use crate::export::words::plural;

/// One cell of the conflict matrix: what the board holds for a category and a partner.
#[derive(Default, Clone, Copy)]
struct Tally {
    count: usize,
    worst_open: Option<Severity>,
    deal_breakers: usize,
    parked: usize,
}

impl Page<'_, '_> {
    /// Chart (a): each partner's alignment score as a horizontal bar on a 0–5 scale, with
    /// the partner's name and the number written beside the bar.
    pub(super) fn alignment_chart(&mut self) {
        let partners = &self.s.partners;
        const LABEL_W: usize = 210;
        const SCALE_W: usize = 400;
        const ROW_H: usize = 34;
        const TOP: usize = 8;
        let width = LABEL_W + SCALE_W + 80;
        let height = TOP + partners.len() * ROW_H + 28;
        let unit = SCALE_W / 5;
        self.raw("<figure class=\"chart\">\n");
        let _ = write!(
            self.out,
            "<svg class=\"alignment\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"alignment-title\">\n<title id=\"alignment-title\">Alignment with the shared statement, 0 to 5, per partner</title>\n"
        );
        let bottom = TOP + partners.len() * ROW_H;
        for tick in 0..=5 {
            let x = LABEL_W + tick * unit;
            let _ = write!(
                self.out,
                "<line class=\"grid\" x1=\"{x}\" y1=\"{TOP}\" x2=\"{x}\" y2=\"{bottom}\"/>\n<text class=\"tick\" x=\"{x}\" y=\"{}\" text-anchor=\"middle\">{tick}</text>\n",
                bottom + 18
            );
        }
        for (row, p) in partners.iter().enumerate() {
            let y = TOP + row * ROW_H;
            let class = self.colour_class(p.id);
            let _ = write!(self.out, "<g class=\"row{class}\">\n<title>");
            self.esc(&p.name);
            match p.vision.alignment {
                Some(n) => {
                    let _ = write!(self.out, ": {n} of 5");
                }
                None => self.raw(": not scored"),
            }
            let _ = write!(
                self.out,
                "</title>\n<text class=\"name\" x=\"{}\" y=\"{}\" text-anchor=\"end\">",
                LABEL_W - 10,
                y + ROW_H / 2 + 5
            );
            self.esc(&clip(&p.name, 28));
            self.raw("</text>\n");
            match p.vision.alignment {
                Some(n) => {
                    let w = usize::from(n.min(5)) * unit;
                    let _ = write!(
                        self.out,
                        "<rect class=\"bar{class}\" x=\"{LABEL_W}\" y=\"{}\" width=\"{w}\" height=\"{}\" rx=\"2\"/>\n<text class=\"value\" x=\"{}\" y=\"{}\">{n} / 5</text>\n",
                        y + 7,
                        ROW_H - 14,
                        LABEL_W + w + 8,
                        y + ROW_H / 2 + 5
                    );
                }
                None => {
                    let _ = writeln!(
                        self.out,
                        "<text class=\"value none\" x=\"{}\" y=\"{}\">not scored</text>",
                        LABEL_W + 8,
                        y + ROW_H / 2 + 5
                    );
                }
            }
            self.raw("</g>\n");
        }
        self.raw("</svg>\n<figcaption>Alignment with the shared statement as each partner scored it: 1 is far apart, 5 fully aligned.</figcaption>\n</figure>\n");
    }

    /// Chart (b): categories down, partners across; each cell counts the conflicts that
    /// count (dismissed ones do not) and is shaded by the worst one still open, with the
    /// severity written in the cell.
    pub(super) fn conflict_matrix(&mut self) {
        let partners = &self.s.partners;
        let mut rows: BTreeSet<ConflictCategory> = BTreeSet::new();
        let mut cells: HashMap<(ConflictCategory, usize), Tally> = HashMap::new();
        for e in &self.notes.board {
            if matches!(e.status, ConflictStatus::Dismissed { .. }) {
                continue;
            }
            rows.insert(e.category);
            let mut seen: Vec<usize> = Vec::with_capacity(e.partners.len());
            for p in &e.partners {
                let Some(&col) = self.slot.get(p) else {
                    continue;
                };
                if seen.contains(&col) {
                    continue;
                }
                seen.push(col);
                let t = cells.entry((e.category, col)).or_default();
                t.count += 1;
                match e.status {
                    ConflictStatus::Open => {
                        t.worst_open = t.worst_open.max(Some(e.severity));
                    }
                    ConflictStatus::DealBreaker => t.deal_breakers += 1,
                    ConflictStatus::Parked => t.parked += 1,
                    _ => {}
                }
            }
        }
        if rows.is_empty() || partners.is_empty() {
            return;
        }
        const LABEL_W: usize = 170;
        const HEAD_H: usize = 40;
        const ROW_H: usize = 48;
        const GAP: usize = 4;
        let cell_w = ((720 - LABEL_W) / partners.len()).clamp(72, 200);
        let width = LABEL_W + partners.len() * cell_w;
        let height = HEAD_H + rows.len() * ROW_H;
        // About 8 px a character at the header's bold 13 px.
        let name_chars = (cell_w - 22) / 8;
        self.raw("<figure class=\"chart\">\n");
        let _ = write!(
            self.out,
            "<svg class=\"matrix\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"matrix-title\">\n<title id=\"matrix-title\">Conflicts by category and partner, shaded by the worst one still open</title>\n"
        );
        for (col, p) in partners.iter().enumerate() {
            let x = LABEL_W + col * cell_w;
            let class = self.colour_class(p.id);
            let _ = write!(self.out, "<g class=\"head{class}\">\n<title>");
            self.esc(&p.name);
            let _ = write!(
                self.out,
                "</title>\n<rect class=\"mark\" x=\"{}\" y=\"{}\" width=\"10\" height=\"10\"/>\n<text class=\"name\" x=\"{}\" y=\"{}\">",
                x + GAP + 2,
                HEAD_H - 24,
                x + GAP + 16,
                HEAD_H - 15
            );
            self.esc(&clip(&p.name, name_chars));
            self.raw("</text>\n</g>\n");
        }
        for (row, category) in rows.iter().enumerate() {
            let y = HEAD_H + row * ROW_H;
            let _ = writeln!(
                self.out,
                "<text class=\"category\" x=\"0\" y=\"{}\">{}</text>",
                y + ROW_H / 2 + 4,
                category.label()
            );
            for (col, p) in partners.iter().enumerate() {
                let x = LABEL_W + col * cell_w;
                let t = cells.get(&(*category, col)).copied().unwrap_or_default();
                let (class, word) = if t.count == 0 {
                    ("empty", "—".to_string())
                } else if t.deal_breakers > 0 {
                    ("sev-critical", "deal-breaker".to_string())
                } else if let Some(worst) = t.worst_open {
                    (severity_class(worst), format!("open: {worst}"))
                } else if t.parked > 0 {
                    ("parked", "parked".to_string())
                } else {
                    ("settled", "settled".to_string())
                };
                let _ = write!(self.out, "<g class=\"cell {class}\">\n<title>");
                self.esc(&p.name);
                let _ = write!(
                    self.out,
                    " · {}: {}, {}</title>\n<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\"/>\n",
                    category.label(),
                    plural(t.count, "conflict", "conflicts"),
                    word,
                    x + GAP,
                    y + GAP,
                    cell_w - 2 * GAP,
                    ROW_H - 2 * GAP
                );
                let cx = x + cell_w / 2;
                if t.count == 0 {
                    let _ = writeln!(
                        self.out,
                        "<text class=\"word\" x=\"{cx}\" y=\"{}\" text-anchor=\"middle\">—</text>",
                        y + ROW_H / 2 + 4
                    );
                } else {
                    let _ = writeln!(
                        self.out,
                        "<text class=\"n\" x=\"{cx}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n<text class=\"word\" x=\"{cx}\" y=\"{}\" text-anchor=\"middle\">{word}</text>",
                        y + ROW_H / 2 - 2,
                        t.count,
                        y + ROW_H / 2 + 13
                    );
                }
                self.raw("</g>\n");
            }
        }
        self.raw("</svg>\n<figcaption>Each cell counts the conflicts in a category that involve a partner (dismissed ones are left out). The word and the shade give the worst conflict still open: <span class=\"sev sev-low\">low</span> <span class=\"sev sev-medium\">medium</span> <span class=\"sev sev-high\">high</span> <span class=\"sev sev-critical\">critical</span>; “settled” means none is open.</figcaption>\n</figure>\n");
    }
}
