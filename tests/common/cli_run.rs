//! Running the real binary with no terminal, its files kept inside the test's folders.

use std::path::Path;
use std::process::{Command, Stdio};

/// What one run of the binary gave.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl std::fmt::Debug for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit {:?}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// `cmd` with `args`, no `SAMESIDE_DIR` or `SAMESIDE_THEME` from the machine, HOME and
/// every platform directory inside `home`, and the session list's cache in `cache`.
pub fn prepared(mut cmd: Command, args: &[&str], home: &Path, cache: &Path) -> Command {
    cmd.args(args)
        .env_remove("SAMESIDE_DIR")
        .env_remove("SAMESIDE_THEME")
        .env("SAMESIDE_CACHE_DIR", cache)
        .env("SAMESIDE_CONFIG_DIR", home.join("config"))
        // Should anything fall back to the platform directory, keep it in the test's.
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .stdin(Stdio::null());
    cmd
}

/// Runs a prepared command to its end.
pub fn finish(mut cmd: Command) -> Run {
    let out = cmd.output().expect("the binary runs");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}
