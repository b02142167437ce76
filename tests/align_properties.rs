//! Properties of the alignment engine that must hold for any input: every
//! unit accounted for once, self-alignment is the identity, swapping the
//! inputs mirrors the links, shuffled paragraphs are found and flagged.

use std::collections::BTreeSet;

use diptych::align::{AlignOptions, Alignment, DiffTag, Granularity, align};
use diptych::article::{Article, parse_article};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "talks",
    "guarantee",
    "Ukraine",
    "security",
    "official",
    "said",
    "peace",
    "deal",
    "Berlin",
    "Monday",
    "leaders",
    "European",
    "plan",
    "Congress",
    "territory",
    "Russia",
    "agreement",
    "meeting",
    "proposal",
    "president",
    "the",
    "of",
    "and",
    "to",
    "a",
    "in",
    "that",
    "would",
    "strong",
    "binding",
    "offer",
    "zone",
    "vote",
    "progress",
    "envoy",
    "Kushner",
    "Witkoff",
    "80%",
    "December",
    "15",
    "Київ",
    "переговори",
    "東京",
    "会議",
    "“quoted”",
    "don’t",
    "—",
    "émigré",
];

/// A paragraph of 6–24 vocabulary words; `marker` makes it unique.
fn paragraph(marker: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 6..24).prop_map(move |words| {
        let mut text = format!("Item{marker} ");
        text.push_str(&words.join(" "));
        text.push('.');
        text
    })
}

/// 1–12 distinct paragraphs.
fn paragraphs() -> impl Strategy<Value = Vec<String>> {
    (1usize..12).prop_flat_map(|n| (0..n).map(paragraph).collect::<Vec<_>>())
}

fn article(name: &str, paragraphs: &[String]) -> Article {
    parse_article(name, name, &paragraphs.join("\n\n"))
}

fn granularity() -> impl Strategy<Value = Granularity> {
    prop_oneof![Just(Granularity::Paragraph), Just(Granularity::Sentence)]
}

fn options(granularity: Granularity) -> AlignOptions {
    AlignOptions {
        granularity,
        include_boilerplate: false,
    }
}

/// Every unit in exactly one group; indices and diff spans in range, on
/// character boundaries, and on the right side of each op.
fn assert_well_formed(alignment: &Alignment) {
    let mut left_seen = vec![0; alignment.left.len()];
    let mut right_seen = vec![0; alignment.right.len()];
    for group in &alignment.groups {
        assert!(!(group.left.is_empty() && group.right.is_empty()));
        assert!((0.0..=1.0).contains(&group.score));
        group.left.iter().for_each(|&i| left_seen[i] += 1);
        group.right.iter().for_each(|&i| right_seen[i] += 1);
        for op in &group.diff {
            match op.op {
                DiffTag::Equal => assert!(op.left.is_some() && op.right.is_some()),
                DiffTag::Delete => assert!(op.left.is_some() && op.right.is_none()),
                DiffTag::Insert => assert!(op.left.is_none() && op.right.is_some()),
                DiffTag::Moved => assert!(op.left.is_some() || op.right.is_some()),
            }
            for (span, units, members) in [
                (op.left, &alignment.left, &group.left),
                (op.right, &alignment.right, &group.right),
            ] {
                if let Some(span) = span {
                    assert!(members.contains(&span.unit()));
                    let text = &units[span.unit()].text;
                    assert!(span.start() < span.end() && span.end() <= text.len());
                    assert!(
                        text.is_char_boundary(span.start()) && text.is_char_boundary(span.end())
                    );
                }
            }
        }
    }
    assert!(
        left_seen.iter().all(|&n| n == 1),
        "left units covered {left_seen:?}"
    );
    assert!(
        right_seen.iter().all(|&n| n == 1),
        "right units covered {right_seen:?}"
    );
}

/// (left, right, score in 1/10000, moved) of every group, sides swapped
/// when `mirror` is set.
fn link_set(alignment: &Alignment, mirror: bool) -> BTreeSet<(Vec<usize>, Vec<usize>, i64, bool)> {
    alignment
        .groups
        .iter()
        .map(|g| {
            let score = (g.score * 10_000.0).round() as i64;
            if mirror {
                (g.right.clone(), g.left.clone(), score, g.moved)
            } else {
                (g.left.clone(), g.right.clone(), score, g.moved)
            }
        })
        .collect()
}

