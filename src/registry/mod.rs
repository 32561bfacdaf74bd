//! The source registry: agencies, state media, intelligence services, government bodies and
//! outlets that articles credit, with their aliases and Beta priors.
//!
//! The bundled registry is `data/sources.csv`; `--registry FILE` replaces it. See
//! `data/README.md` for the format and where the priors come from.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// The bundled registry, compiled in so the binary works from any directory.
pub const BUNDLED: &str = include_str!("../../data/sources.csv");

/// What kind of body a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A wire service (AFP, Reuters, Yonhap…).
    NewsAgency,
    /// Media controlled by a state (KCNA, RT…).
    StateMedia,
    /// An intelligence service (NIS, GUR…).
    Intelligence,
    /// A government or intergovernmental body (NATO, the Kremlin…).
    Government,
    /// A news outlet credited as a source (Infobae…).
    Outlet,
    /// Anything else (think tanks, NGOs…).
    Other,
}

impl SourceKind {
    /// The registry spelling of this kind.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::NewsAgency => "news_agency",
            SourceKind::StateMedia => "state_media",
            SourceKind::Intelligence => "intelligence",
            SourceKind::Government => "government",
            SourceKind::Outlet => "outlet",
            SourceKind::Other => "other",
        }
    }

    fn parse(s: &str) -> Option<SourceKind> {
        Some(match s {
            "news_agency" => SourceKind::NewsAgency,
            "state_media" => SourceKind::StateMedia,
            "intelligence" => SourceKind::Intelligence,
            "government" => SourceKind::Government,
            "outlet" => SourceKind::Outlet,
            "other" => SourceKind::Other,
            _ => return None,
        })
    }

    /// The default Beta prior (mean, strength) for a source of this kind without a rating; used
    /// when a source's own rating must not count (an outlet crediting itself).
    pub fn default_prior(self) -> (f64, f64) {
        match self {
            SourceKind::NewsAgency => (0.75, 4.0),
            SourceKind::StateMedia => (0.35, 4.0),
            SourceKind::Intelligence | SourceKind::Government | SourceKind::Outlet => (0.6, 3.0),
            SourceKind::Other => (0.5, 2.0),
        }
    }
}

impl fmt::Display for SourceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One way a source is named in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    /// The alias as written in the registry (without prefixes).
    pub text: String,
    /// `=` prefix: letter case must match (for names that are also common words).
    pub case_sensitive: bool,
    /// `!` prefix: counts only in a credit-like context (short, ambiguous acronyms).
    pub credit_only: bool,
    /// `(` prefix: counts only inside a credit parenthesis (an ordinary word that one agency's
    /// credit is written as: "( Exchange )" after a dateline for the Exchange Telegraph).
    pub paren_only: bool,
}

impl Alias {
    fn parse(raw: &str) -> Alias {
        let mut s = raw.trim();
        let mut case_sensitive = false;
        let mut credit_only = false;
        let mut paren_only = false;
        loop {
            if let Some(r) = s.strip_prefix('=') {
                case_sensitive = true;
                s = r;
            } else if let Some(r) = s.strip_prefix('!') {
                credit_only = true;
                s = r;
            } else if let Some(r) = s.strip_prefix('(') {
                paren_only = true;
                credit_only = true;
                s = r;
            } else {
                break;
            }
        }
        Alias {
            text: s.trim().to_string(),
            case_sensitive,
            credit_only,
            paren_only,
        }
    }
}

/// A source of the registry.
#[derive(Debug, Clone)]
pub struct Source {
    /// Stable id (`AFP`, `Yonhap`, `NIS`…).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Kind of body.
    pub kind: SourceKind,
    /// ISO 3166-1 alpha-2 country, if national.
    pub country: Option<String>,
    /// ISO 639-1 languages it publishes in.
    pub languages: Vec<String>,
    /// Its own web domains.
    pub domains: Vec<String>,
    /// Names it goes by in text.
    pub aliases: Vec<Alias>,
    /// Mean of the Beta prior on its reliability.
    pub prior_mean: f64,
    /// Strength (α+β) of the Beta prior.
    pub prior_strength: f64,
    /// Which rating the prior comes from.
    pub prior_source: String,
    /// Years it operated under this identity (`active` column, `1835-1940`, `1944-`): a dated article
    /// is not credited to a source that did not exist then. `None` at either end: no bound.
    pub active: (Option<i32>, Option<i32>),
}

impl Source {
    /// True when the source existed in `year` (always true without a bound or a year).
    pub fn active_in(&self, year: Option<i32>) -> bool {
        let Some(y) = year else { return true };
        self.active.0.is_none_or(|from| y >= from) && self.active.1.is_none_or(|until| y <= until)
    }
}

