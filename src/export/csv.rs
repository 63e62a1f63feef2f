//! The action items or the conflict board as CSV, for a spreadsheet or a tracker.
//!
//! RFC 4180: a header row, CRLF after every record, fields quoted when they hold a comma,
//! a quote, CR or LF, quotes doubled inside quoted fields. Values are the words the
//! documents use ("high", "accepted risk"), not the file's identifiers, because the reader
//! is a person with a spreadsheet.

use super::{CsvTable, Notes};
use crate::domain::ConflictStatus;

/// The requested table of `notes` as CSV text.
pub fn csv(notes: &Notes, table: CsvTable) -> String {
    match table {
        CsvTable::Actions => actions(notes),
        CsvTable::Conflicts => conflicts(notes),
    }
}

fn actions(notes: &Notes) -> String {
    let mut out = String::new();
    record(&mut out, &["text", "owner", "due", "overdue"]);
    let today = notes.generated.date_naive();
    for action in &notes.session.actions {
        let due = action
            .due
            .map_or_else(String::new, |d| d.format("%Y-%m-%d").to_string());
        let overdue = if action.is_overdue(today) {
            "yes"
        } else {
            "no"
        };
        record(&mut out, &[&action.text, &action.owner, &due, overdue]);
    }
    out
}

fn conflicts(notes: &Notes) -> String {
    let s = notes.session;
    let mut out = String::new();
    record(
        &mut out,
        &[
            "source",
            "rule",
            "category",
            "severity",
            "partners",
            "description",
            "status",
            "agreement or reason",
            "owner",
        ],
    );
    for entry in &notes.board {
        let (source, rule) = match entry.rule() {
            Some(rule) => ("detected", rule.label()),
            None => ("entered", ""),
        };
        let partners: Vec<String> = entry.partners.iter().map(|p| s.partner_name(*p)).collect();
        let detail = match &entry.status {
            ConflictStatus::Resolved { agreement } => agreement.as_str(),
            ConflictStatus::Dismissed { reason } => reason.as_str(),
            _ => "",
        };
        record(
            &mut out,
            &[
                source,
                rule,
                entry.category.label(),
                entry.severity.label(),
                &partners.join("; "),
                &entry.description,
                entry.status.label(),
                detail,
                &entry.owner,
            ],
        );
    }
    out
}

/// Appends one record and its CRLF.
fn record(out: &mut String, fields: &[&str]) {
    for (n, field) in fields.iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        field_into(out, field);
    }
    out.push_str("\r\n");
}

fn field_into(out: &mut String, field: &str) {
    // Spreadsheets (Excel, LibreOffice, Google Sheets) run a cell that starts with `=`,
    // `+`, `-` or `@` as a formula, and treat a leading tab or CR the same way after
    // trimming. A partner's text such as `=HYPERLINK("http://…","click")` would then run
    // on the machine of whoever opens the notes. A leading apostrophe makes the cell
    // plain text in all of them (OWASP's advice for CSV injection); the cost is a visible
    // `'` in front of a negative number typed as text, which these files do not hold.
    let guarded = field.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quoted = field.contains([',', '"', '\r', '\n']);
    if quoted {
        out.push('"');
    }
    if guarded {
        out.push('\'');
    }
    for c in field.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quoted {
        out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::record;

    fn line(fields: &[&str]) -> String {
        let mut out = String::new();
        record(&mut out, fields);
        out
    }

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(line(&["a", "b c", ""]), "a,b c,\r\n");
        assert_eq!(
            line(&["a,b", "say \"hi\"", "x\ny", "cr\r"]),
            "\"a,b\",\"say \"\"hi\"\"\",\"x\ny\",\"cr\r\"\r\n"
        );
    }

    #[test]
    fn formula_starts_are_neutralised() {
        assert_eq!(
            line(&["=1+1", "+x", "-y", "@SUM(A1)", "\tz", "a=b"]),
            "'=1+1,'+x,'-y,'@SUM(A1),'\tz,a=b\r\n"
        );
        assert_eq!(line(&["\rq"]), "\"'\rq\"\r\n");
        assert_eq!(
            line(&["=HYPERLINK(\"u\",\"c\")"]),
            "\"'=HYPERLINK(\"\"u\"\",\"\"c\"\")\"\r\n"
        );
    }
}
