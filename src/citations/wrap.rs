//! Hard-wrapped copy: the 1987 Reuters wire and OCR'd pages break lines inside sentences ("a bank
//! official told\nReuters.", "the launching of\nSputnik."). [`crate::segment::Segments`] never lets a sentence cross a
//! line break; the citation rules read a line and a sentence run on over such breaks instead, so a
//! wrapped name is neither a credit line of its own nor cut off from the verb that governs it.

use super::context::{is_dash, FieldContext};
use super::matcher::RawMatch;
use crate::segment::Span;

impl FieldContext<'_> {
    /// The line holding `m`, run on over the breaks of hard-wrapped copy ([`Self::wrapped`]);
    /// for a name split over two lines by a hyphen ("Reu-\nter"), both.
    pub fn line_of(&self, m: &RawMatch) -> Span {
        let own = Span {
            start: m.start,
            end: m.end,
        };
        let physical = self.segs.line_at(m.start, m.end).unwrap_or_else(|| {
            let first = self.segs.line_at(m.start, m.start).unwrap_or(own);
            let last = self.segs.line_at(m.end, m.end).unwrap_or(own);
            Span {
                start: first.start.min(m.start),
                end: last.end.max(m.end),
            }
        });
        self.wrapped(physical)
    }

    /// True when the break between lines `a` and `b` falls inside a sentence: one line break, no
    /// blank line, `b` opens with no parenthesis, dash or quote, and `a` ends with a lower-case
    /// word or a comma, or `b` starts with a lower-case letter ("a bank official told\nReuters.",
    /// "paper (CP)\nprogram"). A headline ends with a capitalised word ("… Wrist Slap\n(CBS/AP)").
    pub(super) fn runs_on(&self, a: Span, b: Span) -> bool {
        let gap = &self.text[a.end..b.start];
        let a_text = &self.text[a.start..a.end];
        let last_word = a_text
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let ends = a_text.ends_with([',', ';'])
            || (!last_word.is_empty() && last_word.chars().all(char::is_lowercase));
        let b_text = &self.text[b.start..b.end];
        let starts = b_text.starts_with(char::is_lowercase);
        // A line that opens with a dash, a parenthesis or a quote, or with a dateline head
        // ("AP - The United States…", "PARIS, 3 mars -"), starts a new sentence.
        let opens = b_text.starts_with(|c: char| is_dash(c) || "([«\"“•*>".contains(c))
            || self
                .dateline_head(b)
                .is_some_and(|h| self.dateline_words_only(h));
        gap.matches('\n').count() == 1 && !opens && (ends || starts)
    }

    /// Hard-wrapped copy (the 1987 Reuters wire, OCR'd pages) breaks lines inside sentences ("a
    /// bank official told\nReuters.", "the launching of\nSputnik."): a line read by the rules runs
    /// on over such breaks, at most three lines each way, so that a wrapped name is neither a
    /// credit line of its own nor cut off from the verb that governs it. It runs back only from a
    /// line that finishes a sentence or runs on itself: a sign-off ("… 66.2 mln\n Reuter") finishes
    /// none.
    pub(super) fn wrapped(&self, line: Span) -> Span {
        let lines = &self.segs.lines;
        let mut first = lines.partition_point(|l| l.end <= line.start);
        let mut last = lines.partition_point(|l| l.start < line.end);
        if first >= lines.len() || last == 0 {
            return line;
        }
        last -= 1;
        let own_last = last;
        while last + 1 < lines.len()
            && last - own_last < 3
            && self.runs_on(lines[last], lines[last + 1])
        {
            last += 1;
        }
        let finishes = self.text[lines[own_last].start..lines[own_last].end]
            .ends_with(['.', '!', '?', '»', '"', '”', ':']);
        if finishes || last > own_last {
            let own_first = first;
            while first > 0 && own_first - first < 3 && self.runs_on(lines[first - 1], lines[first])
            {
                first -= 1;
            }
        }
        Span {
            start: lines[first].start.min(line.start),
            end: lines[last].end.max(line.end),
        }
    }

    /// The sentence holding `m`, run on over line breaks inside `line` (see [`Self::wrapped`]):
    /// sentences never cross a line break in [`Segments`], a wrapped sentence does.
    pub(super) fn sentence_of(&self, m: &RawMatch, line: Span) -> Span {
        let Some(mut s) = self.segs.sentence_at(m.start, m.end) else {
            return line;
        };
        let sentences = &self.segs.sentences;
        let finished = |x: Span| {
            self.text[x.start..x.end]
                .trim_end()
                .ends_with(['.', '!', '?', '»', '"', '”', ':'])
        };
        let j = sentences.partition_point(|x| x.start < s.start);
        let mut k = j;
        while k > 0 && sentences[k - 1].start >= line.start && !finished(sentences[k - 1]) {
            k -= 1;
            s.start = sentences[k].start;
            if j - k >= 3 {
                break;
            }
        }
        let mut k = j;
        while k + 1 < sentences.len() && sentences[k + 1].end <= line.end && !finished(s) {
            k += 1;
            s.end = sentences[k].end;
            if k - j >= 3 {
                break;
            }
        }
        s
    }
}
