//! Claims are compared only inside one story: two articles stating the same figure of the same
//! unit confirm each other only when they are copies of one dispatch, or when they share at least
//! [`SHARED_NAMES`] rare proper names (names used by at most [`RARE_SHARE`] of the independent
//! voices — outlets, or stories of unknown outlets —, a name of one voice by at most that share of
//! the stories, and always when by at most [`RARE_MIN`]). "4 morts" in a 1980 bombing and in a 2018 shooting, or "6
//! party" in every KCNA item on the six-party talks and in a VOA report, no longer pool into one
//! corroborated claim.

use rustc_hash::FxHashMap;

use crate::model::ArticleFacts;

use super::ClaimGroup;

/// Rare names two articles must share to be about one event.
pub const SHARED_NAMES: usize = 2;
/// A name used by more than this share of the voices is not rare ("Macron" in a corpus about
/// the gilets jaunes).
pub const RARE_SHARE: f64 = 0.05;
/// A name used by at most this many voices is always rare.
pub const RARE_MIN: usize = 3;
/// Articles of one group compared pairwise; beyond this, each is compared with the previous ones
/// in id order up to this many, so a group of a million mentions stays linear.
const WINDOW: usize = 256;

/// Splits every group of `groups` into the stories its articles belong to, and points each
/// mention `(group, article, source)` at its new group. The mentions come in article id order
/// ([`super::groups::group`]), so the window and the numbering run in id order: the first story of
/// a group (the one of its smallest id) keeps its index; the others are appended, in order of
/// their smallest id.
/// # Complexity: O(Σ k·min(k, WINDOW)·names) over groups of k articles, plus O(n·names·log).
pub fn split_by_story(
    groups: &mut Vec<ClaimGroup>,
    mentions: &mut [(usize, usize, Option<&str>)],
    articles: &[ArticleFacts],
    story: &[usize],
    voice: &[usize],
) {
    // How common a name is counts independent voices (outlets, stories), not articles: an
    // outlet printing a name a hundred times does not make it common.
    let (df, voices) = name_counts(articles, voice);
    // A name of one voice is rare only when few of its stories (an article and its copies) use
    // it: in a feed scored alone every name has one voice, yet "DPRK" in half of KCNA's items
    // says nothing of which event two of them report. Names of several voices are judged by
    // their voices alone, so that reprinting an article changes no corroboration.
    let (story_df, stories) = name_counts(articles, story);
    let share = |n: usize| ((n as f64 * RARE_SHARE) as usize).max(RARE_MIN) as u32;
    let (limit, story_limit) = (share(voices), share(stories));
    let rare: Vec<Vec<u32>> = articles
        .iter()
        .map(|a| {
            a.names
                .iter()
                .copied()
                .filter(|h| match df.get(h) {
                    Some(1) => story_df.get(h).is_some_and(|&d| d <= story_limit),
                    Some(&d) => d <= limit,
                    None => false,
                })
                .collect()
        })
        .collect();
    let related =
        |x: usize, y: usize| story[x] == story[y] || shared(&rare[x], &rare[y]) >= SHARED_NAMES;
    // Distinct articles of each group, in mention order, that is id order (an article's mentions
    // of a group are never interleaved with another article's).
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    for &(g, ai, _) in mentions.iter() {
        if members[g].last() != Some(&ai) {
            members[g].push(ai);
        }
    }
    // (group, article) → new group.
    let mut remap: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    for g in 0..members.len() {
        let arts = &members[g];
        if arts.len() < 2 {
            continue;
        }
        let mut parent: Vec<usize> = (0..arts.len()).collect();
        fn find(p: &mut [usize], mut i: usize) -> usize {
            while p[i] != i {
                p[i] = p[p[i]];
                i = p[i];
            }
            i
        }
        for i in 1..arts.len() {
            for j in i.saturating_sub(WINDOW)..i {
                if related(arts[i], arts[j]) {
                    let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                    if a != b {
                        parent[a.max(b)] = a.min(b);
                    }
                }
            }
        }
        let mut new_of_root: FxHashMap<usize, usize> = FxHashMap::default();
        for (i, &art) in arts.iter().enumerate() {
            let root = find(&mut parent, i);
            let target = if root == find(&mut parent, 0) {
                g
            } else {
                *new_of_root.entry(root).or_insert_with(|| {
                    let mut copy = groups[g].clone();
                    copy.articles.clear();
                    copy.sources.clear();
                    groups.push(copy);
                    groups.len() - 1
                })
            };
            if target != g {
                remap.insert((g, art), target);
            }
        }
    }
    for m in mentions.iter_mut() {
        if let Some(&t) = remap.get(&(m.0, m.1)) {
            m.0 = t;
        }
    }
}

/// For each name, the number of distinct groups (`group[i]` of article `i`: its voice or its
/// story) whose articles use it; and the number of distinct groups.
/// # Complexity: O(n·names·log).
fn name_counts(articles: &[ArticleFacts], group: &[usize]) -> (FxHashMap<u32, u32>, usize) {
    let mut pairs: Vec<(u32, usize)> = articles
        .iter()
        .enumerate()
        .flat_map(|(i, a)| a.names.iter().map(move |&h| (h, group[i])))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    let mut counts: FxHashMap<u32, u32> = FxHashMap::default();
    for &(h, _) in &pairs {
        *counts.entry(h).or_insert(0) += 1;
    }
    let mut groups = group.to_vec();
    groups.sort_unstable();
    groups.dedup();
    (counts, groups.len())
}

/// Number of common elements of two sorted lists.
fn shared(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}
