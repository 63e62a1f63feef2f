//! sameside: a terminal app that takes prospective business partners through a
//! moderated session — market vision, role split, self-interest disclosure, conflict
//! check — and keeps the record of it.

pub mod cli;
pub mod domain;
pub mod export;
pub mod storage;
pub mod theme;
pub mod tui;
