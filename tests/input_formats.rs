//! Every input format on fixtures of real shapes (tests/fixtures/inputs):
//! the story comes out paragraph by paragraph with its kinds, and the page
//! furniture either does not come out at all or comes out as boilerplate
//! or caption, which the aligner leaves out of similarity.

use diptych::article::{
    Article, InputFormat, Kind, LoadError, LoadOptions, load_inputs, load_inputs_with,
};

const FIXTURES: &str = "tests/fixtures/inputs";

fn load(name: &str) -> Vec<Article> {
    let path = format!("{FIXTURES}/{name}");
    match load_inputs(std::slice::from_ref(&path), &mut std::io::empty()) {
        Ok(loaded) => loaded.articles,
        Err(e) => panic!("{path}: {e}"),
    }
}

fn one(name: &str) -> Article {
    let mut articles = load(name);
    assert_eq!(articles.len(), 1, "{name}");
    articles.remove(0)
}

/// The story as (kind, text), furniture left out.
fn story(article: &Article) -> Vec<(Kind, &str)> {
    article
        .paragraphs
        .iter()
        .filter(|p| p.kind.is_story())
        .map(|p| (p.kind, p.text.as_str()))
        .collect()
}

fn of_kind(article: &Article, kind: Kind) -> Vec<&str> {
    article
        .paragraphs
        .iter()
        .filter(|p| p.kind == kind)
        .map(|p| p.text.as_str())
        .collect()
}

fn assert_absent(article: &Article, junk: &[&str]) {
    for p in &article.paragraphs {
        for j in junk {
            assert!(
                !p.text.contains(j),
                "{}: junk {j:?} in {:?}",
                article.path,
                p.text
            );
        }
    }
}

use Kind::{Body, Heading, ListItem};

// The news page and the Markdown file tell the same story.
const HEADLINE: &str = "City council votes to close the Harbour Bridge for a year";
const CABLES: &str = "The city council voted on Tuesday to close the Harbour Bridge to all traffic from June, after engineers found corrosion in three of its main cables.";
const COMMUTERS: &str = "What changes for commuters";
const FERRIES: &str = "Ferry services will run every 12 minutes at peak times.";
const PONTOON: &str = "Cyclists and pedestrians can use a temporary pontoon.";
const MAYOR: &str = "“We cannot take any risk with a structure that carries 40,000 people a day,” said the mayor, Anna Lindqvist.";
const CAPTION: &str = "The Harbour Bridge at dusk. Photo: Reuters";
const READ_MORE: &str = "Read more: Tram line extension delayed again";

#[test]
fn news_page_keeps_the_story_and_drops_nav_ads_banner_and_related() {
    let article = one("news.html");
    assert_eq!(
        story(&article),
        [
            (Heading, HEADLINE),
            (Body, CABLES),
            (
                Body,
                "The closure will last about a year and cost an estimated €48 million, the council said in a statement — almost twice the figure it gave in 2023."
            ),
            (Heading, COMMUTERS),
            (
                Body,
                "Buses will be diverted over the Eastern Causeway, adding between 10 and 15 minutes to most journeys, the transport authority said."
            ),
            (ListItem, FERRIES),
            (ListItem, PONTOON),
            (
                ListItem,
                "Parking fees at the Marina car park will be waived."
            ),
            (Body, MAYOR),
            (
                Body,
                "Opposition councillors criticised the timing, saying the works should have started in winter, when traffic is lighter and tourists are fewer."
            ),
        ]
    );
    assert_eq!(of_kind(&article, Kind::Caption), [CAPTION]);
    assert_eq!(of_kind(&article, Kind::Boilerplate), [READ_MORE]);
    assert_absent(
        &article,
        &[
            "cookies",
            "Accept all",
            "Advertisement",
            "Phone X",
            "Holiday deals",
            "Share on",
            "Related stories",
            "Ferry operator",
            "morning briefing",
            "Subscribe",
            "All rights reserved",
            "Business",
            "UA-000",
            "dataLayer",
            "font-family",
        ],
    );
    assert_eq!(article.title, HEADLINE);
    assert_eq!(article.meta.byline.as_deref(), Some("Maria Keller"));
    assert_eq!(
        article.meta.published.as_deref(),
        Some("2025-03-04T09:30:00Z")
    );
    assert_eq!(article.meta.site.as_deref(), Some("The Harbour Times"));
    assert_eq!(article.meta.format, Some("html"));
}

