//! The matrix of categories × partners (or partner pairs): which conflicts each cell
//! counts, and its tallies. The list can be narrowed to one cell.

use std::collections::BTreeSet;

use crate::domain::board::BoardEntry;
use crate::domain::{ConflictCategory, ConflictStatus, PartnerId, Session, Severity};

use super::PAIR_COLUMNS_MAX_PARTNERS;
use super::words::short_name;

/// A column of the matrix: which conflicts it counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Column {
    /// Conflicts that involve both partners.
    Pair(PartnerId, PartnerId),
    /// Conflicts that involve this partner.
    Partner(PartnerId),
    /// Conflicts naming fewer than this many partners of the session (so no pair, or no
    /// partner at all, holds them).
    Fewer(usize),
    /// Every conflict of the row's category.
    All,
}

/// The matrix cell the list is narrowed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Filter {
    pub(super) category: ConflictCategory,
    pub(super) column: Column,
}

impl Filter {
    /// Whether `entry` is in the cell: of its category, and counted in its column.
    pub(super) fn holds(&self, session: &Session, entry: &BoardEntry) -> bool {
        entry.category == self.category && self.column.holds(session, entry)
    }
}

/// Counts of one cell.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct Tally {
    pub(super) open: usize,
    /// The worst severity among the open ones.
    pub(super) worst: Option<Severity>,
    pub(super) deal_breakers: usize,
    /// Settled, parked or dismissed.
    pub(super) rest: usize,
}

impl Tally {
    pub(super) fn add(&mut self, entry: &BoardEntry) {
        match entry.status {
            ConflictStatus::Open => {
                self.open += 1;
                self.worst = self.worst.max(Some(entry.severity));
            }
            ConflictStatus::DealBreaker => self.deal_breakers += 1,
            _ => self.rest += 1,
        }
    }

    pub(super) fn total(&self) -> usize {
        self.open + self.deal_breakers + self.rest
    }
}

impl Column {
    /// Whether `entry` counts in this column.
    pub(super) fn holds(&self, session: &Session, entry: &BoardEntry) -> bool {
        match self {
            Column::Pair(p, q) => entry.partners.contains(p) && entry.partners.contains(q),
            Column::Partner(p) => entry.partners.contains(p),
            Column::Fewer(n) => {
                let known: BTreeSet<PartnerId> = entry
                    .partners
                    .iter()
                    .copied()
                    .filter(|p| session.partner(*p).is_some())
                    .collect();
                known.len() < *n
            }
            Column::All => true,
        }
    }
}

pub(super) struct Matrix {
    /// The categories that hold any conflict, in the usual order.
    pub(super) rows: Vec<ConflictCategory>,
    pub(super) columns: Vec<Column>,
    /// Row by row.
    pub(super) tallies: Vec<Tally>,
}

impl Matrix {
    pub(super) fn of(session: &Session, board: &[BoardEntry]) -> Matrix {
        let ids: Vec<PartnerId> = session.partners.iter().map(|p| p.id).collect();
        let pairs = ids.len() <= PAIR_COLUMNS_MAX_PARTNERS;
        let mut columns: Vec<Column> = if pairs {
            ids.iter()
                .enumerate()
                .flat_map(|(i, p)| ids[i + 1..].iter().map(move |q| Column::Pair(*p, *q)))
                .collect()
        } else {
            ids.iter().map(|p| Column::Partner(*p)).collect()
        };
        let fewer = Column::Fewer(if pairs { 2 } else { 1 });
        if board.iter().any(|e| fewer.holds(session, e)) {
            columns.push(fewer);
        }
        if columns.len() > 1 {
            columns.push(Column::All);
        }
        let rows: Vec<ConflictCategory> = ConflictCategory::ALL
            .iter()
            .copied()
            .filter(|c| board.iter().any(|e| e.category == *c))
            .collect();
        let mut tallies = vec![Tally::default(); rows.len() * columns.len()];
        for entry in board {
            let Some(r) = rows.iter().position(|c| *c == entry.category) else {
                continue;
            };
            for (c, column) in columns.iter().enumerate() {
                if column.holds(session, entry) {
                    tallies[r * columns.len() + c].add(entry);
                }
            }
        }
        Matrix {
            rows,
            columns,
            tallies,
        }
    }

    pub(super) fn tally(&self, r: usize, c: usize) -> Tally {
        self.tallies
            .get(r * self.columns.len() + c)
            .copied()
            .unwrap_or_default()
    }

    pub(super) fn filter_at(&self, r: usize, c: usize) -> Option<Filter> {
        Some(Filter {
            category: *self.rows.get(r)?,
            column: self.columns.get(c)?.clone(),
        })
    }

    pub(super) fn find(&self, filter: &Filter) -> Option<(usize, usize)> {
        let r = self.rows.iter().position(|c| *c == filter.category)?;
        let c = self.columns.iter().position(|c| *c == filter.column)?;
        Some((r, c))
    }
}

/// "territory × Northwind & Globex".
pub(super) fn filter_label(session: &Session, filter: &Filter) -> String {
    let column = match &filter.column {
        Column::Pair(p, q) => format!("{} & {}", short_name(session, *p), short_name(session, *q)),
        Column::Partner(p) => session.partner_name(*p),
        Column::Fewer(n) if *n > 1 => "one partner or none".to_string(),
        Column::Fewer(_) => "no partner named".to_string(),
        Column::All => "all partners".to_string(),
    };
    format!("{} × {column}", filter.category)
}
