//! The HTML export: one self-contained, valid page that shows every part of a session,
//! with all user text escaped. The checks read the page with a small tokenizer written
//! here (a tag/text splitter strict enough for the markup the exporter writes), so they
//! test structure rather than exact strings.
//!
//! To look at the pages these tests render: `SAMESIDE_HTML_OUT=/some/dir cargo test --test
//! export_html` writes them there.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use sameside::domain::board::BoardEntry;
use sameside::domain::detect::{Rule, detect};
use sameside::domain::sample::{example_pass, example_proceed, large};
use sameside::domain::*;
use sameside::export::Notes;
use sameside::export::html::html;
use sameside::storage::Header;

// Rendering --------------------------------------------------------------------------------

fn generated() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 30, 8, 0, 0)
        .single()
        .unwrap_or_default()
}

fn ok<T, E: std::fmt::Debug>(result: Result<T, E>, what: &str) -> T {
    match result {
        Ok(value) => value,
        Err(e) => panic!("{what}: {e:?}"),
    }
}

fn render(id: &str, continued_from: Option<&str>, history: &History) -> String {
    let header = Header::for_history(id, continued_from, history);
    let notes = Notes::new(history, &header, generated());
    let page = html(&notes);
    if let Some(dir) = std::env::var_os("SAMESIDE_HTML_OUT") {
        let path = std::path::Path::new(&dir).join(format!("{}.html", file_stem(id)));
        ok(std::fs::write(&path, &page), "writing the page for a look");
    }
    page
}

fn file_stem(id: &str) -> String {
    id.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .take(40)
        .collect()
}

fn board_of(history: &History) -> Vec<BoardEntry> {
    sameside::domain::board::board(history.session())
}

fn northwind() -> (History, String) {
    let history = ok(example_proceed(), "the proceeding example");
    let page = render("example-northwind-globex", None, &history);
    (history, page)
}

fn acme() -> (History, String) {
    let history = ok(example_pass(), "the pass example");
    let page = render("example-acme-initech", None, &history);
    (history, page)
}

// A small HTML reader ----------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Doctype,
    Open {
        name: String,
        attrs: Vec<(String, String)>,
        self_closing: bool,
    },
    Close(String),
    /// Text with the entities the exporter writes decoded.
    Text(String),
}

const VOID: &[&str] = &["meta", "br", "hr", "img", "link", "input", "col", "wbr"];

/// Elements whose content is raw text, not markup.
const RAW_TEXT: &[&str] = &["style"];

