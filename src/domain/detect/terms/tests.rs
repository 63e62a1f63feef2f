use super::*;

fn has(terms: &[String], word: &str) -> bool {
    terms.iter().any(|t| t == word)
}

#[test]
fn stop_words_are_lower_case_so_they_match_the_lowered_text() {
    for word in ENGLISH.iter().chain(BUSINESS).chain(OTHER_LANGUAGES) {
        assert_eq!(*word, word.to_lowercase(), "{word}");
    }
}

#[test]
fn a_one_letter_accented_word_or_a_foreign_article_is_no_subject() {
    assert_eq!(terms("Support à distance"), ["distance", "support"]);
    assert_eq!(terms("Die Kunden und der Vertrieb"), ["kunden", "vertrieb"]);
    assert!(terms("Customers on our platform").is_empty());
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
