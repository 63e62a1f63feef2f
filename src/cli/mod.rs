//! The command line: `sameside` opens the session list; subcommands create, open, list
//! and check sessions. Everything that does not need the screen works without a terminal.

mod check;
mod export;
mod list;
mod output;
pub mod safe_text;
mod themes;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;

use clap::{Parser, Subcommand};

use crate::domain::PartnershipType;
use crate::domain::change::{MAX_PARTNERS, MIN_PARTNERS};
use crate::export::{CsvTable, Format};
use crate::storage::dirs::{
    SessionsDir, ensure_dir, resolve_cache_dir, resolve_sessions_dir, resolve_themes_dir,
};
use crate::storage::store::{read_record, read_session};
use crate::theme::Catalog;
use crate::tui::app::StatusKind;
use crate::tui::clock::SystemClock;
use crate::tui::setup::SetupScreen;
use crate::tui::theme::{ColourDepth, ThemeChoice, Themes, no_color};
use crate::tui::{self, App};

use output::{finish, note};

#[derive(Debug, Parser)]
#[command(
    name = "sameside",
    version,
    about = "Moderate a partnership session: market vision, role split, self-interests, conflict check",
    long_about = "Moderate a partnership session on a projected terminal. Without a command, sameside opens the list of sessions.\n\nSessions are RON files in the sessions directory: --dir, else $SAMESIDE_DIR, else the platform data directory."
)]
pub struct Cli {
    /// The sessions directory (overrides $SAMESIDE_DIR)
    #[arg(long, global = true, value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// The colour theme: a name from `sameside themes`, or a theme file. Overrides
    /// $NO_COLOR. $SAMESIDE_THEME gives a standing choice, for a room's machine
    #[arg(long, global = true, value_name = "NAME|PATH", env = "SAMESIDE_THEME")]
    pub theme: Option<String>,

