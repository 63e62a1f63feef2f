//! Reading the topic lexicon's data file. The shipped file is part of the program, so a
//! mistake in it is a bug: the checks are strict (a word given to two topics, a topic
//! with no words, a broken ending group), and a test reads the shipped file through them.

use serde::Deserialize;

/// The data file: a list of topics.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct File {
    pub topics: Vec<Entry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Entry {
    /// The English display name, which findings show.
    pub name: String,
    /// The words and phrases that name the topic, in the notation of [`expand`].
    pub words: Vec<String>,
}

/// What is wrong with a topic file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TopicsError {
    /// Not valid RON, or not the expected shape; `at` is `line:col: message`.
    #[error("topics.ron:{at}")]
    Syntax { at: String },
    #[error("topics: '{topic}' has no words")]
    NoWords { topic: String },
    #[error("topics: '{topic}': '{word}' {problem}")]
    BadWord {
        topic: String,
        word: String,
        problem: &'static str,
    },
    #[error("topics: '{word}' names both '{first}' and '{second}'")]
    WordTwice {
        word: String,
        first: String,
        second: String,
    },
    #[error("topics: the name '{name}' is used for two topics")]
    NameTwice { name: String },
    #[error("topics: more than 65,535 topics")]
    TooMany,
}

pub(super) fn parse(text: &str) -> Result<File, TopicsError> {
    ron::from_str(text).map_err(|e| TopicsError::Syntax { at: e.to_string() })
}

/// The forms one word of the data stands for. `stem[a|b|c]` stands for the stem followed
/// by each ending in turn; an empty ending is the stem alone, so `connector[|s]` is
/// "connector" and "connectors", and `factur[a|as|amos]` is "factura", "facturas" and
/// "facturamos" but not "factur". A word may have several groups (all combinations
/// count). Groups do not nest, and `|` only separates endings inside a group.
pub(super) fn expand(word: &str) -> Result<Vec<String>, &'static str> {
    if word.contains('~') {
        // The gazetteer's `~` means German adjective endings; here endings are always
        // spelled out, so that the data has one notation.
        return Err("uses '~'; spell the endings out as [|e|en|er|es]");
    }
    let mut forms = vec![String::new()];
    let mut rest = word;
    while let Some(open) = rest.find('[') {
        let plain = &rest[..open];
        if plain.contains(['|', ']']) {
            return Err("has '|' or ']' outside an ending group");
        }
        let after = &rest[open + 1..];
        let close = after.find(']').ok_or("has a '[' that is never closed")?;
        let group = &after[..close];
        if group.contains('[') {
            return Err("has an ending group inside another");
        }
        let mut grown = Vec::with_capacity(forms.len() * 2);
        for form in &forms {
            for ending in group.split('|') {
                grown.push(format!("{form}{plain}{ending}"));
            }
        }
        forms = grown;
        rest = &after[close + 1..];
    }
    if rest.contains(['|', ']']) {
        return Err("has '|' or ']' outside an ending group");
    }
    for form in &mut forms {
        form.push_str(rest);
    }
    Ok(forms)
}