/// Parses an `active` cell: `FROM-UNTIL`, `FROM-` or `-UNTIL`, years; empty means no bound.
fn parse_active(v: &str) -> Option<(Option<i32>, Option<i32>)> {
    if v.is_empty() {
        return Some((None, None));
    }
    let (a, b) = v.split_once('-')?;
    let year = |x: &str| -> Option<Option<i32>> {
        let x = x.trim();
        if x.is_empty() {
            Some(None)
        } else {
            x.parse::<i32>().ok().map(Some)
        }
    };
    Some((year(a)?, year(b)?))
}

/// A problem in a registry file, with its line and field.
#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    /// The file cannot be read.
    #[error("{path}: {error}")]
    Io {
        /// Registry path.
        path: String,
        /// The I/O error (shown in the message, not chained: printed once).
        error: std::io::Error,
    },
    /// A row or field is invalid.
    #[error("{path}: line {line}: field `{field}`: {message}")]
    Invalid {
        /// Registry path.
        path: String,
        /// 1-based line.
        line: u64,
        /// Column name.
        field: &'static str,
        /// What is wrong.
        message: String,
    },
}

/// The loaded registry, sorted by id.
#[derive(Debug, Clone)]
pub struct Registry {
    sources: Vec<Source>,
    by_id: BTreeMap<String, usize>,
}

const COLUMNS: [&str; 10] = [
    "id",
    "name",
    "kind",
    "country",
    "languages",
    "domains",
    "aliases",
    "prior_mean",
    "prior_strength",
    "prior_source",
];

impl Registry {
    /// The registry bundled with credence.
    pub fn bundled() -> Registry {
        Registry::parse(BUNDLED, "data/sources.csv")
            .expect("bundled registry is valid (checked by tests)")
    }

