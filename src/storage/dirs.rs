//! Deciding where session files live.
//!
//! Resolution is kept pure (the caller passes the environment value in) so
//! that precedence can be tested without mutating the process environment,
//! which is unsafe and racy across test threads.

use std::ffi::OsString;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// Where the sessions directory came from, so that messages can tell the
/// user which knob to turn when the directory is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DirSource {
    Flag,
    Env,
    Platform,
    /// The folder of a session file opened by its path (`sameside open FILE`): closing
    /// it goes back to the files beside it.
    OpenedFile,
}

impl fmt::Display for DirSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DirSource::Flag => "--dir",
            DirSource::Env => "SAMESIDE_DIR",
            DirSource::Platform => "platform data directory",
            DirSource::OpenedFile => "the file opened",
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionsDir {
    pub path: PathBuf,
    pub source: DirSource,
}

#[derive(Debug, thiserror::Error)]
pub enum DirError {
    #[error(
        "cannot find a home directory to keep sessions in; pass --dir <path> or set SAMESIDE_DIR"
    )]
    NoHomeDir,
    #[error("--dir was given an empty path; pass a directory or leave the flag out")]
    EmptyFlag,
}

/// Picks the sessions directory: `--dir` beats `SAMESIDE_DIR`, which beats
/// the platform data directory (e.g. `~/.local/share/sameside/sessions`).
///
/// `env_value` should be `std::env::var_os("SAMESIDE_DIR")`. An empty value
/// counts as unset, because `SAMESIDE_DIR= sameside` is the usual shell way
/// of switching an inherited override off. An empty `--dir`, by contrast, is
/// an error: silently ignoring an explicit flag would save somewhere the user
/// did not ask for.
pub fn resolve_sessions_dir(
    flag: Option<&Path>,
    env_value: Option<OsString>,
) -> Result<SessionsDir, DirError> {
    if let Some(flag) = flag {
        if flag.as_os_str().is_empty() {
            return Err(DirError::EmptyFlag);
        }
        return Ok(SessionsDir {
            path: flag.to_path_buf(),
            source: DirSource::Flag,
        });
    }
    if let Some(env) = env_value.filter(|v| !v.is_empty()) {
        return Ok(SessionsDir {
            path: PathBuf::from(env),
            source: DirSource::Env,
        });
    }
    platform_sessions_dir()
        .map(|path| SessionsDir {
            path,
            source: DirSource::Platform,
        })
        .ok_or(DirError::NoHomeDir)
}

fn platform_sessions_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "sameside").map(|dirs| dirs.data_dir().join("sessions"))
}

/// Where the user's own theme files came from, for the same reason as [`DirSource`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfigSource {
    Env,
    Platform,
}

impl fmt::Display for ConfigSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ConfigSource::Env => "SAMESIDE_CONFIG_DIR",
            ConfigSource::Platform => "platform config directory",
        })
    }
}

/// The directory user themes are read from: `<config dir>/themes`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemesDir {
    pub path: PathBuf,
    pub source: ConfigSource,
}

/// Picks the user themes directory: `SAMESIDE_CONFIG_DIR/themes` beats the platform
/// config directory (e.g. `~/.config/sameside/themes`).
///
/// `env_value` should be `std::env::var_os("SAMESIDE_CONFIG_DIR")`; empty counts as
/// unset, as with `SAMESIDE_DIR`. `None` when there is no home directory: the shipped
/// themes still work, so that is not an error.
pub fn resolve_themes_dir(env_value: Option<OsString>) -> Option<ThemesDir> {
    if let Some(env) = env_value.filter(|v| !v.is_empty()) {
        return Some(ThemesDir {
            path: PathBuf::from(env).join("themes"),
            source: ConfigSource::Env,
        });
    }
    platform_config_dir().map(|config| ThemesDir {
        path: config.join("themes"),
        source: ConfigSource::Platform,
    })
}

fn platform_config_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "sameside").map(|dirs| dirs.config_dir().to_path_buf())
}

/// Where the session list keeps what it has learned about files (see
/// `storage::list_cache`): `SAMESIDE_CACHE_DIR` if set and not empty, else the platform
/// cache directory (e.g. `~/.cache/sameside`). `None` without a home directory: the
/// list then simply checks files again each time.
///
/// `env_value` should be `std::env::var_os("SAMESIDE_CACHE_DIR")`.
pub fn resolve_cache_dir(env_value: Option<OsString>) -> Option<PathBuf> {
    if let Some(env) = env_value.filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(env));
    }
    directories::ProjectDirs::from("", "", "sameside").map(|dirs| dirs.cache_dir().to_path_buf())
}

