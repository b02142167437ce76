//! Facts found in the five seed articles, checked against what a reader of
//! the seeds finds by hand (see the hand-checked list in the README).

use diptych::article::demo::DEMO_CORPUS;
use diptych::article::{Article, parse_article};
use diptych::facts::{Fact, FactKind, extract_facts};
use diptych::report::facts_json;
use proptest::prelude::*;
use serde_json::Value;

fn seeds() -> Vec<Article> {
    DEMO_CORPUS
        .iter()
        .map(|(name, text)| parse_article(name, name, text))
        .collect()
}

fn fact_with(facts: &[Fact], kind: FactKind, text: &str) -> Fact {
    facts
        .iter()
        .find(|f| f.kind == kind && f.variants.iter().any(|v| v.text == text))
        .unwrap_or_else(|| panic!("no {kind:?} fact with a variant {text:?}"))
        .clone()
}

fn texts(fact: &Fact) -> Vec<&str> {
    fact.variants.iter().map(|v| v.text.as_str()).collect()
}

#[test]
fn name_spellings_group_into_discrepancies() {
    let facts = extract_facts(&seeds());
    let witkoff = fact_with(&facts, FactKind::Name, "Witkoff");
    assert!(witkoff.discrepancy);
    assert_eq!(texts(&witkoff), ["Witkoff", "Whitcoff"]);
    assert_eq!(witkoff.variants[1].articles(), [3]);
    let merz = fact_with(&facts, FactKind::Name, "Friedrich Merz");
    assert_eq!(texts(&merz), ["Friedrich Merz", "Merts", "Friedrich Murch"]);
    let zelensky = fact_with(&facts, FactKind::Name, "Zelensky");
    assert_eq!(texts(&zelensky), ["Zelensky", "Zelenskyy"]);
    assert_eq!(zelensky.variants[1].articles(), [4]);
    let donbas = fact_with(&facts, FactKind::Name, "Donbas");
    assert_eq!(texts(&donbas), ["Donbas", "Donbass"]);
    assert!(
        facts.iter().take_while(|f| f.discrepancy).count() >= 4,
        "discrepancies come first"
    );
}

#[test]
fn calendar_words_and_sentence_openers_are_never_names() {
    let facts = extract_facts(&seeds());
    for fact in facts.iter().filter(|f| f.kind == FactKind::Name) {
        for v in &fact.variants {
            let first = v.text.split(' ').next().unwrap_or("");
            assert!(
                ![
                    "The",
                    "However",
                    "Monday",
                    "December",
                    "Friday",
                    "Thursday",
                    "According",
                    "Asked"
                ]
                .contains(&first),
                "{:?} is not a name",
                v.text
            );
        }
    }
}

#[test]
fn numbers_carry_units_and_normalise() {
    let facts = extract_facts(&seeds());
    let eighty = fact_with(&facts, FactKind::Number, "80%");
    assert_eq!(eighty.articles(), [0, 1, 4]);
    assert!(!eighty.discrepancy);
    let ninety = fact_with(&facts, FactKind::Number, "90 percent");
    assert_eq!(ninety.variants[0].normalized, "90%");
    assert_eq!(ninety.articles(), [3]);
    fact_with(&facts, FactKind::Number, "14%");
    fact_with(&facts, FactKind::Number, "20%");
}

#[test]
fn date_orders_group_as_one_date() {
    let facts = extract_facts(&seeds());
    let fifteenth = fact_with(&facts, FactKind::Date, "15 December");
    assert_eq!(texts(&fifteenth), ["Monday, December 15", "15 December"]);
    assert!(fifteenth.variants.iter().all(|v| v.normalized == "--12-15"));
    assert!(!fifteenth.discrepancy);
}