    /// Loads a registry file.
    pub fn from_path(path: &Path) -> Result<Registry, RegistryError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| RegistryError::Io {
            path: shown.clone(),
            error: source,
        })?;
        Registry::parse(&text, &shown)
    }

    /// Parses registry CSV text; `path` is used in messages.
    pub fn parse(text: &str, path: &str) -> Result<Registry, RegistryError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut rdr = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(text.as_bytes());
        let invalid = |line: u64, field: &'static str, message: String| RegistryError::Invalid {
            path: path.to_string(),
            line,
            field,
            message,
        };
        let header = rdr
            .headers()
            .map_err(|e| invalid(1, "header", e.to_string()))?
            .clone();
        let mut idx = [0usize; 10];
        for (k, name) in COLUMNS.iter().enumerate() {
            idx[k] = header
                .iter()
                .position(|h| h.trim() == *name)
                .ok_or_else(|| invalid(1, COLUMNS[k], "missing column".into()))?;
        }
        // Optional columns.
        let active_at = header.iter().position(|h| h.trim() == "active");
        let mut sources = Vec::new();
        for rec in rdr.records() {
            let rec = rec
                .map_err(|e| invalid(e.position().map_or(0, |p| p.line()), "row", e.to_string()))?;
            let line = rec.position().map_or(0, |p| p.line());
            let get = |k: usize| rec.get(idx[k]).unwrap_or("").trim();
            let list = |k: usize| -> Vec<String> {
                get(k)
                    .split('|')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect()
            };
            let id = get(0).to_string();
            if id.is_empty() || id.contains(char::is_whitespace) {
                return Err(invalid(
                    line,
                    "id",
                    format!("{id:?} is empty or has spaces"),
                ));
            }
            let kind = SourceKind::parse(get(2)).ok_or_else(|| {
                invalid(line, "kind", format!("{:?} is not one of news_agency|state_media|intelligence|government|outlet|other", get(2)))
            })?;
            let number = |k: usize, field: &'static str| -> Result<Option<f64>, RegistryError> {
                let v = get(k);
                if v.is_empty() {
                    return Ok(None);
                }
                v.parse::<f64>()
                    .map(Some)
                    .map_err(|_| invalid(line, field, format!("{v:?} is not a number")))
            };
            let (dmean, dstrength) = kind.default_prior();
            let prior_mean = number(7, "prior_mean")?.unwrap_or(dmean);
            let prior_strength = number(8, "prior_strength")?.unwrap_or(dstrength);
            if !(prior_mean > 0.0 && prior_mean < 1.0) {
                return Err(invalid(
                    line,
                    "prior_mean",
                    format!("{prior_mean} is not in (0, 1)"),
                ));
            }
            if !(prior_strength > 0.0 && prior_strength.is_finite()) {
                return Err(invalid(
                    line,
                    "prior_strength",
                    format!("{prior_strength} is not positive"),
                ));
            }
            let aliases: Vec<Alias> = list(6)
                .iter()
                .map(|a| Alias::parse(a))
                .filter(|a| !a.text.is_empty())
                .collect();
            let country = Some(get(3).to_ascii_uppercase()).filter(|c| !c.is_empty());
            let prior_source = match get(9) {
                "" => format!("default:{kind}"),
                s => s.to_string(),
            };
            let cell = active_at.and_then(|k| rec.get(k)).unwrap_or("").trim();
            let active = parse_active(cell).ok_or_else(|| {
                invalid(
                    line,
                    "active",
                    format!("{cell:?} is not YEAR-YEAR, YEAR- or -YEAR"),
                )
            })?;
            sources.push(Source {
                id,
                name: get(1).to_string(),
                kind,
                country,
                languages: list(4),
                domains: list(5)
                    .into_iter()
                    .map(|d| d.to_ascii_lowercase())
                    .collect(),
                aliases,
                prior_mean,
                prior_strength,
                prior_source,
                active,
            });
        }
        sources.sort_by(|a, b| a.id.cmp(&b.id));
        let mut by_id = BTreeMap::new();
        for (i, s) in sources.iter().enumerate() {
            if by_id.insert(s.id.clone(), i).is_some() {
                return Err(invalid(0, "id", format!("duplicate id {:?}", s.id)));
            }
        }
        Ok(Registry { sources, by_id })
    }

    /// All sources, sorted by id.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// The source with this id.
    pub fn get(&self, id: &str) -> Option<&Source> {
        self.by_id.get(id).map(|&i| &self.sources[i])
    }

    /// Index of the source with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The source whose `domains` contain `domain` (or a parent of it).
    pub fn by_domain(&self, domain: &str) -> Option<&Source> {
        let d = domain.to_ascii_lowercase();
        self.sources.iter().find(|s| {
            s.domains.iter().any(|sd| {
                d == *sd
                    || d.strip_suffix(sd.as_str())
                        .is_some_and(|p| p.ends_with('.'))
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_registry_loads_and_has_required_ids() {
        let r = Registry::bundled();
        assert!(r.sources().len() >= 60, "{} sources", r.sources().len());
        for id in [
            "AFP",
            "Reuters",
            "AP",
            "EFE",
            "DPA",
            "ANSA",
            "ATS",
            "Belga",
            "ANP",
            "EuropaPress",
            "PC",
            "APS",
            "Kyodo",
            "Yonhap",
            "Xinhua",
            "TASS",
            "RIA",
            "Interfax",
            "Anadolu",
            "PTI",
            "PAP",
            "UNIAN",
            "Ukrinform",
            "Bloomberg",
            "DowJones",
            "KCNA",
            "GUR",
            "NIS",
            "Infobae",
        ] {
            assert!(r.get(id).is_some(), "missing {id}");
        }
        assert_eq!(r.get("KCNA").unwrap().kind, SourceKind::StateMedia);
        assert_eq!(r.get("NIS").unwrap().kind, SourceKind::Intelligence);
    }

    #[test]
    fn alias_prefixes() {
        let a = Alias::parse("=!AP");
        assert!(a.case_sensitive && a.credit_only);
        assert_eq!(a.text, "AP");
        let b = Alias::parse("Agence France-Presse");
        assert!(!b.case_sensitive && !b.credit_only);
    }

    #[test]
    fn bad_rows_name_line_and_field() {
        let head = COLUMNS.join(",");
        let e = Registry::parse(&format!("{head}\nX,X,agency,,,,X,0.5,2,\n"), "r.csv").unwrap_err();
        assert!(
            e.to_string().starts_with("r.csv: line 2: field `kind`"),
            "{e}"
        );
        let e = Registry::parse(&format!("{head}\nX,X,outlet,,,,X,1.5,2,\n"), "r.csv").unwrap_err();
        assert!(e.to_string().contains("field `prior_mean`"), "{e}");
        let e = Registry::parse("id,name\n", "r.csv").unwrap_err();
        assert!(e.to_string().contains("missing column"), "{e}");
    }

    #[test]
    fn domain_lookup_accepts_subdomains() {
        let r = Registry::bundled();
        assert_eq!(
            r.by_domain("reuters.com").map(|s| s.id.as_str()),
            Some("Reuters")
        );
        assert_eq!(
            r.by_domain("uk.reuters.com").map(|s| s.id.as_str()),
            Some("Reuters")
        );
        assert!(r.by_domain("notreuters.com").is_none());
    }
}
