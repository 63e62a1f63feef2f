//! Exports of a session whose every text field is hostile: HTML, Markdown syntax, quotes,
//! CR/LF line breaks, tabs, right-to-left text with an override, emoji sequences, CJK,
//! very long words and spreadsheet formulas. The notes must keep their shape, show every
//! text, run no script; the CSV must read back to the same fields with formulas
//! neutralised; the JSON must give the session back.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use sameside::domain::board::{Source, board};
use sameside::domain::sample::{example_pass, large};
use sameside::domain::*;
use sameside::export::csv::csv;
use sameside::export::json::json;
use sameside::export::markdown::markdown;
use sameside::export::{CsvTable, Notes};
use sameside::storage::Header;

// The session ---------------------------------------------------------------------------

/// Hostile texts, each with some letters, so that none is empty once its punctuation is
/// set aside (the benign twin below needs that).
fn hostile_texts() -> Vec<String> {
    let long_word = "Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz".repeat(12);
    vec![
        "<script>alert(1)</script> Title".to_string(),
        "| * # _ ` [x](y) > - 1. moderator".to_string(),
        "Other <b>kind</b> | of *deal*".to_string(),
        "=HYPERLINK(\"http://evil.example\",\"Acme\")".to_string(),
        "+Globex \"the\" 'best'".to_string(),
        "-Initech\r\nVision\nLtd".to_string(),
        "@SUM(A1:A9) brings\ttabs\tand | pipes".to_string(),
        "# heading\n- item\n1. one\n> quote\n---\n===\n   indented code".to_string(),
        "مرحبا بالعالم \u{202E}evil txt.exe".to_string(),
        "שלום עולם \u{202B}embedded".to_string(),
        "👨‍👩‍👧‍👦 family 🏳️‍🌈 flag 👍🏽 thumbs".to_string(),
        "合作会议 日本語のテキスト 한국어".to_string(),
        format!("long {long_word} word"),
        "    back\\slash at the end \\".to_string(),
        "&amp; &#60; &lt;script&gt; entity".to_string(),
        "***bold*** __under__ ~~strike~~ $x$ math".to_string(),
        "<img src=x onerror=alert(1)> image".to_string(),
        "\ttab first\r\rtwo returns".to_string(),
        "\"quoted, with comma\" and \"\"doubled\"\"".to_string(),
        "[link](javascript:alert(1)) and <https://evil.example>".to_string(),
        "12) numbered\n+ plus\n* star\n```fence\n~~~tilde".to_string(),
        "line one\r\nline two\n\n\nafter blank lines".to_string(),
        "<!-- comment --> and </td></tr></table> closers".to_string(),
        "trailing spaces   \n  leading spaces".to_string(),
        "\u{1b}[31mred escape\u{7} bell".to_string(),
    ]
}

/// The same words without anything that means something to Markdown, CSV or a terminal:
/// the letters and digits, one space between words, on one line. The rules that find
/// conflicts split text into words the same way, so the twin session has the same
/// conflicts, and so the same document structure when nothing leaks.
fn benign(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Hands out the texts in turn, remembering which were used.
struct Texts {
    pool: Vec<String>,
    next: usize,
    used: Vec<String>,
    transform: fn(&str) -> String,
}

impl Texts {
    fn new(transform: fn(&str) -> String) -> Texts {
        Texts {
            pool: hostile_texts(),
            next: 0,
            used: Vec::new(),
            transform,
        }
    }

    /// The next text, tagged with a number so that every field's text is distinct.
    fn take(&mut self) -> String {
        let base = &self.pool[self.next % self.pool.len()];
        let text = (self.transform)(&format!("{base} n{}", self.next));
        self.next += 1;
        self.used.push(text.clone());
        text
    }
}

fn at(minute: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 30, 9, 0, 0).unwrap() + Duration::minutes(minute)
}

struct Built {
    history: History,
    header: Header,
    /// Every text put into the session, as it was put in.
    used: Vec<String>,
}

