//! Session files on disk. Knows about files and RON; knows nothing about terminals.

pub mod atomic;
pub mod autosave;
pub mod dirs;
pub mod filename;
pub mod follow;
pub mod follow_worker;
pub mod format;
pub mod list_cache;
pub mod listing;
pub mod locate;
pub mod lock;
pub mod messages;
pub mod regular;
pub mod save_error;
pub mod sealed;
pub mod sealed_keeper;
pub mod store;
pub mod trash;

pub use format::{FORMAT_VERSION, FileError, Header};
pub use save_error::SaveError;
pub use store::{Access, Listed, Opened};
