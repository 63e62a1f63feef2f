//! The tmux harness shared by the real-terminal tests (tests/terminal.rs and
//! tests/terminal_files.rs): one tmux server per test, keys pressed the way a moderator
//! would, the screen read back, and what a user would check after the app exits.
//!
//! The binary is `$SAMESIDE_TEST_BIN` when set (CI points it at the release build), else
//! the one cargo built for these tests. Without tmux the tests are skipped, except under
//! CI (`$CI` set), where a missing tmux is a failure.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
/// How long any one expected change may take to reach the screen (or the disk).
pub const TIMEOUT: Duration = Duration::from_secs(30);
/// How often the screen is read while waiting.
pub const POLL: Duration = Duration::from_millis(50);

/// The binary under test.
pub fn bin() -> PathBuf {
    match std::env::var_os("SAMESIDE_TEST_BIN") {
        Some(path) if !path.is_empty() => PathBuf::from(path),
        _ => PathBuf::from(env!("CARGO_BIN_EXE_sameside")),
    }
}

/// True when tmux can be run. Without it the tests are skipped with a notice, unless
/// `$CI` is set: there, skipping would hide that nothing was tested.
pub fn have_tmux() -> bool {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if found {
        return true;
    }
    if std::env::var_os("CI").is_some() {
        panic!(
            "tmux is not installed, so the real-terminal tests cannot run; \
             install tmux (CI sets $CI, where these tests must not be skipped)"
        );
    }
    eprintln!(
        "notice: tmux is not installed; skipping the real-terminal tests in tests/terminal*.rs"
    );
    false
}

/// Quotes `text` for bash.
pub fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

pub fn tokens(screen: &str) -> Vec<&str> {
    screen.split_whitespace().collect()
}

/// One tmux server with one session running `sameside` inside bash, on a socket of its
/// own so tests can run in parallel. Dropping it kills the server and everything in it.
pub struct Tmux {
    pub socket: String,
    /// The socket file, removed with the server (tmux leaves it behind).
    pub socket_path: Option<PathBuf>,
}

pub static SERVERS: AtomicUsize = AtomicUsize::new(0);

impl Tmux {
    /// Starts `sameside --dir <dir> <args>` in a `width`×`height` terminal. The shell
    /// prints BEFORE first (to see that the app leaves the alternate screen) and, after
    /// the app, its exit status and the terminal settings.
    pub fn start(dir: &Path, args: &[&str], size: (u16, u16)) -> Tmux {
        Tmux::start_with_env(dir, &[], args, size)
    }

    /// [`Tmux::start`] with `env` variables set for the app.
    pub fn start_with_env(
        dir: &Path,
        env: &[(&str, &str)],
        args: &[&str],
        size: (u16, u16),
    ) -> Tmux {
        Tmux::start_wrapped(dir, env, &[], args, size)
    }

    /// [`Tmux::start_with_env`] with the app run through `wrapper`, a command that runs
    /// its arguments (e.g. `prlimit --fsize=4096` to limit the size of files it writes).
    pub fn start_wrapped(
        dir: &Path,
        env: &[(&str, &str)],
        wrapper: &[&str],
        args: &[&str],
        (width, height): (u16, u16),
    ) -> Tmux {
        let n = SERVERS.fetch_add(1, Ordering::SeqCst);
        let mut tmux = Tmux {
            socket: format!("sameside-test-{}-{n}", std::process::id()),
            socket_path: None,
        };
        let mut command: Vec<String> = wrapper.iter().map(|w| quote(w)).collect();
        command.push(quote(&bin().to_string_lossy()));
        command.push("--dir".to_string());
        command.push(quote(&dir.to_string_lossy()));
        command.extend(args.iter().map(|a| quote(a)));
        let script = format!(
            "printf \"BEFORE\\n\"; {}; echo \"EXIT=$?\"; stty -a; sleep 30",
            command.join(" ")
        );
        let (w, h) = (width.to_string(), height.to_string());
        let vars: Vec<String> = env.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let mut new = vec![
            "new-session",
            "-d",
            "-s",
            "main",
            "-x",
            &w,
            "-y",
            &h,
            "env",
            "-u",
            "SAMESIDE_DIR",
            "-u",
            "NO_COLOR",
            "-u",
            "COLORTERM",
            "-u",
            "SAMESIDE_THEME",
            "-u",
            "SAMESIDE_CONFIG_DIR",
            "TERM=xterm-256color",
        ];
        new.extend(vars.iter().map(String::as_str));
        new.extend(["bash", "--norc", "--noprofile", "-c", &script]);
        tmux.run(&new);
        let path = tmux.run(&["display-message", "-p", "#{socket_path}"]);
        tmux.socket_path = Some(PathBuf::from(path.trim()));
        tmux
    }

    pub fn command(&self) -> Command {
        let mut cmd = Command::new("tmux");
        cmd.args(["-u", "-f", "/dev/null", "-L", &self.socket])
            .env_remove("TMUX")
            .env_remove("SAMESIDE_DIR");
        cmd
    }

