//! The progress bar of `dossier build`: shown on stderr when it is a terminal and the build
//! has run for a second (a short build prints only its summary line); never when stderr is a
//! file or a pipe, so logs and CI output stay one line per build.

use std::io::IsTerminal;
use std::sync::mpsc::{channel, RecvTimeoutError, Sender};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a build runs before its bar appears. `DOSSIER_PROGRESS_AFTER_MS` changes it (the
/// tests set it to 0).
const DEFAULT_DELAY: Duration = Duration::from_secs(1);

pub struct Progress {
    bar: ProgressBar,
    /// Tells the thread waiting to show the bar that the build is over.
    done: Option<Sender<()>>,
}

impl Progress {
    /// A bar for a build, drawn only if stderr is a terminal.
    pub fn start() -> Progress {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        bar.set_style(spinner_style());
        bar.set_message("reading and analysing the dossier");
        if !std::io::stderr().is_terminal() {
            return Progress { bar, done: None };
        }
        let delay = std::env::var("DOSSIER_PROGRESS_AFTER_MS")
            .ok()
            .and_then(|ms| ms.parse().ok())
            .map_or(DEFAULT_DELAY, Duration::from_millis);
        if delay.is_zero() {
            bar.set_draw_target(ProgressDrawTarget::stderr());
            return Progress { bar, done: None };
        }
        let (done, finished) = channel::<()>();
        let shown = bar.clone();
        std::thread::spawn(move || {
            let waited = finished.recv_timeout(delay);
            if matches!(waited, Err(RecvTimeoutError::Timeout)) && !shown.is_finished() {
                shown.set_draw_target(ProgressDrawTarget::stderr());
                shown.enable_steady_tick(Duration::from_millis(120));
            }
        });
        Progress {
            bar,
            done: Some(done),
        }
    }

    /// From now on the bar counts `pages` rendered and written.
    pub fn pages(&self, pages: usize) {
        self.bar.set_length(pages as u64);
        self.bar.set_position(0);
        self.bar.set_style(
            ProgressStyle::with_template(
                "{spinner} {msg} [{bar:32}] {pos}/{len} files, {eta} left",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
        );
        self.bar.set_message("rendering and writing");
    }

    /// One more page done; callable from any thread.
    pub fn page_done(&self) {
        self.bar.inc(1);
    }

    /// A stage without a count, such as the search index.
    pub fn stage(&self, message: &'static str) {
        self.bar.set_style(spinner_style());
        self.bar.set_message(message);
    }
}

impl Drop for Progress {
    /// Clears the bar, whether the build succeeded or not, before the summary or the
    /// problems are printed.
    fn drop(&mut self) {
        if let Some(done) = self.done.take() {
            let _ = done.send(());
        }
        self.bar.finish_and_clear();
    }
}

fn spinner_style() -> ProgressStyle {
    ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
        .unwrap_or_else(|_| ProgressStyle::default_spinner())
}
