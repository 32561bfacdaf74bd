//! Why an article's score moved: each contribution keeps the facts behind it and writes them as a
//! sentence only when a report shows it, so a million scored articles do not hold a million
//! explanation strings.

use std::fmt;

/// The facts behind one contribution; `Display` writes the sentence.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// Sources cited or attributed, each with the reliability used.
    Sources(Vec<(String, f64)>),
    /// No source named.
    NoSource,
    /// Attribution density (phrases and quotations per 100 words) and whether it counts as
    /// transparent.
    Transparency {
        /// Per 100 words.
        attribution: f64,
        /// At or above the transparency threshold.
        transparent: bool,
    },
    /// Exclamation marks per 100 words.
    Sensational(f64),
    /// Agencies named in credit lines, joined.
    CreditLine(String),
    /// Garble score and the first kinds with evidence ("0.33: kind «evidence», …").
    Garbled(String),
    /// An uncredited wholesale copy, described.
    Laundered(String),
    /// Figures weighed against other articles.
    Claims(Box<ClaimsReason>),
    /// The headline ends in this mark (`!` or `?`).
    HeadlineBait(char),
}

/// Figures weighed against other articles.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimsReason {
    /// Figures in the article.
    pub figures: usize,
    /// Their mean confidence.
    pub confidence: f64,
    /// An example: value and unit.
    pub example: String,
    /// Independent origins of the example.
    pub support: usize,
}

impl Reason {
    /// Stable key of the kind of reason, used to aggregate reasons over an outlet's articles.
    pub fn key(&self) -> &'static str {
        match self {
            Reason::Sources(_) => "sources",
            Reason::NoSource => "no_source",
            Reason::Transparency { .. } => "transparency",
            Reason::Sensational(_) => "sensational",
            Reason::CreditLine(_) => "credit_line",
            Reason::Garbled(_) => "garble",
            Reason::Laundered(_) => "laundered",
            Reason::Claims(_) => "claims",
            Reason::HeadlineBait(_) => "headline_bait",
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Sources(named) => {
                f.write_str("cites ")?;
                for (k, (id, r)) in named.iter().enumerate() {
                    let sep = if k == 0 { "" } else { ", " };
                    write!(f, "{sep}{id} {r:.2}")?;
                }
                Ok(())
            }
            Reason::NoSource => f.write_str("names no source for its content"),
            Reason::Transparency {
                attribution,
                transparent,
            } => {
                let what = if *transparent {
                    "says where its facts come from"
                } else {
                    "rarely says where its facts come from"
                };
                write!(
                    f,
                    "{what} ({attribution:.1} attributions or quotations per 100 words)"
                )
            }
            Reason::Sensational(x) => {
                write!(
                    f,
                    "sensational tone ({x:.2} exclamation marks per 100 words)"
                )
            }
            Reason::CreditLine(ids) => write!(f, "carries a credit line ({ids})"),
            Reason::Garbled(what) => write!(f, "garbled copy (garble {what})"),
            Reason::Laundered(text) => f.write_str(text),
            Reason::HeadlineBait(mark) => write!(f, "headline ends in «{mark}»"),
            Reason::Claims(c) => write!(
                f,
                "{} figure(s), mean confidence {:.2} (e.g. {}: {} independent origin(s))",
                c.figures, c.confidence, c.example, c.support
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_read_as_sentences() {
        let s = Reason::Sources(vec![("afp".into(), 0.8), ("nis".into(), 0.555)]);
        assert_eq!(s.to_string(), "cites afp 0.80, nis 0.56");
        let t = Reason::Transparency {
            attribution: 0.25,
            transparent: false,
        };
        assert_eq!(
            t.to_string(),
            "rarely says where its facts come from (0.2 attributions or quotations per 100 words)"
        );
        let c = Reason::Claims(Box::new(ClaimsReason {
            figures: 2,
            confidence: 0.5,
            example: "12 000 soldats".into(),
            support: 1,
        }));
        assert_eq!(
            c.to_string(),
            "2 figure(s), mean confidence 0.50 (e.g. 12 000 soldats: 1 independent origin(s))"
        );
    }
}
