//! The rules, one function each, and the table that lists them.

use std::collections::BTreeMap;

use super::pairs::clashing_interests;
use super::terms::{singular, words};
use super::{Finding, Rule, RuleDef, items_key};
use crate::domain::session::{ItemRef, Session};
use crate::domain::stage::Stage;
use crate::domain::types::{
    ConflictCategory, HoleFiller, InterestCategory, PartnerId, Raci, Severity, Stance, Weight,
};

pub const RULES: &[RuleDef] = &[
    RuleDef {
        rule: Rule::ClashingInterests,
        reads: Stage::Interests,
        name: "clashing interests",
        looks_for: "two partners' interests of one kind that claim the same place, account or subject",
        run: clashing_interests,
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
pub(super) fn quote(text: &str) -> String {
    let mut out = String::new();
    quote_into(&mut out, text);
    out
}

/// `quote`, written at the end of `out`: the rules quote every statement of every
/// finding after every change, so the sentence is built in one string.
pub(super) fn quote_into(out: &mut String, text: &str) {
    const MAX: usize = 50;
    out.reserve(text.len().min(4 * (MAX + 1)) + 5);
    out.push('\'');
    let start = out.len();
    // One pass that folds runs of white space into one space and stops once the text is
    // known to be too long.
    let mut count = 0;
    for word in text.split_whitespace() {
        if count > 0 {
            out.push(' ');
            count += 1;
        }
        for c in word.chars() {
            if count > MAX {
                break;
            }
            out.push(c);
            count += 1;
        }
        if count > MAX {
            break;
        }
    }
    if count > MAX {
        let end = out[start..]
            .char_indices()
            .nth(MAX - 1)
            .map_or(out.len(), |(at, _)| start + at);
        out.truncate(end);
        let kept = out.trim_end().len().max(start);
        out.truncate(kept);
        out.push('…');
    }
    out.push('\'');
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
    // What each sentence says of a role is worked out once per role, not once per
    // interest that claims it: a large session has thousands of such findings.
    struct Claimed<'r> {
        role: &'r crate::domain::session::Role,
        terms: Vec<String>,
        accountable: Vec<PartnerId>,
        /// "…, but Globex is accountable for 'Pricing'."
        tail: String,
    }
    let roles: Vec<Claimed> = s
        .roles
        .iter()
        // Every word of the name, common ones too: "customer" says that a role decides
        // about customers, even though it names no subject two partners could share.
        .map(|r| {
            let terms: Vec<String> = words(&r.name)
                .map(|w| singular(&w.to_lowercase()))
                .collect();
            let accountable = r.accountable();
            let tail = format!(
                ", but {} {} accountable for {}.",
                names(s, &accountable),
                verb(&accountable, "is", "are"),
                quote(&r.name)
            );
            Claimed {
                role: r,
                terms,
                accountable,
                tail,
            }
        })
        .filter(|c| !c.accountable.is_empty())
        .collect();
    let partner_names: BTreeMap<PartnerId, String> = s
        .partners
        .iter()
        .map(|p| (p.id, s.partner_name(p.id)))
        .collect();
    for interest in &s.interests {
        if interest.category == InterestCategory::Other {
            continue;
        }
        let words = claim_words(interest.category);
        // "Acme wants '…'": the same for every role the interest claims.
        let mut head = String::new();
        for claimed in &roles {
            if claimed.accountable.contains(&interest.partner) {
                continue;
            }
            // The role must be about deciding this kind of thing; a word in common alone
            // ("project") is too weak a sign.
            let decides = claimed.terms.iter().any(|t| words.contains(&t.as_str()));
            if !decides {
                continue;
            }
            if head.is_empty() {
                head.push_str(
                    partner_names
                        .get(&interest.partner)
                        .map_or("", String::as_str),
                );
                head.push_str(" wants ");
                quote_into(&mut head, &interest.statement);
            }
            let severity = match interest.weight {
                Weight::NonNegotiable => Severity::High,
                Weight::Important => Severity::Medium,
                Weight::Negotiable => Severity::Low,
            };
            let mut partners = vec![interest.partner];
            partners.extend(claimed.accountable.iter().copied());
            let items = vec![
                ItemRef::Interest(interest.id),
                ItemRef::Role(claimed.role.id),
            ];
            let mut explanation = String::with_capacity(head.len() + claimed.tail.len());
            explanation.push_str(&head);
            explanation.push_str(&claimed.tail);
            out.push(Finding {
                key: format!("claim:{}", items_key(&items)),
                rule: Rule::InterestVsRole,
                category: conflict_category(interest.category),
                explanation,
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