fn decode(text: &str) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let end = after
            .find(';')
            .ok_or_else(|| format!("bare & in {after:.40}"))?;
        let entity = &after[..=end];
        out.push_str(match entity {
            "&amp;" => "&",
            "&lt;" => "<",
            "&gt;" => ">",
            "&quot;" => "\"",
            "&#39;" | "&#x27;" | "&apos;" => "'",
            other => return Err(format!("unexpected entity {other}")),
        });
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Splits the page into tokens, failing on anything the exporter should never write:
/// comments, unquoted attributes, a `<` that does not start a tag, unknown entities.
fn tokenize(page: &str) -> Result<Vec<Token>, String> {
    let mut tokens = Vec::new();
    let mut rest = page;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            tokens.push(Token::Text(decode(rest)?));
            break;
        };
        if lt > 0 {
            tokens.push(Token::Text(decode(&rest[..lt])?));
        }
        rest = &rest[lt..];
        if rest.starts_with("<!--") {
            return Err("comment in the page".into());
        }
        if let Some(after) = rest.strip_prefix("<!DOCTYPE html>") {
            tokens.push(Token::Doctype);
            rest = after;
            continue;
        }
        if let Some(after) = rest.strip_prefix("</") {
            let end = after.find('>').ok_or("unclosed end tag")?;
            let name = &after[..end];
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric()) {
                return Err(format!("odd end tag </{name}>"));
            }
            tokens.push(Token::Close(name.to_string()));
            rest = &after[end + 1..];
            continue;
        }
        // A start tag: name, then attributes with double-quoted values.
        let after = &rest[1..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .ok_or("tag runs to the end")?;
        let name = after[..name_len].to_string();
        if name.is_empty() {
            return Err(format!("a '<' that starts no tag: {rest:.40}"));
        }
        let mut cursor = &after[name_len..];
        let mut attrs = Vec::new();
        let self_closing;
        loop {
            cursor = cursor.trim_start();
            if let Some(r) = cursor.strip_prefix("/>") {
                self_closing = true;
                cursor = r;
                break;
            }
            if let Some(r) = cursor.strip_prefix('>') {
                self_closing = false;
                cursor = r;
                break;
            }
            let attr_len = cursor
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':'))
                .ok_or("attribute runs to the end")?;
            if attr_len == 0 {
                return Err(format!("odd attribute in <{name}>: {cursor:.40}"));
            }
            let attr = cursor[..attr_len].to_string();
            cursor = &cursor[attr_len..];
            let value = if let Some(r) = cursor.strip_prefix("=\"") {
                let end = r.find('"').ok_or("unterminated attribute value")?;
                let raw = &r[..end];
                if raw.contains('<') {
                    return Err(format!("raw < in attribute {attr}"));
                }
                cursor = &r[end + 1..];
                decode(raw)?
            } else if cursor.starts_with('=') {
                return Err(format!("unquoted attribute {attr} in <{name}>"));
            } else {
                String::new()
            };
            attrs.push((attr, value));
        }
        rest = cursor;
        let raw_text = RAW_TEXT.contains(&name.as_str());
        tokens.push(Token::Open {
            name: name.clone(),
            attrs,
            self_closing,
        });
        if raw_text {
            let close = format!("</{name}>");
            let end = rest.find(&close).ok_or("unclosed raw text element")?;
            tokens.push(Token::Text(rest[..end].to_string()));
            tokens.push(Token::Close(name));
            rest = &rest[end + close.len()..];
        }
    }
    Ok(tokens)
}

fn tokens(page: &str) -> Vec<Token> {
    match tokenize(page) {
        Ok(tokens) => tokens,
        Err(e) => panic!("the page does not tokenize: {e}"),
    }
}

/// Every element the exporter may write. An injected tag would not be on this list.
const ALLOWED: &[&str] = &[
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "main",
    "header",
    "footer",
    "nav",
    "section",
    "article",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "p",
    "span",
    "strong",
    "abbr",
    "bdi",
    "a",
    "ol",
    "ul",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "blockquote",
    "figure",
    "figcaption",
    "svg",
    "g",
    "rect",
    "line",
    "text",
];

/// Elements that may not sit inside a `<p>` (the parser would close the paragraph).
const BLOCK: &[&str] = &[
    "div",
    "p",
    "table",
    "ul",
    "ol",
    "dl",
    "section",
    "article",
    "figure",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "header",
    "footer",
    "nav",
];

/// Checks that tags are balanced and properly nested, that every element and attribute
/// is one the exporter writes, and that ids are unique.
fn check_structure(page: &str) {
    let mut stack: Vec<String> = Vec::new();
    let mut ids = std::collections::HashSet::new();
    for token in tokens(page) {
        match token {
            Token::Open {
                name,
                attrs,
                self_closing,
            } => {
                assert!(ALLOWED.contains(&name.as_str()), "unexpected <{name}>");
                for (attr, value) in &attrs {
                    assert!(
                        !attr.to_ascii_lowercase().starts_with("on"),
                        "event handler attribute {attr} on <{name}>"
                    );
                    assert!(
                        matches!(
                            attr.as_str(),
                            "lang"
                                | "charset"
                                | "name"
                                | "content"
                                | "http-equiv"
                                | "class"
                                | "id"
                                | "href"
                                | "title"
                                | "scope"
                                | "rowspan"
                                | "role"
                                | "aria-label"
                                | "aria-labelledby"
                                | "aria-hidden"
                                | "viewBox"
                                | "width"
                                | "height"
                                | "x"
                                | "y"
                                | "x1"
                                | "y1"
                                | "x2"
                                | "y2"
                                | "rx"
                                | "text-anchor"
                        ),
                        "unexpected attribute {attr} on <{name}>"
                    );
                    if attr == "id" {
                        assert!(ids.insert(value.clone()), "duplicate id {value}");
                    }
                }
                if stack.last().is_some_and(|top| top == "p") {
                    assert!(!BLOCK.contains(&name.as_str()), "<{name}> inside <p>");
                }
                let in_svg = stack.iter().any(|t| t == "svg");
                if self_closing {
                    assert!(in_svg, "self-closing <{name}/> outside SVG");
                } else if !VOID.contains(&name.as_str()) {
                    stack.push(name);
                }
            }
            Token::Close(name) => {
                let top = stack.pop();
                assert_eq!(
                    top.as_deref(),
                    Some(name.as_str()),
                    "</{name}> closes {top:?}"
                );
            }
            Token::Doctype | Token::Text(_) => {}
        }
    }
    assert!(stack.is_empty(), "unclosed elements: {stack:?}");
}