/// A whole session, every stage held, through `History::record`, with a text from
/// `texts` in every text field.
fn build(mut texts: Texts) -> Built {
    use Change::*;
    let (p1, p2, p3) = (PartnerId(1), PartnerId(2), PartnerId(3));
    let created = Created {
        title: texts.take(),
        moderator: texts.take(),
        kind: PartnershipType::Other(texts.take()),
        partners: [p1, p2, p3]
            .iter()
            .map(|id| NewPartner {
                id: *id,
                name: texts.take(),
                brings: texts.take(),
            })
            .collect(),
        roles: Vec::new(),
    };
    let mut history = History::create(at(0), created).unwrap();
    let mut minute = 0;
    let mut record = |history: &mut History, change: Change| {
        minute += 1;
        history
            .record(at(minute), change.clone())
            .unwrap_or_else(|e| panic!("{change:?}: {e}"));
    };
    let id = |history: &History| history.session().fresh_id();

    for (partner, function) in [
        (p1, Function::Executive),
        (p1, Function::Sales),
        (p2, Function::Legal),
        (p3, Function::Engineering),
    ] {
        let representative = Representative {
            id: id(&history),
            name: texts.take(),
            function,
        };
        record(
            &mut history,
            RepresentativeAdded {
                partner,
                representative,
            },
        );
    }

    record(&mut history, StatementSet { text: texts.take() });
    for (partner, score, stance) in [
        (p1, 5, Stance::Collaborator),
        (p2, 2, Stance::Competitor),
        (p3, 4, Stance::Coopetitor),
    ] {
        record(
            &mut history,
            ViewSet {
                partner,
                text: texts.take(),
            },
        );
        record(
            &mut history,
            WhyNotAloneSet {
                partner,
                text: texts.take(),
            },
        );
        record(
            &mut history,
            AlignmentSet {
                partner,
                score: Some(score),
            },
        );
        record(
            &mut history,
            StanceSet {
                partner,
                stance: Some(stance),
            },
        );
    }
    record(
        &mut history,
        AgreementSet {
            partner: p1,
            agreed: true,
        },
    );
    record(
        &mut history,
        GateDecided {
            decision: GateDecision::Proceed {
                override_reason: Some(texts.take()),
            },
        },
    );

    record(
        &mut history,
        MovedTo {
            stage: Stage::Roles,
        },
    );
    let mut roles = Vec::new();
    for _ in 0..3 {
        let role = Role {
            id: id(&history),
            name: texts.take(),
            raci: Default::default(),
        };
        roles.push(role.id);
        record(&mut history, RoleAdded { role });
    }
    for (role, partner, letter) in [
        (roles[0], p1, Raci::Accountable),
        (roles[0], p2, Raci::Accountable),
        (roles[1], p2, Raci::Responsible),
        (roles[2], p3, Raci::Accountable),
        (roles[2], p1, Raci::Responsible),
        (roles[2], p2, Raci::Informed),
    ] {
        record(
            &mut history,
            RaciSet {
                role,
                partner,
                letter: Some(letter),
            },
        );
    }
    for (owner, filled_by) in [
        (p1, HoleFiller::Partner(p2)),
        (p2, HoleFiller::Itself),
        (p3, HoleFiller::ThirdParty),
    ] {
        let hole = Hole {
            id: id(&history),
            owner,
            text: texts.take(),
            filled_by,
        };
        record(&mut history, HoleAdded { hole });
    }

    record(
        &mut history,
        MovedTo {
            stage: Stage::Interests,
        },
    );
    for (partner, category, weight, function) in [
        (
            p1,
            InterestCategory::Territory,
            Weight::NonNegotiable,
            Function::Sales,
        ),
        (
            p2,
            InterestCategory::Territory,
            Weight::NonNegotiable,
            Function::Legal,
        ),
        (
            p1,
            InterestCategory::Pricing,
            Weight::Important,
            Function::Executive,
        ),
        (
            p3,
            InterestCategory::MarginSharing,
            Weight::Important,
            Function::Finance,
        ),
        (
            p3,
            InterestCategory::Other,
            Weight::Negotiable,
            Function::Engineering,
        ),
    ] {
        let interest = Interest {
            id: id(&history),
            partner,
            statement: texts.take(),
            category,
            weight,
            function,
        };
        record(&mut history, InterestAdded { interest });
    }

    record(
        &mut history,
        MovedTo {
            stage: Stage::Conflicts,
        },
    );
    let statuses = [
        ConflictStatus::Open,
        ConflictStatus::Resolved {
            agreement: texts.take(),
        },
        ConflictStatus::Parked,
        ConflictStatus::DealBreaker,
    ];
    for status in statuses {
        let conflict = Conflict {
            id: id(&history),
            origin: ConflictOrigin::Moderator,
            category: ConflictCategory::Pricing,
            partners: vec![p1, p3],
            items: Vec::new(),
            description: texts.take(),
            severity: Severity::High,
            status,
            owner: texts.take(),
        };
        record(&mut history, ConflictAdded { conflict });
    }
    // The room's outcomes for findings of the rules, in hostile words too (only a
    // detected conflict can be dismissed).
    let keys: Vec<String> = board(history.session())
        .into_iter()
        .filter_map(|e| match e.source {
            Source::Detected { key, .. } => Some(key),
            Source::Moderator(_) => None,
        })
        .collect();
    assert!(keys.len() >= 3, "the rules should find conflicts: {keys:?}");
    record(
        &mut history,
        FindingSettled {
            key: keys[0].clone(),
            status: ConflictStatus::Resolved {
                agreement: texts.take(),
            },
            owner: texts.take(),
        },
    );
    record(
        &mut history,
        FindingSettled {
            key: keys[1].clone(),
            status: ConflictStatus::AcceptedRisk,
            owner: texts.take(),
        },
    );
    record(
        &mut history,
        FindingSettled {
            key: keys[2].clone(),
            status: ConflictStatus::Dismissed {
                reason: texts.take(),
            },
            owner: String::new(),
        },
    );

    record(
        &mut history,
        MovedTo {
            stage: Stage::Summary,
        },
    );
    record(
        &mut history,
        VerdictSet {
            verdict: Some(Verdict::ProceedWithConditions),
            note: texts.take(),
        },
    );
    for due in [NaiveDate::from_ymd_opt(2026, 12, 24), None] {
        let action = ActionItem {
            id: id(&history),
            text: texts.take(),
            owner: texts.take(),
            due,
        };
        record(&mut history, ActionAdded { action });
    }
    record(
        &mut history,
        TimeSpent {
            stage: Stage::Summary,
            seconds: 600,
        },
    );

    let session_id = texts.take();
    let earlier = texts.take();
    let header = Header::for_history(&session_id, Some(earlier.as_str()), &history);
    Built {
        history,
        header,
        used: texts.used,
    }
}