/// Creates the sessions directory and any missing parents.
///
/// On unix, directories we create are private (0700): sessions record
/// candid conversations between prospective partners, and other local users
/// have no business listing them. Existing directories are left as they are.
pub fn ensure_dir(path: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_wins_over_env() {
        let resolved =
            resolve_sessions_dir(Some(Path::new("/from/flag")), Some("/from/env".into())).unwrap();
        assert_eq!(
            resolved,
            SessionsDir {
                path: PathBuf::from("/from/flag"),
                source: DirSource::Flag
            }
        );
    }

    #[test]
    fn env_is_used_without_flag() {
        let resolved = resolve_sessions_dir(None, Some("/from/env".into())).unwrap();
        assert_eq!(
            resolved,
            SessionsDir {
                path: PathBuf::from("/from/env"),
                source: DirSource::Env
            }
        );
    }

    #[test]
    fn relative_paths_are_kept_as_given() {
        let resolved = resolve_sessions_dir(None, Some("rel/dir".into())).unwrap();
        assert_eq!(resolved.path, PathBuf::from("rel/dir"));
    }

    #[test]
    fn empty_env_falls_through_to_platform_dir() {
        let expected = platform_sessions_dir();
        let resolved = resolve_sessions_dir(None, Some(OsString::new()));
        match (expected, resolved) {
            (Some(path), Ok(dir)) => {
                assert_eq!(dir.source, DirSource::Platform);
                assert_eq!(dir.path, path);
            }
            (None, Err(DirError::NoHomeDir)) => {}
            (expected, resolved) => panic!("expected {expected:?}, got {resolved:?}"),
        }
    }

    #[test]
    fn platform_dir_ends_in_sameside_sessions() {
        let resolved = resolve_sessions_dir(None, None);
        match platform_sessions_dir() {
            Some(_) => {
                let dir = resolved.unwrap();
                assert_eq!(dir.source, DirSource::Platform);
                assert!(dir.path.ends_with("sessions"));
                let parent = dir.path.parent().unwrap().to_string_lossy().to_lowercase();
                assert!(parent.contains("sameside"), "{parent}");
            }
            None => assert!(matches!(resolved, Err(DirError::NoHomeDir))),
        }
    }

    #[test]
    fn empty_flag_is_rejected_rather_than_ignored() {
        let err = resolve_sessions_dir(Some(Path::new("")), Some("/from/env".into())).unwrap_err();
        assert!(matches!(err, DirError::EmptyFlag));
        assert!(err.to_string().contains("--dir"));
    }

    #[test]
    fn sources_display_the_knob_to_turn() {
        assert_eq!(DirSource::Flag.to_string(), "--dir");
        assert_eq!(DirSource::Env.to_string(), "SAMESIDE_DIR");
        assert_eq!(DirSource::Platform.to_string(), "platform data directory");
    }

    #[test]
    fn no_home_error_tells_user_how_to_fix_it() {
        let msg = DirError::NoHomeDir.to_string();
        assert!(
            msg.contains("--dir") && msg.contains("SAMESIDE_DIR"),
            "{msg}"
        );
    }

    #[test]
    fn themes_dir_env_beats_platform() {
        let dir = resolve_themes_dir(Some("/from/env".into()));
        assert_eq!(
            dir,
            Some(ThemesDir {
                path: PathBuf::from("/from/env/themes"),
                source: ConfigSource::Env
            })
        );
        assert_eq!(ConfigSource::Env.to_string(), "SAMESIDE_CONFIG_DIR");
    }

    #[test]
    fn themes_dir_empty_env_means_platform() {
        let dir = resolve_themes_dir(Some(OsString::new()));
        match platform_config_dir() {
            Some(config) => {
                let dir = dir.expect("a platform dir");
                assert_eq!(dir.source, ConfigSource::Platform);
                assert_eq!(dir.path, config.join("themes"));
                let text = dir.path.to_string_lossy().to_lowercase();
                assert!(text.contains("sameside"), "{text}");
            }
            None => assert_eq!(dir, None),
        }
    }

    #[test]
    fn ensure_dir_creates_parents_and_is_idempotent() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("a").join("b").join("sessions");

        ensure_dir(&dir).unwrap();
        assert!(dir.is_dir());
        ensure_dir(&dir).unwrap();
        assert!(dir.is_dir());
    }

    #[test]
    fn ensure_dir_fails_when_a_file_is_in_the_way() {
        let root = tempfile::tempdir().unwrap();
        let blocker = root.path().join("sessions");
        std::fs::write(&blocker, b"not a dir").unwrap();

        assert!(ensure_dir(&blocker).is_err());
        assert!(ensure_dir(&blocker.join("inner")).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn ensure_dir_creates_private_directories() {
        use std::os::unix::fs::PermissionsExt;
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("new");

        ensure_dir(&dir).unwrap();

        let mode = std::fs::metadata(&dir).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "mode {mode:o} lets others in");
    }
}