#[test]
fn blog_post_without_article_element_drops_sidebar_comments_and_share() {
    let article = one("blog.html");
    assert_eq!(
        story(&article),
        [
            (Heading, "Why I stopped digging my vegetable beds"),
            (
                Body,
                "For twenty years I turned over every bed each autumn, because that is what my father did and what the books told me to do. Three years ago I stopped, and I have not looked back."
            ),
            (
                Body,
                "The soil on my allotment is heavy clay. Digging it left great slabs that dried hard in spring, and every winter the rain washed the bare surface into the paths."
            ),
            (Heading, "What I do instead"),
            (
                ListItem,
                "Spread five centimetres of garden compost on each bed in November."
            ),
            (
                ListItem,
                "Leave the roots of finished crops in the ground to rot."
            ),
            (ListItem, "Plant straight into the compost with a trowel."),
            (
                Body,
                "The worms do the work the spade used to do. My leeks this year were the best I have grown, and I spent a fraction of the time on my knees."
            ),
            (
                Body,
                "If you garden on light sandy soil the gains may be smaller, but I would still try it on one bed before you decide."
            ),
        ]
    );
    assert_absent(
        &article,
        &[
            "Share this",
            "Great post",
            "Archives",
            "Powered by",
            "Tags:",
            "Seed swap",
            "Posted on",
        ],
    );
    assert_eq!(article.meta.byline.as_deref(), Some("Ruth Evans"));
    assert_eq!(article.meta.published.as_deref(), Some("2024-10-12"));
}

#[test]
fn amp_page_drops_amp_ads_sidebar_and_consent() {
    let article = one("amp.html");
    let story = story(&article);
    assert_eq!(story[0], (Heading, "Rare owl spotted in city park"));
    assert_eq!(story.len(), 5);
    assert!(story[1..].iter().all(|(k, _)| *k == Body));
    assert!(story[3].1.starts_with("Park wardens have fenced off"));
    assert_absent(
        &article,
        &[
            "cookies",
            "Advertisement",
            "Weather",
            "©",
            "OK",
            "-amp-start",
        ],
    );
    assert_eq!(article.meta.byline.as_deref(), Some("Tom Baker"));
    assert_eq!(
        article.meta.published.as_deref(),
        Some("2025-01-20T08:00:00Z")
    );
}

#[test]
fn page_without_paragraph_markup_splits_at_double_line_breaks() {
    let article = one("no-article.html");
    assert_eq!(
        story(&article),
        [
            (
                Heading,
                "Village fete raises record sum for the church roof"
            ),
            (
                Body,
                "The summer fete at Little Hadley raised £6,240 on Saturday, the most in its ninety-year history, organisers said."
            ),
            (
                Body,
                "More than a thousand visitors came for the dog show, the tug of war and a cake stall that sold out before noon. The vicar, the Reverend Jane Pike, thanked “every baker, every steward and every dog”."
            ),
            (
                Body,
                "The money will go towards replacing the lead on the church roof, which was stolen in March. Work is due to start in September."
            ),
        ]
    );
    assert_absent(
        &article,
        &["Login", "Most popular", "Bus timetable", "volunteers"],
    );
}

#[test]
fn declared_legacy_charsets_are_decoded() {
    let ukrainian = one("windows-1251.html");
    assert_eq!(ukrainian.title, "Міст через гавань закриють на ремонт");
    assert!(
        story(&ukrainian)
            .iter()
            .any(|(_, t)| t.starts_with("Ремонт триватиме близько року"))
    );
    assert_eq!(
        of_kind(&ukrainian, Kind::Boilerplate),
        ["Читайте також: Подовження трамвайної лінії знову відклали"]
    );
    assert_absent(&ukrainian, &["Головна", "\u{fffd}"]);
    assert!(ukrainian.notes.is_empty(), "{:?}", ukrainian.notes);

    let french = one("iso-8859-1.html");
    assert_eq!(french.title, "Le café du port rouvre ses portes");
    assert!(
        story(&french)
            .iter()
            .any(|(_, t)| t.contains("« Nous avons tout refait, du comptoir jusqu'aux chaises »"))
    );
    assert_absent(&french, &["Accueil", "Partager", "\u{fffd}"]);
}

#[test]
fn markdown_gives_kinds_from_markup_and_links_as_text() {
    let article = one("article.md");
    assert_eq!(
        story(&article),
        [
            (Heading, HEADLINE),
            (Body, CABLES),
            (
                Body,
                "The closure will last about a year and cost an estimated €48 million, the council said in a statement."
            ),
            (Heading, COMMUTERS),
            (ListItem, FERRIES),
            (ListItem, PONTOON),
            (Body, MAYOR),
        ]
    );
    assert_eq!(of_kind(&article, Kind::Caption), [CAPTION]);
    assert_eq!(
        of_kind(&article, Kind::Boilerplate),
        [
            READ_MORE,
            "Share this article",
            "Ask me anything",
            "Explore related questions"
        ]
    );
    assert_absent(&article, &["](", "bridge.jpg", "**"]);
    assert_eq!(article.meta.byline.as_deref(), Some("Maria Keller"));
    assert_eq!(article.meta.published.as_deref(), Some("2025-03-04"));
}