fn hostile() -> Built {
    build(Texts::new(str::to_string))
}

fn generated() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 30, 18, 0, 0).unwrap()
}

// Reading Markdown back ------------------------------------------------------------------

/// Pipes that separate cells: those not escaped by a backslash.
fn cell_pipes(line: &str) -> usize {
    let mut pipes = 0;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '|' => pipes += 1,
            _ => {}
        }
    }
    pipes
}

fn is_delimiter_row(line: &str) -> bool {
    line.starts_with('|')
        && line.ends_with('|')
        && line.trim_matches('|').split('|').all(|cell| {
            let cell = cell.trim();
            cell.len() >= 3
                && cell.trim_matches(':').chars().all(|c| c == '-')
                && !cell.trim_matches(':').is_empty()
        })
}

/// Every table: its header's cell count and each body row's cell count. Panics on a line
/// that starts with a pipe outside a table, which is what a broken cell produces.
fn tables(md: &str) -> Vec<(usize, Vec<usize>)> {
    let lines: Vec<&str> = md.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if line.starts_with('|') {
            assert!(
                lines.get(i + 1).is_some_and(|l| is_delimiter_row(l)),
                "a line starts with a pipe but no table starts here: {line:?}"
            );
            let header = cell_pipes(line) - 1;
            assert_eq!(cell_pipes(lines[i + 1]) - 1, header, "{}", lines[i + 1]);
            let mut rows = Vec::new();
            i += 2;
            while i < lines.len() && !lines[i].is_empty() {
                assert!(lines[i].starts_with('|'), "a table row: {:?}", lines[i]);
                rows.push(cell_pipes(lines[i]) - 1);
                i += 1;
            }
            out.push((header, rows));
        } else {
            i += 1;
        }
    }
    out
}