/// The text a reader sees, one string, with entities decoded; style contents left out.
fn visible_text(page: &str) -> String {
    let mut out = String::new();
    let mut in_style = false;
    for token in tokens(page) {
        match token {
            Token::Open { name, .. } if name == "style" => in_style = true,
            Token::Close(name) if name == "style" => in_style = false,
            Token::Text(text) if !in_style => {
                out.push_str(&text);
            }
            Token::Open { .. } | Token::Close(_) => out.push(' '),
            _ => {}
        }
    }
    out
}

/// The text inside the element with `id` (a section), decoded.
fn section_text(page: &str, id: &str) -> String {
    let toks = tokens(page);
    let start = toks.iter().position(|t| {
        matches!(t, Token::Open { attrs, .. } if attrs.iter().any(|(a, v)| a == "id" && v == id))
    });
    let Some(start) = start else {
        panic!("no element with id {id}");
    };
    let mut depth = 0usize;
    let mut out = String::new();
    for token in &toks[start..] {
        match token {
            Token::Open {
                name, self_closing, ..
            } => {
                if !self_closing && !VOID.contains(&name.as_str()) {
                    depth += 1;
                }
                out.push(' ');
            }
            Token::Close(_) => {
                depth -= 1;
                out.push(' ');
                if depth == 0 {
                    break;
                }
            }
            Token::Text(text) => out.push_str(text),
            Token::Doctype => {}
        }
    }
    out
}

fn count(page: &str, needle: &str) -> usize {
    page.matches(needle).count()
}

// Self-contained and valid -----------------------------------------------------------------

fn check_self_contained(page: &str) {
    let lower = page.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "a script element");
    for banned in [
        "<link", "<img", "<iframe", "<object", "<embed", "@import", "url(",
    ] {
        assert!(!lower.contains(banned), "{banned} in the page");
    }
    let mut ids = std::collections::HashSet::new();
    let mut hrefs = Vec::new();
    for token in tokens(page) {
        if let Token::Open { attrs, .. } = token {
            for (attr, value) in attrs {
                assert_ne!(attr, "src", "src attribute {value}");
                match attr.as_str() {
                    "id" => {
                        ids.insert(value);
                    }
                    "href" => hrefs.push(value),
                    _ => {}
                }
            }
        }
    }
    for href in hrefs {
        // Only links within the page: a fragment naming an element that exists.
        let Some(target) = href.strip_prefix('#') else {
            panic!("link out of the page: {href}");
        };
        assert!(ids.contains(target), "link to missing #{target}");
    }
}

#[test]
fn pages_are_self_contained_and_well_formed() {
    for (_, page) in [northwind(), acme()] {
        check_self_contained(&page);
        check_structure(&page);
        assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
        assert_eq!(count(&page, "<meta charset=\"utf-8\">"), 1);
        let head = page.split("</head>").next().unwrap_or_default();
        assert_eq!(count(head, "<title>"), 1, "one document title");
        assert!(page.contains("Content-Security-Policy"));
    }
}

#[test]
fn the_title_names_the_session() {
    let (_, page) = northwind();
    assert!(
        page.contains("<title>Northwind × Globex: plant-floor analytics — session notes</title>")
    );
}

