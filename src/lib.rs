//! diptych: read articles side by side. The library holds everything but
//! the command-line edge and the terminal: loading ([`article`]), the
//! alignment engine ([`align`]), non-interactive output ([`report`]), the
//! reader's state ([`app`]) and its widgets ([`ui`]).

pub mod align;
pub mod app;
pub mod article;
mod ascii;
mod chars;
pub mod config;
pub mod corpus;
pub mod facts;
mod hash;
pub mod parallel;
pub mod progress;
pub mod report;
#[cfg(feature = "serve")]
pub mod serve;
#[cfg(test)]
mod test_rng;
pub mod ui;
mod width;
