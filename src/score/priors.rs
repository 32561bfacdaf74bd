//! Outlet priors from public ratings (`data/outlet_priors.csv`, or `--outlet-priors FILE|none`).

use std::collections::BTreeMap;
use std::path::Path;

/// The bundled outlet priors.
pub const BUNDLED: &str = include_str!("../../data/outlet_priors.csv");

/// One outlet's rating-based prior.
#[derive(Debug, Clone, PartialEq)]
pub struct OutletPrior {
    /// Prior mean reliability.
    pub mean: f64,
    /// Which rating it comes from.
    pub source: String,
}

/// Priors by domain.
#[derive(Debug, Clone, Default)]
pub struct OutletPriors {
    by_domain: BTreeMap<String, OutletPrior>,
}

impl OutletPriors {
    /// Parses `domain,prior_mean,prior_source` CSV text; rows that do not parse are errors naming
    /// their line.
    pub fn parse(text: &str, path: &str) -> Result<OutletPriors, String> {
        let mut rdr = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut by_domain = BTreeMap::new();
        for rec in rdr.records() {
            let rec = rec.map_err(|e| format!("{path}: {e}"))?;
            let line = rec.position().map_or(0, |p| p.line());
            let domain = rec.get(0).unwrap_or("").trim().to_ascii_lowercase();
            let mean: f64 =
                rec.get(1).unwrap_or("").trim().parse().map_err(|_| {
                    format!("{path}: line {line}: field `prior_mean`: not a number")
                })?;
            if domain.is_empty() || !(0.0..=1.0).contains(&mean) {
                return Err(format!("{path}: line {line}: field `prior_mean`: {mean} is not in [0, 1] or the domain is empty"));
            }
            let source = rec.get(2).unwrap_or("").trim().to_string();
            by_domain.insert(
                domain.trim_start_matches("www.").to_string(),
                OutletPrior {
                    mean: mean.clamp(0.02, 0.98),
                    source,
                },
            );
        }
        Ok(OutletPriors { by_domain })
    }

    /// The bundled priors.
    pub fn bundled() -> OutletPriors {
        OutletPriors::parse(BUNDLED, "data/outlet_priors.csv").expect("bundled outlet priors parse")
    }

    /// Loads a priors file.
    pub fn from_path(path: &Path) -> Result<OutletPriors, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        OutletPriors::parse(&text, &path.display().to_string())
    }

    /// The prior of `domain` or of its closest rated parent domain.
    pub fn get(&self, domain: &str) -> Option<&OutletPrior> {
        let mut d = domain.trim_start_matches("www.");
        loop {
            if let Some(p) = self.by_domain.get(d) {
                return Some(p);
            }
            let (_, rest) = d.split_once('.')?;
            if !rest.contains('.') {
                return None;
            }
            d = rest;
        }
    }

    /// Number of rated domains.
    pub fn len(&self) -> usize {
        self.by_domain.len()
    }

    /// True when no domain is rated.
    pub fn is_empty(&self) -> bool {
        self.by_domain.is_empty()
    }
}