#[test]
fn styles_make_a_readable_printable_page() {
    let (_, page) = northwind();
    assert!(
        page.contains("max-width"),
        "a readable line length on screen"
    );
    assert!(
        page.contains("system-ui"),
        "system fonts, nothing to download"
    );
    let print = page
        .split("@media print")
        .nth(1)
        .unwrap_or_else(|| panic!("no print stylesheet"));
    assert!(print.contains("break-inside: avoid"));
    assert!(
        print.contains("break-after: avoid"),
        "headings stay with what follows"
    );
    assert!(
        print.contains("background: #fff"),
        "no dark backgrounds on paper"
    );
}

// The examples -----------------------------------------------------------------------------

#[test]
fn the_proceeding_example_shows_its_key_items() {
    let (history, page) = northwind();
    let text = visible_text(&page);
    let s = history.session();
    for p in &s.partners {
        assert!(text.contains(&p.name), "partner {}", p.name);
        assert!(text.contains(&p.brings), "what {} brings", p.name);
        for r in &p.representatives {
            assert!(text.contains(&r.name), "representative {}", r.name);
        }
        assert!(text.contains(&p.vision.view), "view of {}", p.name);
    }
    for needle in [
        "Dana Whitfield",
        "system integrator",
        "Mid-size discrete manufacturers in Europe want line-level analytics",
        "Proceed with conditions",
        "Pilot with two customers before any wider roll-out",
        "Deal registration: whoever registers a prospect first leads it for 90 days.",
        "Pick two pilot customers",
        "Helen Marsh",
        "10 Dec 2026",
        "Delivery capacity outside Germany",
        "Left to another partner",
        "Keep the direct relationship with our top 20 accounts",
        "non-negotiable",
    ] {
        assert!(text.contains(needle), "missing: {needle}");
    }
    // Every agreement on the board is listed in the agreements section.
    let agreements = section_text(&page, "agreements");
    let board = board_of(&history);
    let mut n = 0;
    for (_, agreement) in sameside::domain::board::agreements(&board) {
        assert!(agreements.contains(agreement), "agreement {agreement}");
        n += 1;
    }
    assert_eq!(n, 5);
    // Each role of the RACI table is there, with its check.
    let roles = section_text(&page, "roles");
    for role in &s.roles {
        assert!(roles.contains(&role.name), "role {}", role.name);
    }
    assert!(roles.contains("nobody accountable"), "{roles}");
    // Planned and actual time per stage.
    let time = section_text(&page, "time");
    assert!(time.contains("25 min") && time.contains("26 min"), "{time}");
    // The decision log holds the gate and the verdict.
    let log = section_text(&page, "log");
    assert!(log.contains("Vision gate passed"), "{log}");
    assert!(log.contains("Verdict: proceed with conditions"), "{log}");
}

#[test]
fn the_conflict_board_is_grouped_by_outcome_with_rules_and_owners() {
    let (history, page) = northwind();
    let conflicts = section_text(&page, "conflicts");
    for heading in [
        "Still open",
        "Parked for a later meeting",
        "Settled: resolved or accepted as a risk",
        "Dismissed as not a conflict",
    ] {
        assert!(conflicts.contains(heading), "group {heading}");
    }
    assert!(conflicts.contains("Entered by the moderator"));
    assert!(conflicts.contains(Rule::ClashingInterests.label()));
    assert!(conflicts.contains("Input is what Globex asks for"));
    assert!(conflicts.contains("Sam Reyes"), "owner of an accepted risk");
    // One article per board entry.
    assert_eq!(
        count(&page, "<article class=\"conflict\">"),
        board_of(&history).len()
    );
}

#[test]
fn severity_is_written_in_words_next_to_every_shade() {
    let (_, page) = northwind();
    for severity in Severity::ALL {
        let label = severity.label();
        let badge = format!("<span class=\"sev sev-{label}\">");
        for piece in page.split(&badge).skip(1) {
            assert!(piece.starts_with(&format!("{label}</span>")), "{piece:.60}");
        }
    }
    // Matrix cells shaded by severity say the severity.
    for piece in page.split("<g class=\"cell sev-").skip(1) {
        let cell = piece.split("</g>").next().unwrap_or_default();
        assert!(
            Severity::ALL
                .iter()
                .any(|s| cell.contains(&format!(">open: {}</text>", s.label())))
                || cell.contains(">deal-breaker</text>"),
            "{cell}"
        );
    }
}