fn longest_increasing(values: &[usize]) -> usize {
    let mut tails: Vec<usize> = Vec::new();
    for &v in values {
        let at = tails.partition_point(|&t| t < v);
        if at == tails.len() {
            tails.push(v);
        } else {
            tails[at] = v;
        }
    }
    tails.len()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn any_text_pair_is_well_formed(a in paragraphs(), b in paragraphs(), g in granularity()) {
        assert_well_formed(&align(&article("a", &a), &article("b", &b), options(g)));
    }

    #[test]
    fn arbitrary_unicode_is_well_formed(a in "\\PC{0,300}", b in "\\PC{0,300}", g in granularity()) {
        let (a, b) = (parse_article("a", "a", &a), parse_article("b", "b", &b));
        assert_well_formed(&align(&a, &b, options(g)));
    }

    #[test]
    fn a_text_against_itself_is_the_identity(a in paragraphs(), g in granularity()) {
        let text = article("a", &a);
        let alignment = align(&text, &text, options(g));
        assert_well_formed(&alignment);
        for (index, group) in alignment.groups.iter().enumerate() {
            prop_assert_eq!(&group.left, &vec![index]);
            prop_assert_eq!(&group.right, &vec![index]);
            prop_assert_eq!(group.score, 1.0);
            prop_assert!(!group.moved);
            prop_assert!(group.diff.iter().all(|op| op.op == DiffTag::Equal));
        }
        prop_assert!((alignment.similarity - 1.0).abs() < 1e-9);
    }

    #[test]
    fn swapping_sides_mirrors_the_links(a in paragraphs(), b in paragraphs(), g in granularity()) {
        let (a, b) = (article("a", &a), article("b", &b));
        let forward = align(&a, &b, options(g));
        let backward = align(&b, &a, options(g));
        prop_assert_eq!(link_set(&forward, false), link_set(&backward, true));
        prop_assert!((forward.similarity - backward.similarity).abs() < 1e-9);
    }

    #[test]
    fn shuffled_paragraphs_are_all_found(
        (a, order) in paragraphs().prop_flat_map(|a| {
            let n = a.len();
            (Just(a), Just((0..n).collect::<Vec<_>>()).prop_shuffle())
        })
    ) {
        let shuffled: Vec<String> = order.iter().map(|&i| a[i].clone()).collect();
        let alignment = align(&article("a", &a), &article("b", &shuffled), AlignOptions::default());
        assert_well_formed(&alignment);
        let mut in_place = Vec::new();
        for group in &alignment.groups {
            prop_assert_eq!(group.left.len(), 1);
            prop_assert_eq!(group.right.len(), 1);
            prop_assert_eq!(order[group.right[0]], group.left[0]);
            prop_assert_eq!(group.score, 1.0);
            if !group.moved {
                in_place.push(group.right[0]);
            }
        }
        // Groups come in left order; those not flagged keep their order on
        // the right too, and are at most a longest increasing run.
        prop_assert!(in_place.windows(2).all(|w| w[0] < w[1]));
        let position_of: Vec<usize> = (0..a.len()).map(|i| order.iter().position(|&o| o == i).unwrap_or(0)).collect();
        prop_assert!(in_place.len() <= longest_increasing(&position_of));
        let identity = order.iter().enumerate().all(|(i, &o)| i == o);
        prop_assert_eq!(identity, alignment.groups.iter().all(|g| !g.moved));
    }

    #[test]
    fn one_paragraph_moved_far_is_the_only_move(
        (a, from, to) in (4usize..12).prop_flat_map(|n| {
            ((0..n).map(paragraph).collect::<Vec<_>>(), 0..n, 0..n)
        }).prop_filter("moved at least two places", |(_, from, to)| from.abs_diff(*to) >= 2)
    ) {
        let mut b = a.clone();
        let moved = b.remove(from);
        b.insert(to, moved);
        let alignment = align(&article("a", &a), &article("b", &b), AlignOptions::default());
        let flagged: Vec<usize> = alignment.groups.iter().filter(|g| g.moved).flat_map(|g| g.left.clone()).collect();
        prop_assert_eq!(flagged, vec![from]);
    }
}

#[test]
fn output_is_deterministic() {
    let a = article(
        "a",
        &[
            "One two three four five six.".into(),
            "Seven eight nine ten.".into(),
        ],
    );
    let b = article(
        "b",
        &[
            "Seven eight nine eleven.".into(),
            "One two three four five.".into(),
        ],
    );
    let first = format!("{:?}", align(&a, &b, AlignOptions::default()));
    for _ in 0..5 {
        assert_eq!(
            format!("{:?}", align(&a, &b, AlignOptions::default())),
            first
        );
    }
}
