//! The two passes over the texts. The first needs nothing learned from the input: citations,
//! claims, style, and the line counts boilerplate is learned from. The second needs the learned
//! boilerplate: garble flags and copy sketches. Each pass reads one chunk of texts at a time.

use std::borrow::Cow;

use rayon::prelude::*;

use super::{ArticleFacts, Progress};
use crate::boilerplate::{line_keys, Boilerplate, Learner};
use crate::citations::homoglyph;
use crate::citations::{cues::Cues, disambiguate, Extractor, Field};
use crate::copies::anchors::{Anchored, SentenceAnchors};
use crate::copies::{self, Sketches, Words};
use crate::garble::vocab::{TextWords, Vocab};
use crate::garble::{Doc, Garbler};
use crate::ingest::{Article, Texts, Warning};
use crate::registry::Registry;
use crate::score::{claims, style};
use crate::segment::Span;
use crate::text::TextView;

/// The per-article tools, built once per run.
pub(super) struct Tools<'r> {
    extractor: Extractor,
    garbler: Garbler,
    cues: Cues,
    registry: &'r Registry,
}

impl<'r> Tools<'r> {
    pub(super) fn new(registry: &'r Registry) -> Tools<'r> {
        Tools {
            extractor: Extractor::new(registry),
            garbler: Garbler::bundled(),
            cues: Cues::bundled(),
            registry,
        }
    }
}

/// Claims and unreadable numbers of one article.
pub(super) type ArticleClaims = (Vec<claims::Claim>, Vec<claims::Unreadable>);

/// What the first pass keeps: analyzed articles (flags still empty), their claims, and the
/// boilerplate line counts.
#[derive(Default)]
pub(super) struct First {
    pub(super) articles: Vec<ArticleFacts>,
    pub(super) claims: Vec<ArticleClaims>,
    pub(super) learner: Learner,
    /// The input's vocabulary, for glued words in the second pass.
    pub(super) vocab: crate::garble::vocab::Vocab,
    /// Source names written with look-alike letters of another script, in input order.
    pub(super) warnings: Vec<Warning>,
}

impl First {
    /// Analyzes one chunk of articles with their texts.
    pub(super) fn add(
        &mut self,
        tools: &Tools,
        articles: Vec<Article>,
        texts: &[String],
        progress: &dyn Progress,
    ) {
        let reader = style::Reader::new(&tools.cues);
        type Out = (
            ArticleFacts,
            ArticleClaims,
            Vec<u64>,
            TextWords,
            Vec<Warning>,
        );
        let out: Vec<Out> = articles
            .into_par_iter()
            .zip(texts.par_iter())
            .map(|(article, text)| {
                let view = TextView::new(text);
                let year = article
                    .published
                    .as_deref()
                    .and_then(|d| d.get(..4))
                    .and_then(|y| y.parse::<i32>().ok());
                let mut citations = Vec::new();
                if let Some(title) = &article.title {
                    citations.extend(tools.extractor.extract_dated(
                        Field::Title,
                        &TextView::new(title),
                        year,
                    ));
                }
                citations.extend(tools.extractor.extract_dated(Field::Text, &view, year));
                // A bare agency acronym in a language the agency does not publish in: the text's
                // own language decides (guessed only when such an acronym is there).
                // The text's own language, guessed at most once and only when a rule asks.
                let lang_cell: std::cell::OnceCell<Option<String>> = std::cell::OnceCell::new();
                let lang = || {
                    lang_cell
                        .get_or_init(|| {
                            let langid = tools.garbler.langid();
                            let guess = langid
                                .guess_words(&langid.words(&view).items)
                                .map(|g| g.lang);
                            guess.or_else(|| article.lang.clone())
                        })
                        .clone()
                };
                disambiguate::drop_foreign_names(
                    &mut citations,
                    text,
                    article.title.as_deref(),
                    tools.registry,
                    lang,
                );
                let mut lookalikes = Vec::new();
                for (field, name, t) in [
                    (Field::Title, "title", article.title.as_deref()),
                    (Field::Text, "text", Some(text.as_str())),
                ] {
                    for h in homoglyph::find(&tools.extractor, field, t.unwrap_or("")) {
                        lookalikes.push(Warning {
                            line: article.line,
                            field: name,
                            message: format!(
                                "article {:?}: {:?} at byte {} looks like the source {} but mixes \
                                 scripts (look-alike letters): not counted as a citation",
                                article.id, h.written, h.start, h.source
                            ),
                        });
                    }
                }
                // Per-article lists live until the end of the run: no growth slack.
                citations.shrink_to_fit();
                let (mut found, mut unreadable) =
                    claims::extract(text, &view.segs, &citations, &|| {
                        lang().as_deref() == Some("de")
                    });
                found.shrink_to_fit();
                unreadable.shrink_to_fit();
                let found_any = !found.is_empty();
                let claims = (found, unreadable);
                let keys = if article.outlet_known {
                    line_keys(&view)
                } else {
                    Vec::new()
                };
                progress.inc(1);
                let analyzed = ArticleFacts {
                    article,
                    citations,
                    flags: Vec::new(),
                    garble: 0.0,
                    lang: None,
                    style: reader.read(&view),
                    names: if found_any {
                        crate::model::names(text)
                    } else {
                        Vec::new()
                    },
                };
                (analyzed, claims, keys, TextWords::of(text), lookalikes)
            })
            .collect();
        for ((a, claims, keys, words, warnings), text) in out.into_iter().zip(texts) {
            self.warnings.extend(warnings);
            self.vocab.add(words);
            // The headline another article's teaser would repeat: the title, else the first line.
            let headline = match &a.article.title {
                Some(t) => t.as_str(),
                None => text.lines().next().unwrap_or(""),
            };
            self.vocab.headlines.add(&a.article.id, headline.trim());
            if a.article.outlet_known {
                self.learner.add(&a.article.outlet, &keys);
            }
            self.articles.push(a);
            self.claims.push(claims);
        }
    }
}

/// What the second pass keeps for the copy stage.
#[derive(Default)]
pub(super) struct SecondOut {
    /// Copy sketches (sampled shingles).
    pub(super) sketches: Sketches,
    /// Sampled anchors, for translations.
    pub(super) anchors: Sketches,
    /// How many articles hold each anchor.
    pub(super) frequencies: copies::anchors::Frequencies,
}

/// The second pass: garble flags and language of every article; returns the copy sketches.
pub(super) fn second(
    articles: &mut [ArticleFacts],
    texts: &Texts,
    size: usize,
    bp: &Boilerplate,
    vocab: &Vocab,
    tools: &Tools,
    progress: &dyn Progress,
) -> SecondOut {
    let n = articles.len();
    let mut out = SecondOut::default();
    let mut next = texts.range(0..size.min(n));
    for (k, chunk) in articles.chunks_mut(size).enumerate() {
        let current = std::mem::take(&mut next);
        let ahead = (k + 1) * size..((k + 2) * size).min(n);
        // Read the next chunk's texts while this one is analyzed.
        let (read, chunk_out) = rayon::join(
            || texts.range(ahead),
            || second_chunk(chunk, &current, bp, vocab, tools, progress),
        );
        next = read;
        for (s, a) in chunk_out {
            out.sketches.push(&s);
            out.frequencies.add(&a);
            out.anchors.push(&copies::anchors::sample(&a));
        }
    }
    out
}

fn second_chunk(
    chunk: &mut [ArticleFacts],
    texts: &[Cow<str>],
    bp: &Boilerplate,
    vocab: &Vocab,
    tools: &Tools,
    progress: &dyn Progress,
) -> Vec<(Vec<u64>, Vec<u64>)> {
    chunk
        .par_iter_mut()
        .zip(texts.par_iter())
        .map(|(a, text)| {
            let view = TextView::new(text);
            let boilerplate = boilerplate_of(a, &view, bp);
            let doc = Doc {
                view: &view,
                title: a.article.title.as_deref(),
                lang: a.article.lang.as_deref(),
                boilerplate: &boilerplate,
                citations: &a.citations,
                registry: tools.registry,
                vocab: Some(vocab),
            };
            let (flags, lang) = tools.garbler.flags(&doc);
            a.flags = flags;
            a.flags.shrink_to_fit();
            a.lang = lang;
            progress.inc(1);
            let anchors = copies::anchors::distinct(&sentence_anchors(&view, &boilerplate, tools));
            (copies::sketch(&view, &boilerplate), anchors)
        })
        .collect()
}

fn boilerplate_of(a: &ArticleFacts, view: &TextView, bp: &Boilerplate) -> Vec<Span> {
    if a.article.outlet_known {
        bp.lines_of(&a.article.outlet, view)
    } else {
        Vec::new()
    }
}

/// The anchors of the sentences of `view` outside its boilerplate lines.
fn sentence_anchors(view: &TextView, boilerplate: &[Span], tools: &Tools) -> Vec<SentenceAnchors> {
    let mut s = copies::anchors::sentences(view, tools.garbler.langid());
    s.retain(|x| {
        !boilerplate
            .iter()
            .any(|b| b.contains(x.span.start, x.span.end))
    });
    s
}

/// The sentence anchors and the language of an article, for verifying a candidate translation.
pub(super) fn anchors(
    a: &ArticleFacts,
    text: Cow<str>,
    bp: &Boilerplate,
    tools: &Tools,
) -> Anchored {
    let view = TextView::new(&text);
    let langid = tools.garbler.langid();
    Anchored {
        sentences: sentence_anchors(&view, &boilerplate_of(a, &view, bp), tools),
        lang: langid
            .guess_words(&langid.words(&view).items)
            .map(|g| g.lang),
    }
}

/// The words of an article, for verifying a copy pair.
pub(super) fn words(a: &ArticleFacts, text: Cow<str>, bp: &Boilerplate) -> Words {
    Words::new(&text, |view| boilerplate_of(a, view, bp))
}