#[test]
fn partner_colours_always_come_with_the_partner_name() {
    let (history, page) = northwind();
    let names: Vec<&str> = history
        .session()
        .partners
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    // The swatch is followed by the name.
    let swatches = page.split("<span class=\"sw p").skip(1).count();
    assert!(swatches > 10, "{swatches}");
    for piece in page.split("<span class=\"sw p").skip(1) {
        let after = piece
            .split_once("</span><bdi>")
            .map(|(_, rest)| rest)
            .unwrap_or_else(|| panic!("swatch without a name: {piece:.80}"));
        assert!(names.iter().any(|n| after.starts_with(n)), "{after:.60}");
    }
    // Each bar sits in a group that names its partner.
    for piece in page.split("<g class=\"row p").skip(1) {
        let group = piece.split("</g>").next().unwrap_or_default();
        assert!(group.contains("<rect class=\"bar"));
        assert!(
            names
                .iter()
                .any(|n| group.contains(&format!(">{n}</text>")))
        );
    }
}

#[test]
fn the_charts_have_a_bar_per_partner_and_a_cell_per_category_and_partner() {
    for (history, page) in [northwind(), acme()] {
        let s = history.session();
        let scored = s
            .partners
            .iter()
            .filter(|p| p.vision.alignment.is_some())
            .count();
        assert_eq!(count(&page, "<svg class=\"alignment\""), 1);
        assert_eq!(count(&page, "<rect class=\"bar"), scored);
        for p in &s.partners {
            if let Some(n) = p.vision.alignment {
                assert!(page.contains(&format!(">{n} / 5</text>")), "label {n}");
                // 80 units a point on the 0–5 scale.
                assert!(page.contains(&format!("width=\"{}\"", u32::from(n) * 80)));
            }
        }
        // The matrix shows the conflict check; a session that passed at the gate never
        // held one, so it has no matrix (its noted conflicts are listed in words).
        let held = s.reached >= Stage::Conflicts
            && !matches!(s.gate, Some(GateDecision::TakeAPass { .. }));
        let board = board_of(&history);
        let categories: std::collections::BTreeSet<ConflictCategory> = board
            .iter()
            .filter(|e| held && !matches!(e.status, ConflictStatus::Dismissed { .. }))
            .map(|e| e.category)
            .collect();
        let cells = count(&page, "<g class=\"cell ");
        assert_eq!(cells, categories.len() * s.partners.len(), "matrix cells");
        assert_eq!(
            count(&page, "<svg class=\"matrix\""),
            usize::from(!categories.is_empty())
        );
        if held {
            assert_eq!(
                categories.len(),
                6,
                "the example's board spans 6 categories"
            );
        }
    }
}

#[test]
fn the_matrix_counts_match_the_board() {
    let (history, page) = northwind();
    let board = board_of(&history);
    let s = history.session();
    let partner = &s.partners[0];
    let category = ConflictCategory::AccountLeadership;
    let expected = board
        .iter()
        .filter(|e| {
            e.category == category
                && e.partners.contains(&partner.id)
                && !matches!(e.status, ConflictStatus::Dismissed { .. })
        })
        .count();
    let title = format!(
        "<title>{} · {}: {} conflict",
        partner.name,
        category.label(),
        expected
    );
    assert!(page.contains(&title), "{title}");
}

#[test]
fn the_pass_example_states_the_pass_and_its_reason_plainly() {
    let (history, page) = acme();
    check_structure(&page);
    let text = visible_text(&page);
    let s = history.session();
    let Some(GateDecision::TakeAPass { reason }) = &s.gate else {
        panic!("the example takes a pass");
    };
    assert!(text.contains(reason.as_str()));
    assert!(text.contains("The partners took a pass"));
    assert!(text.contains("Take a pass"));
    assert!(
        text.contains("sound result of the method"),
        "said with respect"
    );
    for p in &s.partners {
        assert!(text.contains(&p.name));
    }
    assert!(text.contains("Packaging plants want robot cells"));
    assert!(text.contains("Revisit in a year if Initech offers an OEM edition"));
    for id in ["roles", "interests", "conflicts"] {
        let section = section_text(&page, id);
        assert!(
            section.contains("Not reached. The partners took a pass at the vision gate"),
            "{id}: {section}"
        );
    }
    assert!(!page.contains("<table class=\"raci\""));
    let conflicts = section_text(&page, "conflicts");
    assert!(conflicts.contains("Noted, not taken up"), "{conflicts}");
    assert!(!conflicts.contains("Still open"), "{conflicts}");
    let glance = section_text(&page, "glance");
    assert!(
        glance.contains("The conflict check was not held."),
        "{glance}"
    );
    assert!(!glance.contains("still open"), "{glance}");
    let agreements = section_text(&page, "agreements");
    assert!(agreements.contains("the session ended at the vision gate"));
}

