//! Every theme there is to choose from: the shipped ones first (the default first), then
//! the user's own from their themes directory, sorted by file name. A broken theme stays
//! in the catalog with its error, so listings can say what is wrong with it.

use std::fmt;
use std::path::{Path, PathBuf};

use super::palette::{Palette, ThemeError, load};
use super::shipped::{self, SHIPPED};

/// Where a theme came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Shipped,
    File(PathBuf),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Shipped => f.write_str("shipped"),
            Origin::File(path) => write!(f, "{}", path.display()),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Entry {
    /// The theme's `name`, or its file's stem when it has none or cannot be read.
    pub name: String,
    pub origin: Origin,
    pub palette: Result<Palette, ThemeError>,
    /// A user theme that took the place of the shipped theme of the same name.
    pub overrides_shipped: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub entries: Vec<Entry>,
    /// Why the user's themes directory could not be listed (it not existing is fine).
    pub dir_error: Option<String>,
}

impl Catalog {
    /// The shipped themes alone.
    pub fn shipped() -> Catalog {
        let entries = SHIPPED
            .iter()
            .filter_map(|(name, _)| {
                shipped::shipped(name).map(|palette| Entry {
                    name: (*name).to_string(),
                    origin: Origin::Shipped,
                    palette,
                    overrides_shipped: false,
                })
            })
            .collect();
        Catalog {
            entries,
            dir_error: None,
        }
    }

    /// The shipped themes and the `*.ron` files in `dir`, when there is a directory.
    pub fn load(dir: Option<&Path>) -> Catalog {
        let mut catalog = Catalog::shipped();
        if let Some(dir) = dir {
            catalog.add_dir(dir);
        }
        catalog
    }

    fn add_dir(&mut self, dir: &Path) {
        let read = match std::fs::read_dir(dir) {
            Ok(read) => read,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return,
            Err(e) => {
                self.dir_error = Some(format!("{}: {e}", dir.display()));
                return;
            }
        };
        let mut files: Vec<PathBuf> = read
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| is_theme_file_name(p) && !p.is_dir())
            .collect();
        files.sort();
        let projector = shipped::projector();
        for path in files {
            let palette = load(&path, &projector);
            let name = match &palette {
                Ok(p) => p.name.clone(),
                Err(_) => path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            };
            self.add_user(name, path, palette);
        }
    }

    fn add_user(&mut self, name: String, path: PathBuf, palette: Result<Palette, ThemeError>) {
        let origin = Origin::File(path.clone());
        match self.entries.iter().position(|e| e.name == name) {
            // A user theme named like a shipped one replaces it where it stands, so the
            // cycling order stays the one people know.
            Some(i) if self.entries[i].origin == Origin::Shipped => {
                self.entries[i] = Entry {
                    name,
                    origin,
                    palette,
                    overrides_shipped: true,
                };
            }
            Some(i) => {
                // Two user files with one name: the first (by file name) keeps it, and the
                // second says why it is not used rather than vanishing.
                let first = self.entries[i].origin.to_string();
                self.entries.push(Entry {
                    name: name.clone(),
                    origin,
                    palette: Err(ThemeError::new(
                        &path,
                        None,
                        format!("the name `{name}` is already taken by {first}; give this theme another `name`"),
                    )),
                    overrides_shipped: false,
                });
            }
            None => self.entries.push(Entry {
                name,
                origin,
                palette,
                overrides_shipped: false,
            }),
        }
    }

    /// The first entry with this name (the one in use).
    pub fn find(&self, name: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.name == name)
    }

    /// The names of all themes, for messages listing what there is.
    pub fn names(&self) -> Vec<&str> {
        self.entries.iter().map(|e| e.name.as_str()).collect()
    }

    /// Whether any theme (or the themes directory) is broken.
    pub fn has_errors(&self) -> bool {
        self.dir_error.is_some() || self.entries.iter().any(|e| e.palette.is_err())
    }
}

/// A `.ron` file (any case) whose name does not start with a dot: editors keep lock
/// and backup files such as `.#warm.ron` beside the one being edited, and those are not
/// themes to list, let alone to report as broken.
fn is_theme_file_name(path: &Path) -> bool {
    let hidden = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'));
    let ron = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"));
    ron && !hidden
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, file: &str, text: &str) {
        std::fs::write(dir.join(file), text).expect("write a theme");
    }

    #[test]
    fn editor_leftovers_are_not_themes_and_any_case_of_ron_is() {
        let dir = tempfile::tempdir().expect("a temp dir");
        write(dir.path(), "Warm.RON", "(name: \"warm\")");
        write(dir.path(), ".warm.ron.swp.ron", "garbage");
        #[cfg(unix)]
        std::os::unix::fs::symlink("nobody@host.1234", dir.path().join(".#warm.ron"))
            .expect("an editor's lock link");
        let catalog = Catalog::load(Some(dir.path()));
        assert!(catalog.find("warm").is_some_and(|e| e.palette.is_ok()));
        assert!(!catalog.has_errors(), "{:?}", catalog.names());
    }

    #[test]
    fn shipped_themes_come_first_with_projector_leading() {
        let catalog = Catalog::shipped();
        assert_eq!(
            catalog.names(),
            ["projector", "light", "dark", "mono", "colour-blind-safe"]
        );
        assert!(!catalog.has_errors());
    }

    #[test]
    fn user_themes_follow_sorted_and_may_override() {
        let tmp = tempfile::tempdir().expect("tempdir");
        write(tmp.path(), "zeta.ron", "(name: \"zeta\")");
        write(tmp.path(), "alpha.ron", "()");
        write(tmp.path(), "light.ron", "(appearance: Light)");
        write(tmp.path(), "notes.txt", "not a theme");
        let catalog = Catalog::load(Some(tmp.path()));
        assert_eq!(
            catalog.names(),
            [
                "projector",
                "light",
                "dark",
                "mono",
                "colour-blind-safe",
                "alpha",
                "zeta"
            ]
        );
        let light = catalog.find("light").expect("light");
        assert!(light.overrides_shipped);
        assert_eq!(light.origin, Origin::File(tmp.path().join("light.ron")));
        assert!(!catalog.has_errors());
    }

    #[test]
    fn broken_and_duplicate_user_themes_carry_their_errors() {
        let tmp = tempfile::tempdir().expect("tempdir");
        write(tmp.path(), "a.ron", "(name: \"same\")");
        write(tmp.path(), "b.ron", "(name: \"same\")");
        write(tmp.path(), "c.ron", "(\n  colour: 1,\n)");
        let catalog = Catalog::load(Some(tmp.path()));
        assert!(catalog.has_errors());
        let dup = &catalog.entries[6];
        assert!(
            dup.palette
                .as_ref()
                .is_err_and(|e| e.message.contains("already taken"))
        );
        let broken = &catalog.entries[7];
        assert_eq!(broken.name, "c");
        let err = broken.palette.as_ref().expect_err("broken");
        assert_eq!(
            err.location,
            format!("{}:2:3", tmp.path().join("c.ron").display())
        );
    }

    #[test]
    fn a_missing_directory_is_no_error() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let catalog = Catalog::load(Some(&tmp.path().join("nope")));
        assert_eq!(catalog.entries.len(), SHIPPED.len());
        assert!(!catalog.has_errors());
    }
}
