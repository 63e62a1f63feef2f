//! The shape of the document: blocks separated by blank lines, and GFM tables whose plain
//! text lines up.

use unicode_width::UnicodeWidthStr;

/// The document being written: blocks separated by one blank line, which is what keeps
/// CommonMark from gluing a table to the paragraph above it.
#[derive(Default)]
pub(super) struct Doc {
    text: String,
}

impl Doc {
    pub(super) fn heading(&mut self, level: usize, text: &str) {
        self.text.push_str(&"#".repeat(level));
        self.text.push(' ');
        self.text.push_str(text);
        self.text.push_str("\n\n");
    }

    pub(super) fn para(&mut self, text: &str) {
        self.text.push_str(text);
        self.text.push_str("\n\n");
    }

    /// A bullet list; `items` are Markdown already (escaped), continuation lines indented
    /// by two spaces.
    pub(super) fn bullets(&mut self, items: &[String]) {
        for item in items {
            self.text.push_str("- ");
            self.text.push_str(item);
            self.text.push('\n');
        }
        self.text.push('\n');
    }

    /// A numbered list whose items carry their own numbers.
    pub(super) fn list(&mut self, items: &[String]) {
        for item in items {
            self.text.push_str(item);
            self.text.push('\n');
        }
        self.text.push('\n');
    }

    pub(super) fn table(&mut self, table: &Table) {
        table.render(&mut self.text);
        self.text.push('\n');
    }

    pub(super) fn finish(mut self) -> String {
        let end = self.text.trim_end().len();
        self.text.truncate(end);
        self.text.push('\n');
        self.text
    }
}

#[derive(Debug, Clone, Copy)]
pub(super) enum Align {
    Left,
    Right,
    Center,
}

/// A GFM table whose cells are Markdown already (escaped), laid out so the plain text
/// lines up as well as the rendered table.
pub(super) struct Table {
    columns: Vec<(String, Align)>,
    rows: Vec<Vec<String>>,
}

/// Cells wider than this are left to stick out instead of widening their column: one
/// pasted paragraph or a very long word would otherwise pad every other row of the table
/// to its width. Rendered tables are not affected; only the plain text is.
pub(super) const MAX_PADDED_WIDTH: usize = 160;

impl Table {
    pub(super) fn new(columns: &[(&str, Align)]) -> Table {
        Table::with_columns(
            columns
                .iter()
                .map(|(name, align)| (name.to_string(), *align))
                .collect(),
        )
    }

    pub(super) fn with_columns(columns: Vec<(String, Align)>) -> Table {
        Table {
            columns,
            rows: Vec::new(),
        }
    }

    /// Adds a row; a short row is filled with empty cells and a long one cut, so every
    /// row always has the header's number of cells.
    pub(super) fn row(&mut self, mut cells: Vec<String>) {
        cells.resize(self.columns.len(), String::new());
        self.rows.push(cells);
    }

    pub(super) fn render(&self, out: &mut String) {
        // The delimiter row needs at least three characters per cell (`:-:`).
        let mut widths = vec![3usize; self.columns.len()];
        let cells = self
            .rows
            .iter()
            .flatten()
            .zip((0..self.columns.len()).cycle());
        let header = self.columns.iter().map(|(name, _)| name).zip(0..);
        for (cell, col) in header.chain(cells) {
            let w = cell.width();
            if w <= MAX_PADDED_WIDTH {
                widths[col] = widths[col].max(w);
            }
        }
        let header: Vec<&str> = self.columns.iter().map(|(n, _)| n.as_str()).collect();
        render_row(out, &header, &widths, &self.columns);
        out.push('|');
        for ((_, align), width) in self.columns.iter().zip(&widths) {
            out.push(' ');
            let dashes = match align {
                Align::Left => format!("{:-<width$}", ""),
                Align::Right => format!("{:-<w$}:", "", w = width - 1),
                Align::Center => format!(":{:-<w$}:", "", w = width - 2),
            };
            out.push_str(&dashes);
            out.push_str(" |");
        }
        out.push('\n');
        for row in &self.rows {
            let row: Vec<&str> = row.iter().map(String::as_str).collect();
            render_row(out, &row, &widths, &self.columns);
        }
    }
}

fn render_row(out: &mut String, cells: &[&str], widths: &[usize], columns: &[(String, Align)]) {
    out.push('|');
    for ((cell, width), (_, align)) in cells.iter().zip(widths).zip(columns) {
        let pad = width.saturating_sub(cell.width());
        let (before, after) = match align {
            Align::Left => (0, pad),
            Align::Right => (pad, 0),
            Align::Center => (pad / 2, pad - pad / 2),
        };
        out.push(' ');
        out.extend(std::iter::repeat_n(' ', before));
        out.push_str(cell);
        out.extend(std::iter::repeat_n(' ', after));
        out.push_str(" |");
    }
    out.push('\n');
}
