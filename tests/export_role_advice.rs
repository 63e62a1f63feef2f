//! The exports show a role that one partner answers for and nobody is marked responsible
//! for as advice ("? no one marked R"), apart from the roles still to settle, in the
//! HTML page and the Markdown notes alike.

use chrono::{DateTime, TimeZone, Utc};
use sameside::domain::sample::example_proceed;
use sameside::domain::*;
use sameside::export::Notes;
use sameside::export::html::html;
use sameside::export::markdown::markdown;
use sameside::storage::Header;

fn generated() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 30, 8, 0, 0)
        .single()
        .unwrap_or_default()
}

fn northwind() -> History {
    example_proceed().unwrap_or_else(|e| panic!("the example builds: {e:?}"))
}

fn html_of(history: &History) -> String {
    let header = Header::for_history("example-northwind-globex", None, history);
    html(&Notes::new(history, &header, generated()))
}

fn markdown_of(history: &History) -> String {
    let header = Header::for_history("example-northwind-globex", None, history);
    markdown(&Notes::new(history, &header, generated()))
}

/// The HTML table row (from `<tr>` to `</tr>`) of the RACI table naming `role`.
fn html_row<'a>(page: &'a str, role: &str) -> &'a str {
    let table = page
        .split("<table class=\"raci\">")
        .nth(1)
        .and_then(|rest| rest.split("</table>").next())
        .unwrap_or_else(|| panic!("no RACI table in the page"));
    table
        .split("<tr>")
        .find(|row| row.contains(role))
        .unwrap_or_else(|| panic!("no row for {role}"))
}

fn markdown_row<'a>(doc: &'a str, role: &str) -> &'a str {
    doc.lines()
        .find(|l| l.starts_with("| ") && l.contains(role))
        .unwrap_or_else(|| panic!("no row for {role}"))
}

/// Marks Northwind responsible for `role`, the way the grid's `r` key does.
fn mark_northwind_r(history: &mut History, role: &str) {
    let id = history
        .session()
        .roles
        .iter()
        .find(|r| r.name == role)
        .map(|r| r.id)
        .unwrap_or_else(|| panic!("no role {role}"));
    let at = history.session().updated + chrono::Duration::minutes(1);
    history
        .record(
            at,
            Change::RaciSet {
                role: id,
                partner: PartnerId(1),
                letter: Some(Raci::Responsible),
            },
        )
        .unwrap_or_else(|e| panic!("the letter is set: {e}"));
}

#[test]
fn the_html_raci_table_marks_a_role_without_an_r_as_advice_not_a_warning() {
    let page = html_of(&northwind());
    let row = html_row(&page, "Implementation and integration");
    assert!(row.contains("class=\"advice\">? no one marked R"), "{row}");
    assert!(!row.contains("class=\"warn\""), "{row}");
    // A role nobody answers for is still a warning.
    let row = html_row(&page, "Executive sponsorship");
    assert!(row.contains("class=\"warn\">⚠ nobody accountable"), "{row}");
    assert!(
        page.contains("Check: 5 of 9 roles clear; 3 roles without anyone marked R"),
        "the check line counts the advice apart"
    );
    assert!(page.contains(".advice {"), "the class is styled");
}

#[test]
fn the_markdown_check_column_asks_instead_of_warning() {
    let doc = markdown_of(&northwind());
    let row = markdown_row(&doc, "Pricing and commercial terms");
    assert!(row.contains("? no one marked R"), "{row}");
    // The role split section itself; the conflict board is another section's business.
    let roles = doc
        .split("## 2. Role split")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .unwrap_or_else(|| panic!("no role split section:\n{doc}"));
    assert!(!roles.contains("nobody responsible"), "{roles}");
    assert!(doc.contains("1 role still has to be settled"), "{doc}");
    assert!(
        doc.contains("3 roles without anyone marked R"),
        "the advice is counted apart"
    );
}

#[test]
fn marking_the_r_clears_the_advice_in_both_exports() {
    let mut history = northwind();
    mark_northwind_r(&mut history, "Implementation and integration");
    let page = html_of(&history);
    let row = html_row(&page, "Implementation and integration");
    assert!(row.contains("✓ clear"), "{row}");
    assert!(page.contains("2 roles without anyone marked R"));
    let doc = markdown_of(&history);
    let row = markdown_row(&doc, "Implementation and integration");
    assert!(row.contains("| ok "), "{row}");
    assert!(doc.contains("2 roles without anyone marked R"), "{doc}");
}
