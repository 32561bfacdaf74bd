//! A progress bar on stderr for long runs (indicatif), hidden when stderr is not a terminal or with
//! `--quiet`.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// The progress bar the pipeline reports to.
pub struct Bar {
    bar: Option<ProgressBar>,
    /// With `CREDENCE_TIMING` set, each stage's start time is printed on stderr (for profiling).
    timing: Option<std::time::Instant>,
}

impl Bar {
    /// A bar drawn only on an interactive stderr.
    pub fn new(quiet: bool) -> Bar {
        let show = !quiet && std::io::stderr().is_terminal();
        let bar = show.then(|| {
            let b = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
            b.set_style(
                ProgressStyle::with_template(
                    "{msg:>9} [{bar:30}] {pos}/{len} articles  {per_sec}  ETA {eta}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
            );
            b
        });
        Bar {
            bar,
            timing: std::env::var_os("CREDENCE_TIMING").map(|_| std::time::Instant::now()),
        }
    }

    /// Clears the bar.
    pub fn finish(&self) {
        if let Some(t) = self.timing {
            eprintln!(
                "timing: {:>8.3}s {}  analysis done",
                t.elapsed().as_secs_f64(),
                credence::timing::memory()
            );
        }
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

impl credence::Progress for Bar {
    fn stage(&self, name: &'static str, total: usize) {
        if let Some(t) = self.timing {
            eprintln!(
                "timing: {:>8.3}s {}  {name} starts",
                t.elapsed().as_secs_f64(),
                credence::timing::memory()
            );
        }
        if let Some(b) = &self.bar {
            b.set_message(name);
            if total > 0 {
                b.set_length(total as u64);
                b.set_position(0);
                b.reset_eta();
            }
        }
    }

    fn inc(&self, n: usize) {
        if let Some(b) = &self.bar {
            b.inc(n as u64);
        }
    }
}
