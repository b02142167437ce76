//! Fact extraction on small synthetic texts, in English, German, French
//! and Ukrainian: the structural rules must hold beyond English copy.

use diptych::article::{Article, parse_article};
use diptych::facts::{FactKind, extract_facts};

fn articles(texts: &[&str]) -> Vec<Article> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| parse_article(&format!("{i}.txt"), &format!("{i}.txt"), t))
        .collect()
}

fn labels(texts: &[&str], kind: FactKind) -> Vec<String> {
    let mut out: Vec<String> = extract_facts(&articles(texts))
        .into_iter()
        .filter(|f| f.kind == kind)
        .flat_map(|f| f.variants.into_iter().map(|v| v.text))
        .collect();
    out.sort();
    out
}

#[test]
fn german_nouns_are_not_names_but_names_are() {
    let text = "Bundeskanzler Friedrich Merz sagte am Montag in Berlin, die Regierung werde die Ukraine \
                unterstützen. Die Regierung plant mit Paris und Warschau eine Konferenz. \
                Am 15. Dezember sprach Merz mit Selenskyj über 90 Prozent der Fragen.";
    let names = labels(&[text], FactKind::Name);
    assert!(names.contains(&"Berlin".to_string()), "{names:?}");
    assert!(names.iter().any(|n| n.contains("Merz")), "{names:?}");
    for noun in [
        "Regierung",
        "Konferenz",
        "Fragen",
        "Montag",
        "Dezember",
        "Die",
        "Am",
    ] {
        assert!(
            !names.iter().any(|n| n.contains(noun)),
            "{noun} in {names:?}"
        );
    }
    assert_eq!(labels(&[text], FactKind::Number), ["90 Prozent"]);
    assert_eq!(labels(&[text], FactKind::Date), ["15. Dezember"]);
}

#[test]
fn french_names_dates_quotes_and_sources() {
    let a = "Selon Le Monde, le président Emmanuel Macron a reçu Volodymyr Zelensky lundi 15 décembre à Paris. \
             « Nous sommes prêts à aider l'Ukraine », a déclaré le président.";
    let b = "Emmanuel Macron a rencontré Volodymyr Zelenskyy à Paris le 15 décembre. \
             « Nous sommes prêts à soutenir l'Ukraine », a-t-il dit.";
    let facts = extract_facts(&articles(&[a, b]));
    let zelensky = facts
        .iter()
        .find(|f| f.kind == FactKind::Name && f.label.contains("Zelensky"))
        .expect("Zelensky");
    assert!(zelensky.discrepancy);
    let date = facts
        .iter()
        .find(|f| f.kind == FactKind::Date)
        .expect("date");
    assert_eq!(date.articles(), [0, 1]);
    let quote = facts
        .iter()
        .find(|f| f.kind == FactKind::Quote)
        .expect("quote");
    assert_eq!(quote.articles(), [0, 1]);
    assert!(quote.discrepancy, "aider / soutenir");
    let sources = labels(&[a, b], FactKind::Attribution);
    assert!(
        sources.contains(&"Selon Le Monde".to_string()),
        "{sources:?}"
    );
    let names = labels(&[a, b], FactKind::Name);
    assert!(
        !names
            .iter()
            .any(|n| n.starts_with("Selon") || n.starts_with("Nous")),
        "{names:?}"
    );
}

#[test]
fn ukrainian_dates_and_transliterated_names() {
    let a = "Зустріч відбулася 6 серпня 2025 року. Посланник Віткофф прибув до Москви.";
    let b = "The meeting took place on 6 August 2025. Envoy Witkoff arrived in Moscow.";
    let facts = extract_facts(&articles(&[a, b]));
    let date = facts
        .iter()
        .find(|f| f.kind == FactKind::Date)
        .expect("date");
    assert_eq!(date.variants.len(), 2);
    assert!(date.variants.iter().all(|v| v.normalized == "2025-08-06"));
    let witkoff = facts
        .iter()
        .find(|f| f.kind == FactKind::Name && f.variants.iter().any(|v| v.text == "Witkoff"))
        .expect("Witkoff");
    assert!(
        witkoff.variants.iter().any(|v| v.text == "Віткофф"),
        "{witkoff:?}"
    );
    assert!(!witkoff.discrepancy, "a transliteration is no misspelling");
}

#[test]
fn conflicting_figures_for_one_statement_are_a_discrepancy() {
    let a = "Russia currently controls about 20% of Ukraine, officials said in Kyiv.";
    let b = "Russia currently controls about 18% of Ukraine, officials said in Kiev.";
    let facts = extract_facts(&articles(&[a, b]));
    let figure = facts
        .iter()
        .find(|f| f.kind == FactKind::Number)
        .expect("number");
    assert!(figure.discrepancy, "{figure:?}");
    assert_eq!(figure.variants.len(), 2);
    let kyiv = facts
        .iter()
        .find(|f| f.kind == FactKind::Name && f.label.starts_with("K"))
        .expect("Kyiv");
    assert_eq!(kyiv.variants.len(), 2, "Kyiv / Kiev");
}

#[test]
fn different_weekdays_for_one_day_disagree() {
    let facts = extract_facts(&articles(&[
        "Talks began on Monday, December 15 in Berlin.",
        "Talks began on Tuesday, December 15 in Berlin.",
    ]));
    let date = facts
        .iter()
        .find(|f| f.kind == FactKind::Date)
        .expect("date");
    assert!(date.discrepancy);
}

#[test]
fn empty_and_odd_input_gives_no_facts_and_no_panic() {
    for text in [
        "",
        "“",
        "\"\"\"",
        "U.S.",
        "1,",
        "«»",
        "Dec. 32",
        "‘’’’",
        "$",
        "50 %",
    ] {
        let _ = extract_facts(&articles(&[text, text]));
    }
}