    /// The colours the terminal shows: truecolor, 256 or 16. Without it, detected from
    /// $COLORTERM and $TERM
    #[arg(long = "colour", visible_alias = "color", global = true, value_name = "DEPTH", value_parser = parse_depth)]
    pub colour: Option<ColourDepth>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a session and open it. With a title and at least two partners it starts at
    /// once; otherwise the setup screen opens with what was given
    New {
        /// The session's title
        #[arg(long, value_name = "T")]
        title: Option<String>,
        /// A partner's name; repeat for each partner (2 to 8)
        #[arg(long = "partner", value_name = "NAME")]
        partners: Vec<String>,
        /// Partnership type: channel-reseller, system-integrator, service-provider,
        /// alliance-member, technology-oem, rd-consortium, or other:NAME
        #[arg(long = "type", value_name = "TYPE", value_parser = parse_kind)]
        kind: Option<PartnershipType>,
        /// The moderator's name
        #[arg(long, value_name = "NAME")]
        moderator: Option<String>,
    },
    /// Open a session file
    Open {
        /// The session file (.ron)
        file: PathBuf,
    },
    /// Replay a session event by event on the session screens, at a chosen speed. The
    /// file is only read (never written or locked), so a read-only file or one another
    /// sameside has open replays too; `c` continues from any event in a new file
    Replay {
        /// The session file (.ron)
        file: PathBuf,
    },
    /// Show a session to the audience: its current stage, read-only, following the file
    /// as the moderator's sameside saves it (from another terminal, or over ssh). The
    /// file is only read, never written or locked
    Present {
        /// The session file (.ron)
        file: PathBuf,
    },
    /// List the sessions in the sessions directory, newest first
    List {
        /// Tab-separated columns, no padding, for scripts
        #[arg(long)]
        tsv: bool,
    },
    /// Write the session's notes as Markdown (default), HTML, JSON or CSV
    Export {
        /// The session file (.ron)
        file: PathBuf,
        /// md, html, json or csv; without it, taken from OUT's extension, else md
        #[arg(long, value_parser = parse_format)]
        format: Option<Format>,
        /// Where to write; standard output without it. For CSV without --table, two
        /// files are written: OUT-actions.csv and OUT-conflicts.csv
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        output: Option<PathBuf>,
        /// For CSV: which table (actions or conflicts)
        #[arg(long, value_parser = parse_table)]
        table: Option<CsvTable>,
    },
    /// List the colour themes, shipped and your own, with their lowest contrast; exits 1
    /// if a theme file is broken
    Themes,
    /// Check session files; prints one line per file (and one more for an open sealed
    /// round), exits 1 if any is invalid
    Check {
        /// The session files to check
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

fn parse_format(text: &str) -> Result<Format, String> {
    match text.to_ascii_lowercase().as_str() {
        "md" | "markdown" => Ok(Format::Markdown),
        "html" | "htm" => Ok(Format::Html),
        "json" => Ok(Format::Json),
        "csv" => Ok(Format::Csv),
        _ => Err(format!(
            "'{text}' is not a format; use md, html, json or csv"
        )),
    }
}

fn parse_table(text: &str) -> Result<CsvTable, String> {
    match text.to_ascii_lowercase().as_str() {
        "actions" | "action-items" => Ok(CsvTable::Actions),
        "conflicts" => Ok(CsvTable::Conflicts),
        _ => Err(format!("'{text}' is not a table; use actions or conflicts")),
    }
}

fn parse_depth(text: &str) -> Result<ColourDepth, String> {
    ColourDepth::parse(text)
        .ok_or_else(|| format!("'{text}' is not a colour depth; use truecolor, 256 or 16"))
}

fn parse_kind(text: &str) -> Result<PartnershipType, String> {
    PartnershipType::parse(text).ok_or_else(|| {
        format!(
            "'{text}' is not a partnership type; use channel-reseller, system-integrator, service-provider, alliance-member, technology-oem, rd-consortium or other:NAME"
        )
    })
}

fn sessions_dir(flag: Option<&Path>) -> Result<SessionsDir, String> {
    let dir =
        resolve_sessions_dir(flag, std::env::var_os("SAMESIDE_DIR")).map_err(|e| e.to_string())?;
    ensure_dir(&dir.path).map_err(|e| format!("{}: {e}", dir.path.display()))?;
    Ok(dir)
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(message) => {
            note(format!("sameside: {message}"));
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    let look = Look {
        theme: cli.theme.clone(),
        colour: cli.colour,
    };
    match cli.command {
        Some(Command::Themes) => {
            let catalog = catalog();
            finish(|out| themes::themes(out, &catalog))
        }
        Some(Command::Check { files }) => finish(|out| check::check(out, &files)),
        Some(Command::Export {
            file,
            format,
            output,
            table,
        }) => {
            let request = export::Request {
                file: &file,
                format,
                output: output.as_deref(),
                table,
            };
            finish(|out| export::export(out, &request))
        }
        Some(Command::List { tsv }) => {
            let dir = sessions_dir(cli.dir.as_deref())?;
            finish(|out| list::list(out, &dir, tsv))
        }
        Some(Command::Open { file }) => {
            // Fail before taking over the screen, so the message stays readable; worded
            // and exited as `check`, `replay` and `present` do for a file that cannot be read.
            if let Err(e) = read_session(&file) {
                note(e.to_string());
                return Ok(ExitCode::from(1));
            }
            let mut app = start(cli.dir.as_deref(), &look)?;
            app.open(&file);
            interactive(app)
        }
        Some(Command::Replay { file }) => {
            // Read before taking over the screen: a file that cannot show even its first
            // event gets its `path:line:col` message on a normal terminal, like `check`.
            if let Err(e) = read_record(&file) {
                note(e.to_string());
                return Ok(ExitCode::from(1));
            }
            let mut app = start(cli.dir.as_deref(), &look)?;
            app.replay(&file);
            interactive(app)
        }
        Some(Command::Present { file }) => {
            // Read before taking over the screen, as for `replay`: a file that cannot be
            // shown at all gets its `path:line:col` message on a normal terminal.
            if let Err(e) = read_session(&file) {
                note(e.to_string());
                return Ok(ExitCode::from(1));
            }
            let mut app = start(cli.dir.as_deref(), &look)?;
            app.present(&file);
            interactive(app)
        }
        Some(Command::New {
            title,
            partners,
            kind,
            moderator,
        }) => {
            if partners.len() > MAX_PARTNERS {
                return Err(format!(
                    "a session has at most {MAX_PARTNERS} partners, {} given",
                    partners.len()
                ));
            }
            let mut app = start(cli.dir.as_deref(), &look)?;
            let setup = SetupScreen::new(title.as_deref(), &partners, kind.as_ref());
            let ready = title.as_deref().is_some_and(|t| !t.trim().is_empty())
                && partners.len() >= MIN_PARTNERS;
            match setup.build() {
                Ok(crate::domain::Change::Created {
                    title,
                    kind,
                    partners,
                    roles,
                    ..
                }) if ready => {
                    let created = crate::domain::Change::Created {
                        title,
                        moderator: moderator.unwrap_or_default(),
                        kind,
                        partners,
                        roles,
                    };
                    app.create(created)?;
                }
                _ => app.start_setup(setup),
            }
            interactive(app)
        }
        None => {
            let app = start(cli.dir.as_deref(), &look)?;
            interactive(app)
        }
    }
}

/// The theme flags.
struct Look {
    theme: Option<String>,
    colour: Option<ColourDepth>,
}

/// The shipped themes and the user's.
fn catalog() -> Catalog {
    let dir = resolve_themes_dir(std::env::var_os("SAMESIDE_CONFIG_DIR"));
    Catalog::load(dir.as_ref().map(|d| d.path.as_path()))
}

fn start(dir: Option<&Path>, look: &Look) -> Result<App, String> {
    if !std::io::stdout().is_terminal() {
        return Err("the session screens need a terminal; in scripts use `sameside list` or `sameside check`".to_string());
    }
    let dir = sessions_dir(dir)?;
    let choice = ThemeChoice {
        requested: look.theme.clone(),
        no_color: no_color(std::env::var_os("NO_COLOR").as_deref()),
        depth: look.colour.unwrap_or_else(ColourDepth::from_env),
    };
    let themes = Themes::select(&choice, &catalog());
    // crossterm drops every colour when NO_COLOR is set. The theme choice above already
    // honours NO_COLOR (mono draws no colour at all), and an explicit --theme must be
    // able to override it, as no-color.org asks; so the decision is left to the theme.
    ratatui::crossterm::style::Colored::set_ansi_color_disabled(false);
    let notice = themes.notice().map(str::to_string);
    let cache_dir = resolve_cache_dir(std::env::var_os("SAMESIDE_CACHE_DIR"));
    let mut app = App::with_list_cache(
        dir,
        themes.current().clone(),
        Rc::new(SystemClock),
        cache_dir,
    );
    app.set_themes(themes);
    // A theme that could not be used is said on the wall, not in a message that the
    // screen would cover at once.
    if let Some(notice) = notice {
        app.status = Some((notice, StatusKind::Warn));
    }
    Ok(app)
}

fn interactive(app: App) -> Result<ExitCode, String> {
    tui::run(app).map_err(|e| format!("terminal error: {e}"))?;
    Ok(ExitCode::SUCCESS)
}