// Hostile text -----------------------------------------------------------------------------

/// Text that would do damage if it reached the page unescaped: markup, a script, quotes
/// that end attributes, Markdown, a newline, a right-to-left override and emoji. Each
/// carries a number so the test can tell which field went missing.
fn hostile(n: u32) -> String {
    format!(
        "<b>F{n}</b><script>alert('x{n}')</script>\" onmouseover=\"alert({n})\" ' & **md{n}** [l](http://evil.example/{n}) # h\nnext \u{202E}rtl{n} 🎉👩‍👩‍👧"
    )
}

const A: PartnerId = PartnerId(1);
const B: PartnerId = PartnerId(2);

struct Room {
    history: History,
    minute: i64,
}

impl Room {
    fn new(created: Change) -> Room {
        let at = Utc.with_ymd_and_hms(2026, 5, 4, 9, 0, 0).single();
        let at = at.unwrap_or_default();
        Room {
            history: ok(History::create(at, created), "created"),
            minute: 0,
        }
    }

    fn record(&mut self, change: Change) {
        self.minute += 2;
        let at = self.history.session().created + chrono::Duration::minutes(self.minute);
        let what = format!("{change:?}");
        ok(self.history.record(at, change), &what);
    }

    fn id(&self) -> ItemId {
        self.history.session().fresh_id()
    }

    fn settle(&mut self, rule: Rule, status: ConflictStatus, owner: String) {
        let key = detect(self.history.session())
            .into_iter()
            .find(|f| f.rule == rule && !self.history.session().outcomes.contains_key(&f.key))
            .map(|f| f.key)
            .unwrap_or_else(|| panic!("no unsettled {rule:?} finding"));
        self.record(Change::FindingSettled { key, status, owner });
    }
}

fn hostile_created(first: u32) -> Change {
    Change::Created {
        title: hostile(first),
        moderator: hostile(first + 1),
        kind: PartnershipType::Other(hostile(first + 2)),
        partners: vec![
            NewPartner {
                id: A,
                name: hostile(first + 3),
                brings: hostile(first + 4),
            },
            NewPartner {
                id: B,
                name: hostile(first + 5),
                brings: hostile(first + 6),
            },
        ],
        roles: vec![
            Role {
                id: ItemId(1),
                name: hostile(first + 7),
                raci: Default::default(),
            },
            Role {
                id: ItemId(2),
                name: hostile(first + 8),
                raci: Default::default(),
            },
        ],
    }
}

