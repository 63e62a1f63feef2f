//! The role split (stage 2): who does what, and the holes in each partner's own business.

use super::escape;
use super::layout::{Align, Doc, Table};
use super::wording::{RoleCheck, not_reached, or_placeholder, raci_gloss, role_check, stage_gap};
use crate::domain::describe::filler_label;
use crate::domain::{HoleFiller, Raci, Session, Stage};

pub(super) fn roles(doc: &mut Doc, s: &Session) {
    doc.heading(2, "2. Role split");
    if let Some(gap) = stage_gap(s, Stage::Roles) {
        doc.para(&not_reached(gap));
        return;
    }

    doc.heading(3, "Who does what");
    if s.roles.is_empty() {
        doc.para("No roles were listed.");
    } else {
        let mut columns = vec![("Role".to_string(), Align::Left)];
        columns.extend(
            s.partners
                .iter()
                .map(|p| (escape::cell(&p.name), Align::Center)),
        );
        columns.push(("Check".to_string(), Align::Left));
        let mut table = Table::with_columns(columns);
        let (mut unsettled, mut advised) = (0usize, 0usize);
        for role in &s.roles {
            let mut row = vec![or_placeholder(escape::cell(&role.name), "unnamed role")];
            row.extend(s.partners.iter().map(|p| {
                role.raci
                    .get(&p.id)
                    .map_or_else(String::new, |l| l.letter().to_string())
            }));
            let (check, verdict) = role_check(s, role);
            unsettled += usize::from(verdict == RoleCheck::Problem);
            advised += usize::from(verdict == RoleCheck::Advice);
            row.push(check);
            table.row(row);
        }
        doc.table(&table);
        let legend: Vec<String> = Raci::ALL
            .iter()
            .map(|l| format!("{} = {}{}", l.letter(), l.label(), raci_gloss(*l)))
            .collect();
        doc.para(&format!(
            "{}. A blank cell means the partner has no part in the role.",
            legend.join(" · ")
        ));
        doc.para(&match (unsettled, advised) {
            (0, 0) => "Every role has one partner accountable and someone responsible.".to_string(),
            (0, _) => "Every role has one partner accountable.".to_string(),
            (1, _) => "1 role still has to be settled (see the check column).".to_string(),
            (n, _) => format!("{n} roles still have to be settled (see the check column)."),
        });
        // Advice, not a conflict: usually the accountable partner does the work itself,
        // and the room only has to say so.
        if advised > 0 {
            doc.para(&format!(
                "{} without anyone marked R (? in the check column): is the accountable partner also doing the work? Where another partner does it, mark that partner R.",
                match advised {
                    1 => "1 role".to_string(),
                    n => format!("{n} roles"),
                }
            ));
        }
    }

    doc.heading(3, "Holes in each partner's own business");
    if s.holes.is_empty() {
        doc.para("No holes were named.");
        return;
    }
    let mut table = Table::new(&[
        ("Partner", Align::Left),
        ("Hole", Align::Left),
        ("Filled by", Align::Left),
    ]);
    let mut left_to_partner = 0;
    for partner in &s.partners {
        for hole in s.holes_of(partner.id) {
            let filler = escape::cell(&filler_label(s, hole.filled_by));
            let filler = if let HoleFiller::Partner(_) = hole.filled_by {
                left_to_partner += 1;
                format!("⚠ {filler} (left to another partner)")
            } else {
                filler
            };
            table.row(vec![
                escape::cell(&partner.name),
                escape::cell(&hole.text),
                filler,
            ]);
        }
    }
    doc.table(&table);
    if left_to_partner > 0 {
        let which = if left_to_partner == 1 {
            "1 hole is".to_string()
        } else {
            format!("{left_to_partner} holes are")
        };
        doc.para(&format!(
            "⚠ {which} left to another partner. Partners invest in their own business, not in each other's: each such hole is on the conflict board below."
        ));
    }
}
