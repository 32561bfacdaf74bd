//! The named features an article's score is built from, and their weights.
//!
//! An article's mean is `0.5 + Σ weight_k · x_k`, clipped to [0.03, 0.97], where each `x_k` is a
//! named, explainable feature (the cited sources' trust, a credit line, garble…). The weights ship
//! in `data/scoring/weights.csv`, fitted by `scripts/fit_weights.py` to public outlet ratings
//! with each outlet left out of its own fit; the file keeps the hand-set gains beside them.

use std::sync::LazyLock;

/// The features, in the order of [`Features`] and of the weight table.
pub const FEATURES: [&str; 9] = [
    "sources",
    "no_source",
    "transparency",
    "sensational",
    "credit_line",
    "garble",
    "laundered",
    "claims",
    "headline_bait",
];

/// Number of features.
pub const N_FEATURES: usize = FEATURES.len();

/// Feature indices, named.
pub mod f {
    /// Cited sources' trust.
    pub const SOURCES: usize = 0;
    /// No source named.
    pub const NO_SOURCE: usize = 1;
    /// Attribution density.
    pub const TRANSPARENCY: usize = 2;
    /// Exclamation density.
    pub const SENSATIONAL: usize = 3;
    /// A credit line.
    pub const CREDIT_LINE: usize = 4;
    /// Garble score.
    pub const GARBLE: usize = 5;
    /// Laundered copy.
    pub const LAUNDERED: usize = 6;
    /// Claims' confidence.
    pub const CLAIMS: usize = 7;
    /// Headline ending in `!` or `?`.
    pub const HEADLINE_BAIT: usize = 8;
}

/// One article's feature values, indexed like [`FEATURES`].
pub type Features = [f64; N_FEATURES];

/// Weights of the features.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights(pub [f64; N_FEATURES]);

/// The weight table bundled with the binary.
pub const BUNDLED: &str = include_str!("../../data/scoring/weights.csv");

/// A weight table that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeightsError(pub String);

impl std::fmt::Display for WeightsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "weight table: {}", self.0)
    }
}

impl std::error::Error for WeightsError {}

impl Weights {
    /// Parses a `feature,weight,…` table: every feature exactly once, finite weights.
    pub fn parse(text: &str) -> Result<Weights, WeightsError> {
        let mut w = [f64::NAN; N_FEATURES];
        let mut r = csv::Reader::from_reader(text.as_bytes());
        for (line, rec) in r.records().enumerate() {
            let rec = rec.map_err(|e| WeightsError(e.to_string()))?;
            let name = rec.get(0).unwrap_or("");
            let k = FEATURES.iter().position(|f| *f == name).ok_or_else(|| {
                WeightsError(format!("line {}: unknown feature `{name}`", line + 2))
            })?;
            let v: f64 = rec
                .get(1)
                .and_then(|x| x.trim().parse().ok())
                .filter(|x: &f64| x.is_finite())
                .ok_or_else(|| {
                    WeightsError(format!("line {}: field `weight` is not a number", line + 2))
                })?;
            if !w[k].is_nan() {
                return Err(WeightsError(format!(
                    "line {}: `{name}` given twice",
                    line + 2
                )));
            }
            w[k] = v;
        }
        if let Some(k) = w.iter().position(|x| x.is_nan()) {
            return Err(WeightsError(format!("feature `{}` missing", FEATURES[k])));
        }
        Ok(Weights(w))
    }

    /// The bundled weights.
    pub fn bundled() -> &'static Weights {
        static W: LazyLock<Weights> =
            LazyLock::new(|| Weights::parse(BUNDLED).expect("bundled data/scoring/weights.csv"));
        &W
    }

    /// Weight of feature `k`.
    pub fn of(&self, k: usize) -> f64 {
        self.0[k]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_table_names_every_feature_once() {
        let w = Weights::parse(BUNDLED).unwrap();
        assert!(w.0.iter().all(|x| x.is_finite()));
    }

    #[test]
    fn a_bad_table_is_refused_with_its_line() {
        let e = Weights::parse("feature,weight\nsources,x\n").unwrap_err();
        assert!(e.0.contains("line 2"), "{e}");
        let e = Weights::parse("feature,weight\nsources,0.5\n").unwrap_err();
        assert!(e.0.contains("missing"), "{e}");
        let e = Weights::parse("feature,weight\nnope,0.5\n").unwrap_err();
        assert!(e.0.contains("unknown"), "{e}");
    }
}
