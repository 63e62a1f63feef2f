//! The notes list the session's glossary after the conflict check: each entry's kind,
//! name, where it lies or whose it is, and its other names, escaped like all text the
//! room typed. A session that named nothing has no glossary section at all.

use chrono::{DateTime, TimeZone, Utc};
use sameside::domain::sample::example_proceed;
use sameside::domain::*;
use sameside::export::Notes;
use sameside::export::html::html;
use sameside::export::markdown::markdown;
use sameside::storage::Header;

fn generated() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 30, 8, 0, 0).unwrap()
}

fn notes_of(history: &History) -> (String, String) {
    let header = Header::for_history("glossary", None, history);
    let notes = Notes::new(history, &header, generated());
    (markdown(&notes), html(&notes))
}

fn add(history: &mut History, kind: GlossaryKind, name: &str, aliases: &[&str]) {
    let entry = GlossaryEntry {
        id: history.session().fresh_id(),
        kind,
        name: name.to_string(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
    };
    history
        .record(generated(), Change::GlossaryAdded { entry })
        .expect("the entry is accepted");
}

fn with_glossary() -> History {
    let mut history = example_proceed().expect("the example builds");
    add(
        &mut history,
        GlossaryKind::Account,
        "Daimler Truck",
        &["DTAG"],
    );
    add(
        &mut history,
        GlossaryKind::Place {
            within: vec!["Bavaria".to_string()],
        },
        "Allgäu",
        &[],
    );
    add(
        &mut history,
        GlossaryKind::Product {
            partner: PartnerId(2),
        },
        "<b>Flow</b> | # *x*",
        &[],
    );
    history
}

#[test]
fn the_markdown_notes_list_the_glossary_after_the_conflict_check() {
    let (md, _) = notes_of(&with_glossary());
    let conflicts = md.find("## 4. Conflict check").expect("the conflict check");
    let glossary = md.find("## Glossary").expect("a glossary section");
    assert!(glossary > conflicts, "{md}");
    assert!(
        md.contains("- Account: Daimler Truck (also DTAG)\n"),
        "{md}"
    );
    assert!(md.contains("- Place: Allgäu (in Bavaria)\n"), "{md}");
    let product = md
        .lines()
        .find(|l| l.starts_with("- Product: "))
        .expect("the product");
    // The room's text cannot start markup, a table column or emphasis.
    assert!(!product.contains("<b>"), "{product}");
    assert!(!product.contains("| #"), "{product}");
    assert!(product.ends_with("(of Globex Integration)"), "{product}");
}

#[test]
fn the_html_notes_list_the_glossary_escaped_and_in_the_contents() {
    let (_, page) = notes_of(&with_glossary());
    assert!(
        page.contains("<a href=\"#glossary\">Glossary</a>"),
        "contents"
    );
    assert!(page.contains("<section id=\"glossary\">"));
    assert!(page.contains(
        "<li>account: <strong><bdi>Daimler Truck</bdi></strong> (<bdi>also DTAG</bdi>)</li>"
    ));
    assert!(page.contains("&lt;b&gt;Flow&lt;/b&gt;"), "escaped");
    assert!(!page.contains("<b>Flow"), "never markup");
}

#[test]
fn notes_of_a_session_without_a_glossary_say_nothing_of_one() {
    let history = example_proceed().expect("the example builds");
    let (md, page) = notes_of(&history);
    assert!(!md.contains("Glossary"));
    assert!(!page.contains("id=\"glossary\""));
    assert!(!page.contains("#glossary"));
}
