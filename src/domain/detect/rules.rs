//! The rules, one function each, and the table that lists them.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::terms::terms;
use super::{Finding, Rule, RuleDef, items_key};
use crate::domain::session::{Interest, ItemRef, Session};
use crate::domain::stage::Stage;
use crate::domain::types::{
    ConflictCategory, HoleFiller, InterestCategory, PartnerId, Raci, Severity, Stance, Weight,
};

pub const RULES: &[RuleDef] = &[
    RuleDef {
        rule: Rule::ClashingInterests,
        reads: Stage::Interests,
        name: "clashing interests",
        looks_for: "important or non-negotiable interests of different partners in the same category",
        run: clashing_interests,
    },
    RuleDef {
        rule: Rule::SharedTerms,
        reads: Stage::Interests,
        name: "shared terms",
        looks_for: "interests, roles or holes of different partners that name the same thing",
        run: shared_terms,
    },
    RuleDef {
        rule: Rule::TwoAccountable,
        reads: Stage::Roles,
        name: "two accountable",
        looks_for: "a role with more than one partner accountable",
        run: two_accountable,
    },
    RuleDef {
        rule: Rule::NobodyAccountable,
        reads: Stage::Roles,
        name: "nobody accountable",
        looks_for: "a role that no partner is accountable for",
        run: nobody_accountable,
    },
    RuleDef {
        rule: Rule::NobodyResponsible,
        reads: Stage::Roles,
        name: "nobody responsible",
        looks_for: "a role with an accountable partner but nobody responsible for doing it",
        run: nobody_responsible,
    },
    RuleDef {
        rule: Rule::HoleLeftToPartner,
        reads: Stage::Roles,
        name: "hole left to a partner",
        looks_for: "a partner expecting another partner to fill a gap in its own business",
        run: hole_left_to_partner,
    },
    RuleDef {
        rule: Rule::InterestVsRole,
        reads: Stage::Interests,
        name: "interest against role",
        looks_for: "an interest that claims what another partner is accountable for",
        run: interest_vs_role,
    },
    RuleDef {
        rule: Rule::VisionGap,
        reads: Stage::Vision,
        name: "vision gap",
        looks_for: "alignment scores 2 or more apart, or stances that disagree",
        run: vision_gap,
    },
];