/// A session that goes all the way, with hostile text in every field it has.
fn hostile_proceed() -> (History, Vec<u32>) {
    use Change::*;
    let mut room = Room::new(hostile_created(1));
    for (partner, n, function) in [(A, 10, Function::Sales), (B, 11, Function::Legal)] {
        let representative = Representative {
            id: room.id(),
            name: hostile(n),
            function,
        };
        room.record(RepresentativeAdded {
            partner,
            representative,
        });
    }
    room.record(StatementSet { text: hostile(12) });
    room.record(ViewSet {
        partner: A,
        text: hostile(13),
    });
    room.record(ViewSet {
        partner: B,
        text: hostile(14),
    });
    room.record(WhyNotAloneSet {
        partner: A,
        text: hostile(15),
    });
    room.record(WhyNotAloneSet {
        partner: B,
        text: hostile(16),
    });
    room.record(AlignmentSet {
        partner: A,
        score: Some(5),
    });
    room.record(AlignmentSet {
        partner: B,
        score: Some(1),
    });
    room.record(AgreementSet {
        partner: A,
        agreed: true,
    });
    room.record(GateDecided {
        decision: GateDecision::Proceed {
            override_reason: Some(hostile(17)),
        },
    });
    room.record(MovedTo {
        stage: Stage::Roles,
    });
    for partner in [A, B] {
        room.record(RaciSet {
            role: ItemId(1),
            partner,
            letter: Some(Raci::Accountable),
        });
    }
    let hole = Hole {
        id: room.id(),
        owner: A,
        text: hostile(18),
        filled_by: HoleFiller::Partner(B),
    };
    room.record(HoleAdded { hole });
    let hole = Hole {
        id: room.id(),
        owner: B,
        text: hostile(19),
        filled_by: HoleFiller::Itself,
    };
    room.record(HoleAdded { hole });
    room.record(MovedTo {
        stage: Stage::Interests,
    });
    for (partner, n, weight) in [(A, 20, Weight::NonNegotiable), (B, 21, Weight::Important)] {
        let interest = Interest {
            id: room.id(),
            partner,
            // A place both claim, so the two make a pair the rules find.
            statement: format!("{} Bavaria", hostile(n)),
            category: InterestCategory::Territory,
            weight,
            function: Function::Sales,
        };
        room.record(InterestAdded { interest });
    }
    room.record(MovedTo {
        stage: Stage::Conflicts,
    });
    for (n, owner, status, severity) in [
        (22, 23, ConflictStatus::Open, Severity::High),
        (
            24,
            35,
            ConflictStatus::Resolved {
                agreement: hostile(25),
            },
            Severity::Medium,
        ),
    ] {
        let conflict = Conflict {
            id: room.id(),
            origin: ConflictOrigin::Moderator,
            category: ConflictCategory::Pricing,
            partners: vec![A, B],
            items: vec![],
            description: hostile(n),
            severity,
            status,
            owner: hostile(owner),
        };
        room.record(ConflictAdded { conflict });
    }
    room.settle(
        Rule::HoleLeftToPartner,
        ConflictStatus::Dismissed {
            reason: hostile(26),
        },
        String::new(),
    );
    room.settle(
        Rule::TwoAccountable,
        ConflictStatus::AcceptedRisk,
        hostile(27),
    );
    room.settle(
        Rule::ClashingInterests,
        ConflictStatus::Resolved {
            agreement: hostile(28),
        },
        hostile(29),
    );
    room.record(MovedTo {
        stage: Stage::Summary,
    });
    room.record(VerdictSet {
        verdict: Some(Verdict::ProceedWithConditions),
        note: hostile(30),
    });
    let action = ActionItem {
        id: room.id(),
        text: hostile(31),
        owner: hostile(32),
        due: NaiveDate::from_ymd_opt(2026, 6, 1),
    };
    room.record(ActionAdded { action });
    // 33 and 34 are the header's id and the session it continues.
    (room.history, (1..=35).collect())
}

/// A session that takes a pass, with hostile text in the reason.
fn hostile_pass() -> (History, Vec<u32>) {
    let mut room = Room::new(hostile_created(101));
    room.record(Change::GateDecided {
        decision: GateDecision::TakeAPass {
            reason: hostile(140),
        },
    });
    // The roles (108, 109) are not shown: the role split was never held.
    (room.history, (101..=107).chain([140, 133, 134]).collect())
}

/// Text outside `<bdi>`, `<title>` and SVG `<text>` elements: where a right-to-left
/// override could reorder the surrounding words.
fn text_outside_isolation(page: &str) -> String {
    let mut out = String::new();
    let mut isolated = 0usize;
    for token in tokens(page) {
        match token {
            Token::Open {
                name, self_closing, ..
            } if !self_closing && matches!(name.as_str(), "bdi" | "title" | "text") => {
                isolated += 1
            }
            Token::Close(name) if matches!(name.as_str(), "bdi" | "title" | "text") => {
                isolated -= 1
            }
            Token::Text(text) if isolated == 0 => out.push_str(&text),
            _ => {}
        }
    }
    out
}

