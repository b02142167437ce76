//! Coverage: for every paragraph of every article, which other articles
//! carry it (have a paragraph linked to it), and so which paragraphs only
//! one article has. Built from the pairwise alignment links.

use std::collections::BTreeSet;

use serde::Serialize;

use super::PairAlignment;
use crate::article::Article;

/// `carried_by[article][paragraph]`: the other articles that link it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Coverage {
    pub carried_by: Vec<Vec<BTreeSet<usize>>>,
    /// Parallel to `carried_by`: whether the paragraph is story text
    /// (page furniture is never "unique content").
    pub story: Vec<Vec<bool>>,
}

impl Coverage {
    /// Collects every link of every pair.
    pub fn from_pairs(articles: &[Article], pairs: &[PairAlignment]) -> Self {
        let mut carried_by: Vec<Vec<BTreeSet<usize>>> = articles
            .iter()
            .map(|a| vec![BTreeSet::new(); a.paragraphs.len()])
            .collect();
        for pair in pairs {
            let al = &pair.alignment;
            for group in al.groups.iter().filter(|g| g.is_link()) {
                for &unit in &group.left {
                    let paragraph = al.left[unit].paragraph;
                    carried_by[pair.left][paragraph].insert(pair.right);
                }
                for &unit in &group.right {
                    let paragraph = al.right[unit].paragraph;
                    carried_by[pair.right][paragraph].insert(pair.left);
                }
            }
        }
        let story = articles
            .iter()
            .map(|a| a.paragraphs.iter().map(|p| p.kind.is_story()).collect())
            .collect();
        Coverage { carried_by, story }
    }

    /// The other articles carrying paragraph `paragraph` of `article`.
    pub fn carriers(&self, article: usize, paragraph: usize) -> Vec<usize> {
        self.carried_by
            .get(article)
            .and_then(|ps| ps.get(paragraph))
            .map(|set| set.iter().copied().collect())
            .unwrap_or_default()
    }

    /// Story paragraphs of `article` that no other article carries.
    pub fn unique(&self, article: usize) -> Vec<usize> {
        let Some(paragraphs) = self.carried_by.get(article) else {
            return Vec::new();
        };
        paragraphs
            .iter()
            .enumerate()
            .filter(|(i, set)| set.is_empty() && self.story[article][*i])
            .map(|(i, _)| i)
            .collect()
    }

    /// Share of `article`'s story paragraphs that another article carries.
    pub fn shared_share(&self, article: usize) -> f64 {
        let story = self
            .story
            .get(article)
            .map_or(0, |s| s.iter().filter(|b| **b).count());
        if story == 0 {
            return 0.0;
        }
        1.0 - self.unique(article).len() as f64 / story as f64
    }
}
