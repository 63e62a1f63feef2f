use super::*;

fn has(terms: &[String], word: &str) -> bool {
    terms.iter().any(|t| t == word)
}

#[test]
fn stop_words_are_sorted_for_binary_search() {
    let mut sorted = STOP_WORDS.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted, STOP_WORDS);
}

#[test]
fn plurals_become_singular_but_words_ending_in_s_stay() {
    let cases = [
        ("accounts", "account"),
        ("territories", "territory"),
        ("boxes", "box"),
        ("branches", "branch"),
        ("process", "process"),
        ("analysis", "analysis"),
        ("emea", "emea"),
        ("status", "status"),
        ("bus", "bus"),
        ("sales", "sale"),
    ];
    for (word, want) in cases {
        assert_eq!(singular(word), want, "{word}");
    }
}

#[test]
fn terms_ignore_case_plurals_numbers_and_common_words() {
    let a = terms("Own EMEA enterprise accounts");
    let b = terms("Keep our enterprise account base in emea (top 20)");
    let shared: Vec<&String> = a.iter().filter(|t| b.contains(t)).collect();
    assert_eq!(shared, vec!["account", "emea", "enterprise"]);
    assert!(!has(&b, "20"));
    assert!(!has(&b, "our"));
}

#[test]
fn short_acronyms_count_but_short_words_do_not() {
    let t = terms("IP of the EU connectors, as is");
    assert!(has(&t, "ip"));
    assert!(has(&t, "eu"));
    assert!(!has(&t, "as"));
    assert!(!has(&t, "is"));
}

#[test]
fn any_script_is_split_into_words() {
    let t = terms("Vertrieb für Müller-Kunden; 東京 market");
    assert!(has(&t, "müller"));
    assert!(has(&t, "kunden"));
    assert!(has(&t, "market"));
    assert!(has(&t, "東京"));
}
