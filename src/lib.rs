//! diptych: read articles side by side. The library holds everything but
//! the command-line edge: loading ([`article`]), the alignment engine
//! ([`align`]) and non-interactive output ([`report`]).

pub mod align;
pub mod article;
pub mod corpus;
pub mod facts;
pub mod report;
