//! The self-interests (stage 3): each partner's interests, and which functions spoke.

use super::escape;
use super::layout::{Align, Doc, Table};
use super::wording::{list_or_dash, not_reached, partner_heading, stage_gap};
use crate::domain::{Session, Stage};
use crate::export::notes::interests_by_category;

pub(super) fn interests(doc: &mut Doc, s: &Session) {
    doc.heading(2, "3. Self-interests");
    if let Some(gap) = stage_gap(s, Stage::Interests) {
        doc.para(&not_reached(gap));
        return;
    }
    if s.interests.is_empty() {
        doc.para("No self-interests were disclosed.");
    }
    for partner in &s.partners {
        let mine = interests_by_category(s, partner.id);
        if mine.is_empty() && s.interests.is_empty() {
            continue;
        }
        doc.heading(3, &partner_heading(partner));
        if mine.is_empty() {
            doc.para("No interests disclosed.");
            continue;
        }
        let mut table = Table::new(&[
            ("Category", Align::Left),
            ("Interest", Align::Left),
            ("Weight", Align::Left),
            ("Raised by", Align::Left),
        ]);
        for interest in mine.into_iter().flat_map(|(_, items)| items) {
            table.row(vec![
                interest.category.label().to_string(),
                escape::cell(&interest.statement),
                interest.weight.label().to_string(),
                interest.function.label().to_string(),
            ]);
        }
        doc.table(&table);
    }

    doc.heading(3, "Coverage");
    doc.para(
        "Interests should come from every function of each organisation, not only from the top.",
    );
    let mut table = Table::new(&[
        ("Partner", Align::Left),
        ("Interests", Align::Right),
        ("Functions that spoke", Align::Left),
        ("In the room, did not speak", Align::Left),
    ]);
    for partner in &s.partners {
        let spoke = s.disclosed_functions(partner.id);
        let silent: Vec<&str> = s
            .present_functions(partner.id)
            .difference(&spoke)
            .map(|f| f.label())
            .collect();
        let spoke: Vec<&str> = spoke.iter().map(|f| f.label()).collect();
        table.row(vec![
            escape::cell(&partner.name),
            s.interests_of(partner.id).count().to_string(),
            list_or_dash(&spoke),
            list_or_dash(&silent),
        ]);
    }
    doc.table(&table);
}
