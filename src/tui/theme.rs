//! Colours and text styles for the screens. Built for a projector first: strong contrast,
//! few colours, meaning never carried by colour alone (every coloured mark also has a
//! word or symbol), and `NO_COLOR` respected.

use ratatui::style::{Color, Modifier, Style};

use crate::domain::Severity;

use super::editor::EditorStyle;

#[derive(Debug, Clone)]
pub struct Theme {
    pub text: Style,
    pub muted: Style,
    pub heading: Style,
    pub accent: Style,
    pub border: Style,
    pub focus_border: Style,
    /// The item under the cursor.
    pub selected: Style,
    pub good: Style,
    pub warn: Style,
    pub bad: Style,
    pub key: Style,
    /// One colour per partner, in partner order, so a partner is recognisable anywhere.
    pub partners: Vec<Style>,
    pub colour: bool,
}

impl Theme {
    /// The built-in dark theme, or a colourless one when `NO_COLOR` is set.
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        if no_color {
            Theme::monochrome()
        } else {
            Theme::dark()
        }
    }

    pub fn dark() -> Theme {
        let fg = Style::default().fg(Color::White);
        Theme {
            text: fg,
            muted: Style::default().fg(Color::Gray),
            heading: fg.add_modifier(Modifier::BOLD),
            accent: Style::default()
                .fg(Color::LightCyan)
                .add_modifier(Modifier::BOLD),
            border: Style::default().fg(Color::DarkGray),
            focus_border: Style::default().fg(Color::LightCyan),
            selected: Style::default().fg(Color::Black).bg(Color::LightCyan),
            good: Style::default().fg(Color::LightGreen),
            warn: Style::default().fg(Color::LightYellow),
            bad: Style::default()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            key: Style::default()
                .fg(Color::LightCyan)
                .add_modifier(Modifier::BOLD),
            partners: [
                Color::LightYellow,
                Color::LightMagenta,
                Color::LightGreen,
                Color::LightBlue,
                Color::LightRed,
                Color::Cyan,
                Color::Yellow,
                Color::Magenta,
            ]
            .into_iter()
            .map(|c| Style::default().fg(c).add_modifier(Modifier::BOLD))
            .collect(),
            colour: true,
        }
    }

    /// No colour at all: emphasis through bold, reverse and underline only.
    pub fn monochrome() -> Theme {
        let plain = Style::default();
        Theme {
            text: plain,
            muted: plain.add_modifier(Modifier::DIM),
            heading: plain.add_modifier(Modifier::BOLD),
            accent: plain.add_modifier(Modifier::BOLD),
            border: plain,
            focus_border: plain.add_modifier(Modifier::BOLD),
            selected: plain.add_modifier(Modifier::REVERSED),
            good: plain,
            warn: plain.add_modifier(Modifier::BOLD),
            bad: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            key: plain.add_modifier(Modifier::BOLD),
            partners: vec![plain.add_modifier(Modifier::BOLD)],
            colour: false,
        }
    }

    /// The style of the partner at `index` in the session's partner list.
    pub fn partner(&self, index: usize) -> Style {
        if self.partners.is_empty() {
            return self.heading;
        }
        self.partners[index % self.partners.len()]
    }

    /// A text box in this theme. Among several boxes the focused one stands out in its
    /// border, cursor and title, so the room sees where typing goes.
    pub fn editor(&self, focused: bool) -> EditorStyle {
        EditorStyle {
            text: self.text,
            border: if focused {
                self.focus_border
            } else {
                self.border
            },
            cursor: if focused { self.selected } else { self.text },
            title: if focused { self.accent } else { self.muted },
        }
    }

    pub fn severity(&self, severity: Severity) -> Style {
        match severity {
            Severity::Low => self.muted,
            Severity::Medium => self.warn,
            Severity::High | Severity::Critical => self.bad,
        }
    }
}