#[test]
fn one_statement_quoted_three_ways_is_matched_with_a_word_diff() {
    let facts = extract_facts(&seeds());
    let quote = facts
        .iter()
        .find(|f| f.kind == FactKind::Quote && f.label.starts_with("We want to give"))
        .expect("the security-guarantee quote");
    assert_eq!(quote.articles(), [0, 1, 4]);
    assert!(quote.discrepancy);
    let second = &quote.variants[1];
    assert!(second.text.starts_with("We want to give the Ukrainians"));
    let inserted: Vec<&str> = second
        .diff
        .iter()
        .filter_map(|op| {
            op.right
                .filter(|_| op.op == diptych::align::DiffTag::Insert)
        })
        .map(|s| &second.text[s.range()])
        .collect();
    assert!(inserted.contains(&"the"), "{inserted:?}");
}

#[test]
fn attributions_name_their_sources() {
    let facts = extract_facts(&seeds());
    let phrases: Vec<String> = facts
        .iter()
        .filter(|f| f.kind == FactKind::Attribution)
        .flat_map(|f| f.variants.iter().map(|v| v.text.to_lowercase()))
        .collect();
    for wanted in [
        "according to axios",
        "according to politico",
        "according to zn.ua",
        "a senior us official said",
    ] {
        assert!(
            phrases.iter().any(|p| p == wanted),
            "missing {wanted:?} in {phrases:?}"
        );
    }
    assert!(
        !phrases.iter().any(|p| p.contains("current proposal")),
        "a proposal is no source"
    );
}

#[test]
fn json_keeps_the_contract_fields() {
    let articles = seeds();
    let json: Value =
        serde_json::from_str(&facts_json::render(&articles, &extract_facts(&articles)))
            .expect("json");
    let first = &json["facts"][0];
    assert_eq!(first["kind"], "name");
    assert_eq!(first["discrepancy"], true);
    let variant = &first["variants"][0];
    assert!(variant["text"].is_string());
    assert!(
        variant["articles"][0]
            .as_str()
            .is_some_and(|s| s.ends_with(".txt"))
    );
    assert!(variant["paragraphs"][0][0].is_string());
    assert!(variant["paragraphs"][0][1].is_u64());
    let whitcoff = json["facts"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|f| f["variants"].as_array().into_iter().flatten())
        .find(|v| v["text"] == "Whitcoff")
        .expect("Whitcoff variant");
    assert_eq!(whitcoff["articles"][0], "003_6d3aa61ff06ef825.txt");
    assert_eq!(
        whitcoff["paragraphs"][0],
        serde_json::json!(["003_6d3aa61ff06ef825.txt", 1])
    );
    // Sources can repeat, positions cannot: the added fields name the
    // article by its place in `articles`.
    assert_eq!(whitcoff["article_indices"], serde_json::json!([3]));
    assert_eq!(whitcoff["mentions"][0]["article_index"], 3);
    assert_eq!(json["articles"][3], "003_6d3aa61ff06ef825.txt");
    assert!(
        json["article_paths"][3]
            .as_str()
            .is_some_and(|p| p.ends_with("003_6d3aa61ff06ef825.txt"))
    );
}

/// A fact without article order: kind, discrepancy and variant texts with
/// the sources of their articles.
fn canonical(articles: &[Article], facts: &[Fact]) -> Vec<String> {
    let mut out: Vec<String> = facts
        .iter()
        .map(|f| {
            let mut variants: Vec<String> = f
                .variants
                .iter()
                .map(|v| {
                    let mut sources: Vec<&str> = v
                        .articles()
                        .iter()
                        .map(|&a| articles[a].source.as_str())
                        .collect();
                    sources.sort();
                    format!("{}@{}", v.text, sources.join(","))
                })
                .collect();
            variants.sort();
            format!("{:?}|{}|{}", f.kind, f.discrepancy, variants.join(";"))
        })
        .collect();
    out.sort();
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4))]
    #[test]
    fn grouping_does_not_depend_on_article_order(order in Just((0..5usize).collect::<Vec<_>>()).prop_shuffle()) {
        let articles = seeds();
        let shuffled: Vec<Article> = order.iter().map(|&i| articles[i].clone()).collect();
        prop_assert_eq!(
            canonical(&articles, &extract_facts(&articles)),
            canonical(&shuffled, &extract_facts(&shuffled))
        );
    }
}