/// The kind of block a line starts in CommonMark, or None for text that continues (or
/// is) a paragraph.
fn block_kind(line: &str) -> Option<String> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let hashes = line.bytes().take_while(|b| *b == b'#').count();
    let bare = line.replace(' ', "");
    // What follows a list marker or a quote's `>` can start a block of its own: `- # x`
    // is a heading inside a list item.
    let inner = |outer: &str, rest: &str| match block_kind(rest.trim_start()) {
        Some(kind) => format!("{outer} {kind}"),
        None => outer.to_string(),
    };
    let kind =
        if (1..=6).contains(&hashes) && matches!(line.as_bytes().get(hashes), None | Some(b' ')) {
            format!("h{hashes}")
        } else if line.starts_with('|') {
            format!("row{}", cell_pipes(line) - 1)
        } else if !bare.is_empty()
            && (bare.chars().all(|c| c == '-')
                || bare.chars().all(|c| c == '=')
                || (bare.len() >= 3 && bare.chars().all(|c| c == '*' || c == '_')))
        {
            // A thematic break, or the underline that turns the paragraph above into a heading.
            format!("rule{}", &bare[..1])
        } else if ["- ", "+ ", "* "].iter().any(|m| line.starts_with(m)) {
            inner("bullet", &line[2..])
        } else if ["-", "+", "*"].contains(&line) {
            "bullet".to_string()
        } else if (1..=9).contains(&digits)
            && (line[digits..].starts_with(". ") || line[digits..].starts_with(") "))
        {
            inner("item", &line[digits + 2..])
        } else if let Some(rest) = line.strip_prefix('>') {
            let rest = rest.strip_prefix(' ').unwrap_or(rest);
            if rest.starts_with("    ") {
                "quote code".to_string()
            } else {
                inner("quote", rest)
            }
        } else if line.starts_with("```") || line.starts_with("~~~") {
            "fence".to_string()
        } else if line.starts_with('<') {
            "html".to_string()
        } else {
            return None;
        };
    Some(kind)
}

/// The block structure of a document, one entry per block: headings with their level,
/// table rows with their cell count, list items, quotes, rules, paragraphs. Lines that
/// continue a block (after a hard break, or indented in a list item) add nothing unless
/// they start a block of their own, so the shape does not depend on how many lines a
/// text has, only on what they do.
fn shape(md: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in md.lines() {
        let kind = if line.is_empty() {
            "blank".to_string()
        } else if line.starts_with(' ') {
            match block_kind(line.trim_start()) {
                Some(kind) => format!("nested {kind}"),
                None => continue,
            }
        } else {
            block_kind(line).unwrap_or_else(|| "para".to_string())
        };
        let continues_block = matches!(kind.as_str(), "para" | "quote")
            && out.last().is_some_and(|last| *last == kind);
        if !continues_block {
            out.push(kind);
        }
    }
    out
}

