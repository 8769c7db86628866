//! The `dossier` command line: parse arguments, call the library, print diagnostics and set
//! the exit code (1 on any error in the user's files, 2 on an unexpected failure).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use dossier::cmd::{self, build::BuildOptions};
use dossier::diagnostics::Diagnostic;
use dossier::LoadOptions;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "dossier",
    version,
    about = "A static site generator for briefing dossiers"
)]
struct Cli {
    /// The dossier folder (with site.toml and content/); the current directory by default.
    #[arg(long, global = true, value_name = "DIR")]
    root: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (public/ by default).
    Build {
        /// Where to write the site (replaces output_dir of site.toml).
        #[arg(long, short, value_name = "DIR")]
        output: Option<PathBuf>,
        /// The site's absolute URL (replaces base_url of site.toml).
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Include articles and pages marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Make links end in index.html, so the site also works opened from disk (file://).
        #[arg(long)]
        file_urls: bool,
    },
    /// Build into a private folder, serve it with live reload, and rebuild on every change.
    Serve {
        /// The port to listen on.
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// The address to listen on; 127.0.0.1 keeps the preview on this machine.
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        /// Open the preview in the default browser.
        #[arg(long)]
        open: bool,
        /// Include articles and pages marked `draft: true`.
        #[arg(long)]
        drafts: bool,
    },
    /// Validate everything `build` validates and render every page, writing nothing.
    Check {
        /// Include articles and pages marked `draft: true`.
        #[arg(long)]
        drafts: bool,
    },
    /// Create a new dossier in DIR with one example of each kind (it uses the built-in
    /// theme); or, with --theme-only, copy the built-in theme into themes/briefing/.
    Init {
        /// The new dossier's folder: new or empty. With --theme-only, the dossier to copy the
        /// theme into (--root or the current folder by default).
        #[arg(required_unless_present = "theme_only")]
        dir: Option<PathBuf>,
        /// Copy the built-in theme into themes/briefing/ for editing; never overwrites.
        #[arg(long)]
        theme_only: bool,
    },
    /// Create a content file with the front matter skeleton of its kind.
    New {
        /// article | actor | source | event | page
        kind: String,
        /// The file name without .md: lowercase letters, digits and hyphens.
        slug: String,
    },
    /// Draft articles from text copied off web pages: one draft per file, marked draft: true.
    Import {
        /// Text files, each one article copied from a web page, headline first.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// The folder for the drafts, relative to the dossier root.
        #[arg(long, value_name = "DIR", default_value = cmd::import::DEFAULT_INTO)]
        into: PathBuf,
        /// Replace drafts that exist already (never done otherwise).
        #[arg(long)]
        force: bool,
    },
}

fn main() -> ExitCode {
    // Beyond a file size limit (`ulimit -f`), a write fails with an error to report (and the
    // build to abandon cleanly) instead of the signal ending the process on the spot.
    #[cfg(unix)]
    // SAFETY: ignoring a signal, before any other thread exists.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
    let cli = Cli::parse();
    let root = cli.root.clone().unwrap_or_else(|| PathBuf::from("."));
    match run(&root, cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(problems) => {
            print_all(&problems);
            let errors = problems.iter().filter(|d| d.is_error()).count();
            eprintln!(
                "error: {errors} problem{} found; nothing was written",
                if errors == 1 { "" } else { "s" }
            );
            ExitCode::from(1)
        }
    }
}

fn run(root: &std::path::Path, command: Command) -> Result<(), Vec<Diagnostic>> {
    match command {
        Command::Build {
            output,
            base_url,
            drafts,
            file_urls,
        } => {
            let options = BuildOptions {
                load: LoadOptions { drafts, base_url },
                output,
                file_urls,
            };
            let report = cmd::build::build(root, &options)?;
            print_all(&report.warnings);
            println!("Built {} → {}", report.summary(), report.output.display());
        }
        Command::Serve {
            port,
            bind,
            open,
            drafts,
        } => {
            let options = dossier::serve::ServeOptions {
                port,
                bind,
                open,
                load: LoadOptions {
                    drafts,
                    base_url: None,
                },
            };
            dossier::serve::serve(root, &options)?;
        }
        Command::Check { drafts } => {
            let warnings = cmd::check::check(
                root,
                &LoadOptions {
                    drafts,
                    base_url: None,
                },
            )?;
            print_all(&warnings);
            let notes = warnings
                .iter()
                .filter(|w| w.severity == dossier::diagnostics::Severity::Note)
                .count();
            let warned = warnings.len() - notes;
            println!(
                "No errors{}; {}.",
                if warned == 0 {
                    String::new()
                } else {
                    format!(", {warned} warning(s)")
                },
                if notes == 0 {
                    "no uncertain quotes".to_owned()
                } else {
                    format!("{notes} uncertain quote(s) to confirm")
                }
            );
        }
        Command::Init {
            dir,
            theme_only: true,
        } => {
            let dir = dir.unwrap_or_else(|| root.to_path_buf());
            let files = dossier::theme::export(&dir).map_err(|d| vec![d])?;
            println!(
                "Copied the built-in theme into {} ({} files): edit them there.",
                dir.join("themes").join(dossier::theme::NAME).display(),
                files.len()
            );
        }
        Command::Init { dir, .. } => {
            let dir = dir.expect("required without --theme-only");
            let files = cmd::init::init(&dir).map_err(|d| vec![d])?;
            println!(
                "Created a dossier in {} ({} files). Next: dossier build --root {}",
                dir.display(),
                files.len(),
                dir.display()
            );
        }
        Command::New { kind, slug } => {
            let Some((_, kind)) = cmd::new::KINDS.iter().find(|(name, _)| *name == kind) else {
                let names: Vec<&str> = cmd::new::KINDS.iter().map(|(n, _)| *n).collect();
                let hint = match dossier::diagnostics::did_you_mean(&kind, names.iter().copied()) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None => format!("use one of: {}", names.join(", ")),
                };
                return Err(vec![Diagnostic::error(
                    "dossier new",
                    format!("unknown kind `{kind}`"),
                )
                .with_hint(hint)]);
            };
            let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
            let path = cmd::new::new(root, *kind, &slug, &today).map_err(|d| vec![d])?;
            println!("Created {}", root.join(path).display());
        }
        Command::Import { files, into, force } => {
            let options = cmd::import::ImportOptions { into, force };
            let imported = cmd::import::import(root, &files, &options)?;
            print!("{}", cmd::import::report(&imported));
        }
    }
    Ok(())
}

fn print_all(problems: &[Diagnostic]) {
    for problem in problems {
        eprintln!("{problem}\n");
    }
}
