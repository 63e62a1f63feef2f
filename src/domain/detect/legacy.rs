//! Keys of findings from earlier versions of the rules, read from older session files.
//!
//! Earlier, one clashing-interests finding lumped every firm interest of a category of two
//! partners together (`clash:i3+i5+i9@1+2`), a related-categories finding did the same
//! across pricing and margins (`related:…`), shared words made `terms:…` findings, and a
//! role with an accountable partner but nobody responsible was a `no-r:…` finding. A
//! session file that settled one of those still loads: the outcome goes to the findings of
//! today that lie inside the old one (the same partners, interests among the old items),
//! as the room meant it. A key that lies over none of today's findings (every `no-r:` key:
//! that observation is advice in the role split now) is kept as it was and shows nowhere.

use super::{Finding, Rule};

/// Prefixes the rules no longer write.
const RETIRED: &[&str] = &["clash", "related", "terms", "no-r"];

/// Whether `key` is one the rules wrote before and no longer write.
pub fn is_retired(key: &str) -> bool {
    key.split_once(':')
        .is_some_and(|(prefix, rest)| RETIRED.contains(&prefix) && rest.contains('@'))
}

/// The items and partners a key names: `i3+i5@1+2` gives (["i3", "i5"], ["1", "2"]).
fn parts(key: &str) -> Option<(Vec<&str>, Vec<&str>)> {
    let (_, rest) = key.split_once(':')?;
    let (items, partners) = rest.rsplit_once('@')?;
    Some((items.split('+').collect(), partners.split('+').collect()))
}

/// The keys of today's `findings` that a retired `key` stands for: clashing-interests
/// findings whose interests and partners are all among the key's.
pub fn successors(key: &str, findings: &[Finding]) -> Vec<String> {
    let Some((items, partners)) = parts(key) else {
        return Vec::new();
    };
    if key.starts_with("no-r:") {
        return Vec::new();
    }
    findings
        .iter()
        .filter(|f| f.rule == Rule::ClashingInterests)
        .filter(|f| {
            parts(&f.key).is_some_and(|(own_items, own_partners)| {
                own_items.iter().all(|i| items.contains(i))
                    && own_partners.iter().all(|p| partners.contains(p))
            })
        })
        .map(|f| f.key.clone())
        .collect()
}