/// What a reader sees of the document, roughly: `<br>` and hard breaks as line breaks,
/// backslash escapes and the entities the exporter writes resolved.
fn rendered_text(md: &str) -> String {
    let md = md.replace("<br>", "\n");
    let mut out = String::with_capacity(md.len());
    let mut rest = md.as_str();
    while let Some(c) = rest.chars().next() {
        if c == '\\' {
            match rest[1..].chars().next() {
                Some(next) if next.is_ascii_punctuation() || next == '\n' => {
                    out.push(next);
                    rest = &rest[1 + next.len_utf8()..];
                    continue;
                }
                _ => {}
            }
        }
        let entity = [("&lt;", '<'), ("&gt;", '>'), ("&amp;", '&')]
            .into_iter()
            .find(|(name, _)| rest.starts_with(name));
        if let Some((name, ch)) = entity {
            out.push(ch);
            rest = &rest[name.len()..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// The characters of `text` that show: no spaces, no line breaks, no control characters
/// and no invisible direction marks.
fn visible(text: &str) -> String {
    text.chars()
        .filter(|c| {
            !c.is_whitespace()
                && !c.is_control()
                && !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

// Reading CSV back -----------------------------------------------------------------------

/// A strict RFC 4180 reader: records end in CRLF, a quoted field may hold anything with
/// its quotes doubled, an unquoted one no quote, CR or LF.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        let mut field = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            loop {
                match chars.next() {
                    Some('"') if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    Some('"') => break,
                    Some(c) => field.push(c),
                    None => panic!("a quoted field is never closed"),
                }
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c == ',' || c == '\r' {
                    break;
                }
                assert!(c != '"' && c != '\n', "{c:?} in an unquoted field");
                field.push(c);
                chars.next();
            }
        }
        record.push(field);
        match chars.next() {
            Some(',') => {}
            Some('\r') => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF ends a record");
                records.push(std::mem::take(&mut record));
                if chars.peek().is_none() {
                    return records;
                }
            }
            other => panic!("after a field: {other:?} (every record ends in CRLF)"),
        }
    }
}

/// What a field should read as in a spreadsheet-safe CSV.
fn guarded(field: &str) -> String {
    if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{field}")
    } else {
        field.to_string()
    }
}

// Tests ----------------------------------------------------------------------------------

#[test]
fn hostile_markdown_export_keeps_its_tables_in_shape() {
    let built = hostile();
    let notes = Notes::new(&built.history, &built.header, generated());
    let md = markdown(&notes);
    let tables = tables(&md);
    assert!(tables.len() >= 6, "{tables:?}");
    for (header, rows) in &tables {
        assert!(!rows.is_empty(), "an empty table");
        assert!(rows.iter().all(|r| r == header), "{header} cells: {rows:?}");
    }
    // The RACI table has a column per partner between the role and the check.
    assert!(tables.iter().any(|(header, _)| *header == 5));
}

#[test]
fn hostile_markdown_export_has_the_structure_of_its_benign_twin() {
    let built = hostile();
    let twin = build(Texts::new(benign));
    let md = markdown(&Notes::new(&built.history, &built.header, generated()));
    let plain = markdown(&Notes::new(&twin.history, &twin.header, generated()));
    let (ours, theirs) = (shape(&md), shape(&plain));
    if ours != theirs {
        let at = ours.iter().zip(&theirs).position(|(a, b)| a != b);
        panic!(
            "hostile text changed the document's structure at block {at:?}: {:?} vs {:?}\n\n{md}",
            at.map(|i| &ours[i]),
            at.map(|i| &theirs[i])
        );
    }
}

#[test]
fn hostile_markdown_export_runs_no_html_and_shows_every_text() {
    let built = hostile();
    let md = markdown(&Notes::new(&built.history, &built.header, generated()));
    let lower = md.to_lowercase();
    for raw in [
        "<script", "<img", "<b>", "<!--", "</td", "<https", "\u{1b}", "\u{7}",
    ] {
        assert!(!lower.contains(raw), "{raw:?} appears raw");
    }
    // The only HTML the exporter writes is its own line break in table cells.
    let tags: Vec<&str> = md.match_indices('<').map(|(i, _)| &md[i..]).collect();
    assert!(tags.iter().all(|t| t.starts_with("<br>")), "{tags:?}");
    let shown = visible(&rendered_text(&md));
    for text in &built.used {
        assert!(
            shown.contains(&visible(text)),
            "not shown in full: {text:?}\n\n{md}"
        );
    }
}

#[test]
fn hostile_markdown_export_closes_direction_overrides() {
    let built = hostile();
    let md = markdown(&Notes::new(&built.history, &built.header, generated()));
    for line in md.lines() {
        let opened = line
            .chars()
            .filter(|c| matches!(c, '\u{202A}' | '\u{202B}' | '\u{202D}' | '\u{202E}'))
            .count();
        let closed = line.chars().filter(|c| *c == '\u{202C}').count();
        assert!(closed >= opened, "an override runs past its text: {line:?}");
    }
}

#[test]
fn hostile_csv_export_reads_back_to_the_same_fields_with_formulas_neutralised() {
    let built = hostile();
    let notes = Notes::new(&built.history, &built.header, generated());
    let session = built.history.session();

    let actions = read_csv(&csv(&notes, CsvTable::Actions));
    let mut expected = vec![vec![
        "text".to_string(),
        "owner".into(),
        "due".into(),
        "overdue".into(),
    ]];
    let today = generated().date_naive();
    expected.extend(session.actions.iter().map(|a| {
        vec![
            guarded(&a.text),
            guarded(&a.owner),
            a.due.map_or_else(String::new, |d| d.to_string()),
            if a.is_overdue(today) { "yes" } else { "no" }.to_string(),
        ]
    }));
    assert_eq!(actions, expected);

    let conflicts = read_csv(&csv(&notes, CsvTable::Conflicts));
    assert_eq!(conflicts.len(), notes.board.len() + 1);
    assert_eq!(conflicts[0].len(), 9);
    for (row, entry) in conflicts[1..].iter().zip(&notes.board) {
        let names: Vec<String> = entry
            .partners
            .iter()
            .map(|p| session.partner_name(*p))
            .collect();
        let detail = match &entry.status {
            ConflictStatus::Resolved { agreement } => agreement.clone(),
            ConflictStatus::Dismissed { reason } => reason.clone(),
            _ => String::new(),
        };
        let want = [
            if entry.is_detected() {
                "detected"
            } else {
                "entered"
            }
            .to_string(),
            entry.rule().map_or("", |r| r.label()).to_string(),
            entry.category.label().to_string(),
            entry.severity.label().to_string(),
            guarded(&names.join("; ")),
            guarded(&entry.description),
            entry.status.label().to_string(),
            guarded(&detail),
            guarded(&entry.owner),
        ];
        assert_eq!(row, &want);
    }

    for field in actions.iter().chain(&conflicts).flatten() {
        assert!(
            !field.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "a spreadsheet would run {field:?}"
        );
    }
    // The hostile session does put formulas in: they must have been guarded, not lost.
    assert!(
        actions
            .iter()
            .chain(&conflicts)
            .flatten()
            .any(|f| f.starts_with("'="))
    );
}

#[test]
fn hostile_json_export_round_trips_the_session_and_the_events() {
    let built = hostile();
    let notes = Notes::new(&built.history, &built.header, generated());
    let text = json(&notes).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["format"], "sameside-export");
    assert_eq!(value["version"], 1);

    let session: Session = serde_json::from_value(value["session"].clone()).unwrap();
    assert_eq!(&session, built.history.session());
    let events: Vec<Event> = serde_json::from_value(value["events"].clone()).unwrap();
    assert_eq!(events, built.history.events());
    let header: Header = serde_json::from_value(value["header"].clone()).unwrap();
    assert_eq!(header, built.header);

    let board = value["board"].as_array().unwrap();
    assert_eq!(board.len(), notes.board.len());
    for (json, entry) in board.iter().zip(&notes.board) {
        assert_eq!(json["description"], entry.description.as_str());
        assert_eq!(json["owner"], entry.owner.as_str());
        let status: ConflictStatus = serde_json::from_value(json["status"].clone()).unwrap();
        assert_eq!(status, entry.status);
    }
    let decisions = value["decisions"].as_array().unwrap();
    assert_eq!(decisions.len(), notes.decision_log().len());
}