#[test]
fn json_single_article_with_body() {
    let article = one("single.json");
    assert_eq!(
        story(&article),
        [
            (Heading, HEADLINE),
            (
                Body,
                "The city council voted on Tuesday to close the Harbour Bridge from June."
            ),
            (
                Body,
                "The closure will last about a year, the council said."
            ),
        ]
    );
    assert_eq!(
        of_kind(&article, Kind::Boilerplate),
        ["Read more", "Support our journalism: donate today"]
    );
    assert_eq!(article.source, "Harbour Wire");
    assert_eq!(article.path, "tests/fixtures/inputs/single.json");
    assert_eq!(
        article.meta.url.as_deref(),
        Some("https://example.org/wire/bridge")
    );
    assert_eq!(article.meta.byline.as_deref(), Some("Wire staff"));
    assert_eq!(
        article.meta.published.as_deref(),
        Some("2025-03-04T10:00:00Z")
    );
}

#[test]
fn json_array_gives_one_article_each() {
    let articles = load("array.json");
    let names: Vec<(&str, &str, &str)> = articles
        .iter()
        .map(|a| (a.path.as_str(), a.source.as_str(), a.title.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            (
                "tests/fixtures/inputs/array.json#1",
                "Outlet A",
                "Bridge to close for a year"
            ),
            (
                "tests/fixtures/inputs/array.json#2",
                "Outlet B",
                "Harbour Bridge closure approved"
            ),
        ]
    );
    assert_eq!(
        story(&articles[1])[1..],
        [
            (
                Body,
                "Councillors approved the closure of the Harbour Bridge on Tuesday."
            ),
            (
                Body,
                "Ferries will run more often while the bridge is shut."
            ),
        ]
    );
    assert_eq!(of_kind(&articles[1], Kind::Boilerplate), ["Share this:"]);

    let picked = load("array.json#2");
    assert_eq!(picked.len(), 1);
    assert_eq!(picked[0].source, "Outlet B");
    assert_eq!(one("single.json#1").source, "Harbour Wire");
    let error = load_inputs(&[format!("{FIXTURES}/array.json#3")], &mut std::io::empty())
        .expect_err("no third article");
    assert_eq!(
        error.to_string(),
        "tests/fixtures/inputs/array.json#3: no article 3: tests/fixtures/inputs/array.json holds 2"
    );
}

#[test]
fn malformed_json_is_one_line_with_file_line_and_column() {
    let path = format!("{FIXTURES}/malformed.json");
    let error = load_inputs(&[path], &mut std::io::empty()).expect_err("malformed");
    assert!(matches!(error, LoadError::Json { .. }));
    assert_eq!(
        error.to_string(),
        "tests/fixtures/inputs/malformed.json: invalid JSON at line 6, column 3: expected `,` or `]`"
    );
}

#[test]
fn a_directory_picks_up_every_format() {
    let dir = std::env::temp_dir().join(format!("diptych-formats-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for name in ["news.html", "article.md", "array.json"] {
        std::fs::copy(format!("{FIXTURES}/{name}"), dir.join(name)).expect("copy");
    }
    std::fs::write(dir.join("notes.txt"), "Plain text.").expect("write");
    std::fs::write(dir.join("page.htm"), "<p>Old extension.</p>").expect("write");
    std::fs::write(dir.join("photo.png"), [0x89, b'P', b'N', b'G', 0]).expect("write");
    let loaded = load_inputs(&[dir.display().to_string()], &mut std::io::empty());
    std::fs::remove_dir_all(&dir).expect("clean up");
    let formats: Vec<&str> = loaded
        .expect("loads")
        .articles
        .iter()
        .map(|a| a.meta.format.unwrap_or("?"))
        .collect();
    assert_eq!(
        formats,
        ["json", "json", "markdown", "html", "text", "html"]
    );
}

#[test]
fn forced_format_overrides_the_extension() {
    let options = LoadOptions {
        format: InputFormat::Text,
        ..LoadOptions::default()
    };
    let path = format!("{FIXTURES}/article.md");
    let loaded = load_inputs_with(&[path], &mut std::io::empty(), &options).expect("loads");
    let article = &loaded.articles[0];
    assert_eq!(article.meta.format, Some("text"));
    assert!(
        article
            .paragraphs
            .iter()
            .any(|p| p.text.contains("](https://"))
    );
}
