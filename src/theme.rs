//! The default theme, `briefing`, embedded in the binary for `dossier init`.

include!(concat!(env!("OUT_DIR"), "/theme_files.rs"));

/// The name of the default theme.
pub const NAME: &str = "briefing";