#[test]
fn a_pass_export_states_it_plainly_and_leaves_no_empty_tables() {
    let history = example_pass().unwrap();
    let header = Header::for_history("pass", None, &history);
    let md = markdown(&Notes::new(&history, &header, generated()));
    assert!(md.contains("The partners took a pass."), "{md}");
    assert!(
        md.contains(
            "Acme wants an exclusive embedded feature; Initech's strategy is to stay brand-neutral."
        ),
        "the reason is given: {md}"
    );
    // The template's roles exist, but nobody split them: no RACI table, no interests.
    for table_header in [
        "| Check",
        "| Raised by",
        "Functions that spoke",
        "Filled by",
    ] {
        assert!(!md.contains(table_header), "{table_header}: {md}");
    }
    for section in [
        "## 2. Role split",
        "## 3. Self-interests",
        "## 4. Conflict check",
    ] {
        let after = md.split(section).nth(1).unwrap_or_default();
        assert!(
            after.trim_start().starts_with("Not reached"),
            "{section} should say it was not reached"
        );
    }
    for (_, rows) in tables(&md) {
        assert!(!rows.is_empty(), "an empty table in {md}");
    }
}

#[test]
fn a_large_session_exports_in_every_format() {
    let mut history = large(4, 1_000, 10_000).unwrap();
    // Every stage reached, so that every section and every rule has the items to work on.
    let last = history.events().last().unwrap().at;
    history
        .record(
            last,
            Change::MovedTo {
                stage: Stage::Summary,
            },
        )
        .unwrap();
    let header = Header::for_history("large", None, &history);
    let started = std::time::Instant::now();
    let notes = Notes::new(&history, &header, generated());
    let md = markdown(&notes);
    let js = json(&notes).unwrap();
    let actions = csv(&notes, CsvTable::Actions);
    let conflicts = csv(&notes, CsvTable::Conflicts);
    // Timing is reported, not asserted: a loaded machine must not fail the suite.
    eprintln!(
        "large session: {} events exported in {:?} ({} + {} + {} + {} bytes)",
        history.events().len(),
        started.elapsed(),
        md.len(),
        js.len(),
        actions.len(),
        conflicts.len()
    );
    for (header, rows) in tables(&md) {
        assert!(rows.iter().all(|r| *r == header));
    }
    assert_eq!(read_csv(&conflicts).len(), notes.board.len() + 1);
}