/// "Acme", "Acme and Globex", "Acme, Globex and Initech".
fn names(session: &Session, partners: &[PartnerId]) -> String {
    let names: Vec<String> = partners.iter().map(|p| session.partner_name(*p)).collect();
    match names.as_slice() {
        [] => "nobody".to_string(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The verb form that goes with `names`: "answers" for one partner, "answer" for more.
fn verb<'a>(partners: &[PartnerId], one: &'a str, many: &'a str) -> &'a str {
    if partners.len() == 1 { one } else { many }
}

/// User text in quotes, cut so the sentence stays readable aloud.
fn quote(text: &str) -> String {
    const MAX: usize = 50;
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > MAX {
        let cut: String = one_line.chars().take(MAX - 1).collect();
        format!("'{}…'", cut.trim_end())
    } else {
        format!("'{one_line}'")
    }
}

pub(crate) fn conflict_category(category: InterestCategory) -> ConflictCategory {
    match category {
        InterestCategory::Territory => ConflictCategory::Territory,
        InterestCategory::ProductDirection => ConflictCategory::ProductDirection,
        InterestCategory::AccountLeadership => ConflictCategory::AccountLeadership,
        InterestCategory::IpOwnership => ConflictCategory::IpOwnership,
        InterestCategory::Pricing => ConflictCategory::Pricing,
        InterestCategory::MarginSharing => ConflictCategory::MarginSharing,
        InterestCategory::Other => ConflictCategory::Other,
    }
}

fn pairs(partners: &[PartnerId]) -> impl Iterator<Item = (PartnerId, PartnerId)> + '_ {
    partners
        .iter()
        .enumerate()
        .flat_map(move |(i, p)| partners[i + 1..].iter().map(move |q| (*p, *q)))
}

// 1. Clashing interests -------------------------------------------------------------------

fn clashing_interests(s: &Session, out: &mut Vec<Finding>) {
    related_interests(s, out);
    let mut held: BTreeMap<(InterestCategory, PartnerId), Vec<&Interest>> = BTreeMap::new();
    for interest in &s.interests {
        // "Other" says nothing about what is claimed; shared terms catch those.
        if interest.weight != Weight::Negotiable && interest.category != InterestCategory::Other {
            held.entry((interest.category, interest.partner))
                .or_default()
                .push(interest);
        }
    }
    let partners: Vec<PartnerId> = s.partners.iter().map(|p| p.id).collect();
    for category in InterestCategory::ALL {
        for (p, q) in pairs(&partners) {
            let (Some(mine), Some(theirs)) = (held.get(&(*category, p)), held.get(&(*category, q)))
            else {
                continue;
            };
            let firm = |list: &[&Interest]| list.iter().any(|i| i.weight == Weight::NonNegotiable);
            let (severity, how) = match (firm(mine), firm(theirs)) {
                (true, true) => (Severity::Critical, "non-negotiable"),
                (true, false) | (false, true) => (Severity::High, "firm"),
                (false, false) => (Severity::Medium, "important"),
            };
            let items: Vec<ItemRef> = mine
                .iter()
                .chain(theirs.iter())
                .map(|i| ItemRef::Interest(i.id))
                .collect();
            out.push(Finding {
                key: format!("clash:{}", items_key(&items)),
                rule: Rule::ClashingInterests,
                category: conflict_category(*category),
                partners: vec![p, q],
                explanation: format!(
                    "{} and {} both hold {how} interests in {category}: {} and {}.",
                    s.partner_name(p),
                    s.partner_name(q),
                    quote(&mine[0].statement),
                    quote(&theirs[0].statement),
                ),
                items,
                severity,
                shared_terms: Vec::new(),
                prompt: None,
            });
        }
    }
}

/// Categories that decide the same thing from two sides: a price cap and a margin floor
/// cannot both hold, and who leads an account depends on who owns its territory.
const RELATED: &[(InterestCategory, InterestCategory)] = &[
    (InterestCategory::Pricing, InterestCategory::MarginSharing),
    (
        InterestCategory::Territory,
        InterestCategory::AccountLeadership,
    ),
];

fn related_interests(s: &Session, out: &mut Vec<Finding>) {
    let firm = |partner: PartnerId, category: InterestCategory| -> Vec<&Interest> {
        s.interests
            .iter()
            .filter(|i| {
                i.partner == partner && i.category == category && i.weight != Weight::Negotiable
            })
            .collect()
    };
    for (p, q) in s
        .partners
        .iter()
        .flat_map(|p| s.partners.iter().map(move |q| (p.id, q.id)))
    {
        if p == q {
            continue;
        }
        for (a, b) in RELATED {
            let (mine, theirs) = (firm(p, *a), firm(q, *b));
            let (Some(first), Some(second)) = (mine.first(), theirs.first()) else {
                continue;
            };
            let both_firm = mine
                .iter()
                .chain(&theirs)
                .any(|i| i.weight == Weight::NonNegotiable);
            let items: Vec<ItemRef> = mine
                .iter()
                .chain(&theirs)
                .map(|i| ItemRef::Interest(i.id))
                .collect();
            out.push(Finding {
                key: format!("related:{}", items_key(&items)),
                rule: Rule::ClashingInterests,
                category: conflict_category(*b),
                partners: vec![p, q],
                explanation: format!(
                    "{} holds firm interests in {a} and {} in {b}, which decide the same thing from two sides: {} and {}.",
                    s.partner_name(p),
                    s.partner_name(q),
                    quote(&first.statement),
                    quote(&second.statement),
                ),
                items,
                severity: if both_firm { Severity::High } else { Severity::Medium },
                shared_terms: Vec::new(),
                prompt: Some("Can both hold at once? If not, which gives way?".to_string()),
            });
        }
    }
}

// 2. Shared terms -------------------------------------------------------------------------

/// Something a partner said that can share words with what another partner said.
struct Mention {
    partner: PartnerId,
    item: ItemRef,
    interest: Option<(InterestCategory, Weight)>,
}

/// Items that mention a term; below this many items every term counts, above it a term
/// used by more than half of them is too common to mean anything ("market", "customer").
const COMMON_TERM_MIN_ITEMS: usize = 10;

fn shared_terms(s: &Session, out: &mut Vec<Finding>) {
    // Mentions are numbered in the order they are added, so each posting list is sorted
    // as it is built and needs no set.
    let mut mentions: Vec<Mention> = Vec::new();
    let mut postings: HashMap<String, Vec<usize>> = HashMap::new();
    let mut add = |mention: Mention, text: &str, mentions: &mut Vec<Mention>| {
        let index = mentions.len();
        mentions.push(mention);
        for term in terms(text) {
            postings.entry(term).or_default().push(index);
        }
    };
    for i in &s.interests {
        let m = Mention {
            partner: i.partner,
            item: ItemRef::Interest(i.id),
            interest: Some((i.category, i.weight)),
        };
        add(m, &i.statement, &mut mentions);
    }
    for h in &s.holes {
        let m = Mention {
            partner: h.owner,
            item: ItemRef::Hole(h.id),
            interest: None,
        };
        add(m, &h.text, &mut mentions);
    }
    for r in &s.roles {
        // A role speaks for the partners who answer for it; one that only helps with it
        // does not claim its subject.
        for (partner, letter) in &r.raci {
            if *letter == Raci::Accountable {
                let m = Mention {
                    partner: *partner,
                    item: ItemRef::Role(r.id),
                    interest: None,
                };
                add(m, &r.name, &mut mentions);
            }
        }
    }
    let distinct_items = s.interests.len()
        + s.holes.len()
        + s.roles
            .iter()
            .filter(|r| !r.accountable().is_empty())
            .count();
    let too_common =
        |count: usize| distinct_items >= COMMON_TERM_MIN_ITEMS && count * 2 > distinct_items;
    // Sorted by term, so the words of a finding come out in the same order every time.
    let mut postings: Vec<(String, Vec<usize>)> = postings.into_iter().collect();
    postings.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    // Terms that point at exactly the same mentions make one finding, not one per word.
    let mut groups: HashMap<Vec<usize>, Vec<String>> = HashMap::new();
    for (term, indices) in postings {
        let first = mentions[indices[0]].partner;
        if indices.iter().all(|i| mentions[*i].partner == first) {
            continue;
        }
        let mut items: Vec<&ItemRef> = indices.iter().map(|i| &mentions[*i].item).collect();
        items.sort_unstable();
        items.dedup();
        if items.len() < 2 || too_common(items.len()) {
            continue;
        }
        groups.entry(indices).or_default().push(term);
    }
    for (indices, words) in groups {
        let group: Vec<&Mention> = indices.iter().map(|i| &mentions[*i]).collect();
        let interests: Vec<(InterestCategory, Weight)> =
            group.iter().filter_map(|m| m.interest).collect();
        let only_interests = interests.len() == group.len();
        let one_category = interests.windows(2).all(|w| w[0].0 == w[1].0);
        // When the interests among these items are firm, in one category and from two or
        // more partners, the clashing-interests rule already shows them together; saying
        // it again because a role uses the same word would only repeat it.
        let interest_partners: BTreeSet<PartnerId> = group
            .iter()
            .filter(|m| m.interest.is_some())
            .map(|m| m.partner)
            .collect();
        let firm = interests.iter().all(|(_, w)| *w != Weight::Negotiable);
        let clash_covers = interest_partners.len() >= 2
            && one_category
            && firm
            && interests
                .first()
                .is_some_and(|(c, _)| *c != InterestCategory::Other);
        if clash_covers {
            continue;
        }
        let mut partners: Vec<PartnerId> = group.iter().map(|m| m.partner).collect();
        partners.sort();
        partners.dedup();
        let mut items: Vec<ItemRef> = group.iter().map(|m| m.item.clone()).collect();
        items.sort();
        items.dedup();
        let firm_sides: BTreeSet<PartnerId> = group
            .iter()
            .filter(|m| m.interest.is_some_and(|(_, w)| w != Weight::Negotiable))
            .map(|m| m.partner)
            .collect();
        let severity = if firm_sides.len() >= 2 {
            Severity::Medium
        } else {
            Severity::Low
        };
        let category = match interests.first() {
            Some((c, _)) if one_category && only_interests => conflict_category(*c),
            _ => ConflictCategory::Other,
        };
        let shown: Vec<String> = words.iter().take(3).map(|w| format!("'{w}'")).collect();
        let examples: Vec<String> = items.iter().take(2).map(|i| s.describe_item(i)).collect();
        out.push(Finding {
            key: format!("terms:{}", items_key(&items)),
            rule: Rule::SharedTerms,
            category,
            explanation: format!(
                "{} all mention {}: {}.",
                names(s, &partners),
                shown.join(", "),
                examples.join(" / ")
            )
            .replacen(
                " all mention",
                if partners.len() == 2 {
                    " both mention"
                } else {
                    " all mention"
                },
                1,
            ),
            partners,
            items,
            severity,
            shared_terms: words,
            prompt: Some("Are these the same thing? If so, who owns it?".to_string()),
        });
    }
}

// 3. RACI rules ---------------------------------------------------------------------------

fn role_partners(s: &Session, raci: &BTreeMap<PartnerId, Raci>) -> Vec<PartnerId> {
    if raci.is_empty() {
        s.partners.iter().map(|p| p.id).collect()
    } else {
        raci.keys().copied().collect()
    }
}

fn two_accountable(s: &Session, out: &mut Vec<Finding>) {
    for role in &s.roles {
        let accountable = role.accountable();
        if accountable.len() < 2 {
            continue;
        }
        out.push(Finding {
            key: format!("two-a:r{}", role.id.0),
            rule: Rule::TwoAccountable,
            category: ConflictCategory::Roles,
            explanation: format!(
                "{} are all accountable for {}; one partner must answer for it.",
                names(s, &accountable),
                quote(&role.name)
            )
            .replacen(
                " are all ",
                if accountable.len() == 2 {
                    " are both "
                } else {
                    " are all "
                },
                1,
            ),
            partners: accountable,
            items: vec![ItemRef::Role(role.id)],
            severity: Severity::High,
            shared_terms: Vec::new(),
            prompt: Some("Which partner answers for this role?".to_string()),
        });
    }
}

fn nobody_accountable(s: &Session, out: &mut Vec<Finding>) {
    for role in &s.roles {
        if !role.accountable().is_empty() {
            continue;
        }
        let explanation = if role.raci.is_empty() {
            let everyone: Vec<PartnerId> = s.partners.iter().map(|p| p.id).collect();
            format!(
                "Nobody has taken {} yet: {} {} no part in it.",
                quote(&role.name),
                names(s, &everyone),
                verb(&everyone, "has", "have")
            )
        } else {
            format!(
                "Nobody is accountable for {}: {} take part, but no one answers for it.",
                quote(&role.name),
                names(s, &role.raci.keys().copied().collect::<Vec<_>>())
            )
        };
        out.push(Finding {
            key: format!("no-a:r{}", role.id.0),
            rule: Rule::NobodyAccountable,
            category: ConflictCategory::Roles,
            partners: role_partners(s, &role.raci),
            items: vec![ItemRef::Role(role.id)],
            severity: Severity::Medium,
            explanation,
            shared_terms: Vec::new(),
            prompt: Some("Who answers for this role, or is it not needed?".to_string()),
        });
    }
}

fn nobody_responsible(s: &Session, out: &mut Vec<Finding>) {
    for role in &s.roles {
        // With nobody accountable, the finding above already says the role is open.
        if role.accountable().is_empty() || !role.responsible().is_empty() {
            continue;
        }
        out.push(Finding {
            key: format!("no-r:r{}", role.id.0),
            rule: Rule::NobodyResponsible,
            category: ConflictCategory::Roles,
            partners: role.accountable(),
            items: vec![ItemRef::Role(role.id)],
            severity: Severity::Low,
            explanation: format!(
                "Nobody is marked responsible for doing {}; {} {} for it.",
                quote(&role.name),
                names(s, &role.accountable()),
                verb(&role.accountable(), "answers", "answer")
            ),
            shared_terms: Vec::new(),
            prompt: Some("Does the accountable partner also do the work?".to_string()),
        });
    }
}

// 4. Hole left to a partner ---------------------------------------------------------------

fn hole_left_to_partner(s: &Session, out: &mut Vec<Finding>) {
    for hole in &s.holes {
        let HoleFiller::Partner(other) = hole.filled_by else {
            continue;
        };
        let (owner, filler) = (s.partner_name(hole.owner), s.partner_name(other));
        out.push(Finding {
            key: format!("hole:h{}", hole.id.0),
            rule: Rule::HoleLeftToPartner,
            category: ConflictCategory::Roles,
            partners: vec![hole.owner, other],
            items: vec![ItemRef::Hole(hole.id)],
            severity: Severity::High,
            explanation: format!(
                "{owner} expects {filler} to fill a gap in its own business ({}), though partners invest in their own business, not in each other's.",
                quote(&hole.text)
            ),
            shared_terms: Vec::new(),
            prompt: Some(format!(
                "{filler}: would you invest in this for your own reasons? If not, how will {owner} close the gap?"
            )),
        });
    }
}

// 5. Interest against role ----------------------------------------------------------------

/// Words in a role's name that show it decides what an interest of this category claims.
fn claim_words(category: InterestCategory) -> &'static [&'static str] {
    match category {
        InterestCategory::AccountLeadership => &["account", "customer", "sale", "sales"],
        InterestCategory::Territory => &["territory", "region", "market", "country", "field"],
        InterestCategory::ProductDirection => &["roadmap", "release", "feature"],
        InterestCategory::Pricing => &["pricing", "price", "commercial", "discount", "billing"],
        InterestCategory::IpOwnership => &["ip", "licensing", "ownership", "result", "background"],
        InterestCategory::MarginSharing => {
            &["margin", "royalty", "royalties", "billing", "commercial"]
        }
        InterestCategory::Other => &[],
    }
}

fn interest_vs_role(s: &Session, out: &mut Vec<Finding>) {
    let roles: Vec<(&crate::domain::session::Role, Vec<String>, Vec<PartnerId>)> = s
        .roles
        .iter()
        .map(|r| (r, terms(&r.name), r.accountable()))
        .filter(|(_, _, accountable)| !accountable.is_empty())
        .collect();
    for interest in &s.interests {
        if interest.category == InterestCategory::Other {
            continue;
        }
        let words = claim_words(interest.category);
        for (role, role_terms, accountable) in &roles {
            if accountable.contains(&interest.partner) {
                continue;
            }
            // The role must be about deciding this kind of thing; a word in common alone
            // ("project") is too weak a sign.
            let decides = role_terms.iter().any(|t| words.contains(&t.as_str()));
            if !decides {
                continue;
            }
            let severity = match interest.weight {
                Weight::NonNegotiable => Severity::High,
                Weight::Important => Severity::Medium,
                Weight::Negotiable => Severity::Low,
            };
            let mut partners = vec![interest.partner];
            partners.extend(accountable.iter().copied());
            let items = vec![ItemRef::Interest(interest.id), ItemRef::Role(role.id)];
            out.push(Finding {
                key: format!("claim:{}", items_key(&items)),
                rule: Rule::InterestVsRole,
                category: conflict_category(interest.category),
                explanation: format!(
                    "{} wants {}, but {} is accountable for {}.",
                    s.partner_name(interest.partner),
                    quote(&interest.statement),
                    names(s, accountable),
                    quote(&role.name)
                ),
                partners,
                items,
                severity,
                shared_terms: Vec::new(),
                prompt: Some(
                    "Who decides here: the role's owner, or the partner with the interest?"
                        .to_string(),
                ),
            });
        }
    }
}

// 6. Vision gap ---------------------------------------------------------------------------

fn vision_gap(s: &Session, out: &mut Vec<Finding>) {
    for (i, p) in s.partners.iter().enumerate() {
        for q in &s.partners[i + 1..] {
            let items = vec![ItemRef::Vision(p.id), ItemRef::Vision(q.id)];
            if let (Some(a), Some(b)) = (p.vision.alignment, q.vision.alignment)
                && a.abs_diff(b) >= 2
            {
                out.push(Finding {
                    key: format!("align:{}", items_key(&items)),
                    rule: Rule::VisionGap,
                    category: ConflictCategory::Vision,
                    partners: vec![p.id, q.id],
                    items: items.clone(),
                    severity: if a.abs_diff(b) >= 3 { Severity::High } else { Severity::Medium },
                    explanation: format!(
                        "{} rates its alignment {a} of 5 and {} {b} of 5: they do not read the shared statement the same way.",
                        p.name, q.name
                    ),
                    shared_terms: Vec::new(),
                    prompt: Some("What would each need to see in the statement to score it higher?".to_string()),
                });
            }
            if let (Some(a), Some(b)) = (p.vision.stance, q.vision.stance)
                && a != b
            {
                let competitor = a == Stance::Competitor || b == Stance::Competitor;
                out.push(Finding {
                    key: format!("stance:{}", items_key(&items)),
                    rule: Rule::VisionGap,
                    category: ConflictCategory::Vision,
                    partners: vec![p.id, q.id],
                    items,
                    severity: if competitor {
                        Severity::High
                    } else {
                        Severity::Low
                    },
                    explanation: format!(
                        "{} sees itself as a {a} and {} as a {b}.",
                        p.name, q.name
                    ),
                    shared_terms: Vec::new(),
                    prompt: Some(
                        "Where exactly do you compete, and can that be fenced off?".to_string(),
                    ),
                });
            }
        }
    }
}