    /// Runs a tmux command; panics with tmux's own words when it fails.
    pub fn run(&self, args: &[&str]) -> String {
        let out = self
            .command()
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("tmux {args:?}: {e}"));
        assert!(
            out.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Presses keys (tmux key names: `Enter`, `Down`, `PageDown`, `C-c`, or a single
    /// character). `Escape` must go through [`Tmux::escape`].
    pub fn keys(&self, keys: &[&str]) {
        assert!(
            !keys.iter().any(|k| k.eq_ignore_ascii_case("escape")),
            "send Escape with escape(), alone, and wait for the screen to change"
        );
        let mut args = vec!["send-keys", "-t", "main"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// Types text literally, as a moderator would on the keyboard.
    pub fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", "main", "-l", "--", text]);
    }

    /// Pastes text the way a terminal does when the app asked for bracketed paste: one
    /// event, not a key per character. A long text typed key by key into a debug build
    /// on a busy machine takes longer than any wait here.
    pub fn paste(&self, text: &str) {
        self.run(&["set-buffer", "-b", "typed", "--", text]);
        self.run(&["paste-buffer", "-p", "-d", "-b", "typed", "-t", "main"]);
    }

    /// Presses Escape on its own and waits until `then` is on screen, so that the next
    /// key cannot be read together with it as an Alt chord.
    pub fn escape(&self, then: &str) -> String {
        self.run(&["send-keys", "-t", "main", "Escape"]);
        self.wait_for(then)
    }

    /// Closes the help overlay with Escape and waits until it is gone.
    pub fn close_help(&self) -> String {
        self.run(&["send-keys", "-t", "main", "Escape"]);
        self.wait_until("the help to close", |s| !s.contains("Keys — "))
    }

    pub fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "main"])
    }

    /// A tmux format value for the pane, e.g. `#{alternate_on}`.
    pub fn pane_flag(&self, format: &str) -> String {
        self.run(&["display-message", "-p", "-t", "main", format])
            .trim()
            .to_string()
    }

    pub fn resize(&self, width: u16, height: u16) {
        let (w, h) = (width.to_string(), height.to_string());
        self.run(&["resize-window", "-t", "main", "-x", &w, "-y", &h]);
    }

    /// Polls the screen until `ok` holds; panics with the screen after [`TIMEOUT`].
    #[track_caller]
    pub fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        self.wait_within(TIMEOUT, what, ok)
    }

    /// Polls the screen until `ok` holds; panics with the screen after `limit`. For
    /// what must happen within a promised time, not just eventually.
    #[track_caller]
    pub fn wait_within(&self, limit: Duration, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            if start.elapsed() > limit {
                panic!("waited {limit:?} for {what}; the screen shows:\n{screen}");
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits until `text` is on screen and returns the screen.
    #[track_caller]
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?}"), |s| s.contains(text))
    }

    /// Waits for the app to end, then checks what the user sees in the terminal after
    /// it: exit status 0, the shell's screen back (BEFORE visible, not the alternate
    /// screen), the cursor shown, and the line discipline cooked and echoing again.
    #[track_caller]
    pub fn assert_exited_cleanly(&self) {
        let screen = self.wait_until("the app to exit and stty -a to print", |s| {
            let t = tokens(s);
            s.contains("EXIT=")
                && t.iter().any(|w| *w == "icanon" || *w == "-icanon")
                && t.iter().any(|w| *w == "echoke" || *w == "-echoke")
        });
        assert!(
            screen.lines().any(|l| l.trim() == "EXIT=0"),
            "the app did not exit with status 0:\n{screen}"
        );
        let t = tokens(&screen);
        for (on, off) in [("icanon", "-icanon"), ("echo", "-echo")] {
            assert!(
                t.contains(&on) && !t.contains(&off),
                "the terminal is left without {on} (stty -a):\n{screen}"
            );
        }
        assert!(
            screen.lines().any(|l| l.trim() == "BEFORE"),
            "the shell's screen did not come back (BEFORE is gone):\n{screen}"
        );
        assert_eq!(
            self.pane_flag("#{alternate_on}"),
            "0",
            "still on the alternate screen"
        );
        assert_eq!(
            self.pane_flag("#{cursor_flag}"),
            "1",
            "the cursor is hidden"
        );
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.command().arg("kill-server").output();
        if let Some(path) = &self.socket_path {
            let _ = fs::remove_file(path);
        }
    }
}

/// The `.ron` files in `dir`.
pub fn session_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

/// The one session file in `dir`.
#[track_caller]
pub fn only_session(dir: &Path) -> PathBuf {
    let files = session_files(dir);
    assert_eq!(files.len(), 1, "expected one session file: {files:?}");
    files[0].clone()
}

pub fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

pub fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `sameside check <file>` must accept the file.
#[track_caller]
pub fn assert_check_ok(file: &Path) {
    let out: Output = Command::new(bin())
        .arg("check")
        .arg(file)
        .env_remove("SAMESIDE_DIR")
        .output()
        .expect("run sameside check");
    assert!(
        out.status.success(),
        "sameside check {} failed ({:?}):\n{}{}",
        file.display(),
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Polls `path` until its text contains `text` (the autosave writes off-screen).
#[track_caller]
pub fn wait_for_file(path: &Path, text: &str) {
    let start = Instant::now();
    loop {
        if fs::read_to_string(path).is_ok_and(|t| t.contains(text)) {
            return;
        }
        assert!(
            start.elapsed() < TIMEOUT,
            "{} never came to contain {text:?}",
            path.display()
        );
        std::thread::sleep(POLL);
    }
}