#[test]
fn hostile_text_in_every_field_appears_only_as_text() {
    for (history, numbers) in [hostile_proceed(), hostile_pass()] {
        let first = numbers[0];
        let id = hostile(first + 32);
        let earlier = hostile(first + 33);
        let page = render(&id, Some(&earlier), &history);
        check_self_contained(&page);
        check_structure(&page);
        // No markup from the text made it into the page as markup.
        let lower = page.to_ascii_lowercase();
        assert!(!lower.contains("<b>"), "a <b> tag from user text");
        assert!(
            !lower.contains("onmouseover=\""),
            "an attribute from user text"
        );
        assert!(!page.contains('\u{0}'));
        // Every field is shown, whole, as the text it was.
        let text = visible_text(&page);
        for n in &numbers {
            assert!(text.contains(&hostile(*n)), "field {n} missing or altered");
        }
        // The title is text in the document title too.
        let title = format!("<title>{}", escape(&hostile(first)));
        assert!(page.contains(&title), "{title}");
        // A right-to-left override never reaches the page's own words.
        let outside = text_outside_isolation(&page);
        assert!(!outside.contains('\u{202E}'), "an unisolated RLO");
    }
}

#[test]
fn hostile_text_in_attributes_is_escaped() {
    let (history, _) = hostile_proceed();
    let page = render("hostile", None, &history);
    // The RACI cells carry the partner's name in a tooltip.
    let mut seen = false;
    for token in tokens(&page) {
        if let Token::Open { attrs, .. } = token {
            for (attr, value) in attrs {
                if attr == "title" {
                    seen |= value.contains(&hostile(4));
                }
            }
        }
    }
    assert!(seen, "no tooltip with the hostile partner name");
    assert!(page.contains(&format!("title=\"{} is accountable\"", escape(&hostile(4)))));
}

#[test]
fn control_characters_do_not_reach_the_page() {
    let created = Change::Created {
        title: "Bell\u{7} and null\u{0} and escape\u{1b}[31m".into(),
        moderator: "M\r\nN".into(),
        kind: PartnershipType::SystemIntegrator,
        partners: vec![
            NewPartner {
                id: A,
                name: "One".into(),
                brings: String::new(),
            },
            NewPartner {
                id: B,
                name: "Two".into(),
                brings: String::new(),
            },
        ],
        roles: vec![],
    };
    let room = Room::new(created);
    let page = render("controls", None, &room.history);
    check_structure(&page);
    assert!(
        !page
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t'),
        "a control character in the page"
    );
    assert!(page.contains("Bell\u{FFFD} and null\u{FFFD} and escape\u{FFFD}[31m"));
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

// Big sessions and unfinished ones ---------------------------------------------------------

#[test]
fn a_large_session_renders_whole() {
    let history = ok(large(4, 1_000, 10_000), "the large session");
    // Timed for the record only (no assertion: machines differ); the budget is well under
    // 200 ms in release: `cargo test --release --test export_html large -- --nocapture`.
    let started = std::time::Instant::now();
    let page = render("large", None, &history);
    eprintln!(
        "exported 10,000 events ({} bytes) in {:?}",
        page.len(),
        started.elapsed()
    );
    check_structure(&page);
    let s = history.session();
    assert_eq!(count(&page, "<rect class=\"bar"), 4);
    assert!(count(&page, "<tr>") > s.roles.len() + s.interests.len());
    for i in s.interests.iter().step_by(97) {
        assert!(page.contains(&i.statement));
    }
}

#[test]
fn a_session_still_at_the_vision_stage_says_what_was_not_reached() {
    let mut room = Room::new(hostile_created(1));
    room.record(Change::StatementSet {
        text: "A shared market".into(),
    });
    let page = render("early", None, &room.history);
    check_structure(&page);
    let roles = section_text(&page, "roles");
    assert!(
        roles.contains("before the vision gate was decided"),
        "{roles}"
    );
    let vision = section_text(&page, "vision");
    assert!(vision.contains("Not decided"));
    assert!(vision.contains("not scored"));
    let verdict = section_text(&page, "verdict");
    assert!(verdict.contains("No verdict was recorded"));
    assert_eq!(count(&page, "<rect class=\"bar"), 0);
}
