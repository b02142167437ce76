//! `diptych report --format json`: the report's data for scripts. The
//! `facts` entries are exactly `diptych facts --format json`'s and `pair`
//! is exactly `diptych align --format json`'s, so one parser reads all.

use serde::Serialize;
use serde_json::Value;

use super::corpus::CorpusReport;
use super::{align_json, facts_json};

#[derive(Serialize)]
struct ReportDocument<'a> {
    articles: Vec<ArticleDocument<'a>>,
    /// `similarity[a][b]`, indices into `articles`.
    similarity: &'a [Vec<f64>],
    most_similar: Option<(usize, usize)>,
    facts: Vec<facts_json::FactDocument<'a>>,
    pair: PairDocument,
}

#[derive(Serialize)]
struct ArticleDocument<'a> {
    source: &'a str,
    path: &'a str,
    title: &'a str,
    words: usize,
    /// Per paragraph: the other articles (indices) that carry it.
    carried_by: Vec<Vec<usize>>,
    /// Story paragraphs no other article carries.
    unique: Vec<usize>,
}

#[derive(Serialize)]
struct PairDocument {
    left: usize,
    right: usize,
    alignment: Value,
}

/// Pretty-printed JSON of the whole report.
pub fn render(report: &CorpusReport) -> String {
    let coverage = &report.comparison.coverage;
    let articles = report
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| ArticleDocument {
            source: &a.source,
            path: &a.path,
            title: &a.title,
            words: a.word_count(),
            carried_by: (0..a.paragraphs.len())
                .map(|p| coverage.carriers(i, p))
                .collect(),
            unique: coverage.unique(i),
        })
        .collect();
    let (left, right) = report.pair_articles();
    let alignment = serde_json::from_str(&align_json::render(left, right, report.alignment))
        .unwrap_or(Value::Null);
    let document = ReportDocument {
        articles,
        similarity: &report.comparison.matrix.values,
        most_similar: report.comparison.matrix.most_similar(),
        facts: report
            .facts
            .iter()
            .map(|f| facts_json::fact_document(report.articles, f))
            .collect(),
        pair: PairDocument {
            left: report.pair.0,
            right: report.pair.1,
            alignment,
        },
    };
    // Plain structs of strings and numbers always serialise.
    serde_json::to_string_pretty(&document).unwrap_or_default() + "\n"
}
