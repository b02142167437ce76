//! Non-interactive output: the same comparison the reader shows, as JSON
//! for scripts and as text for people and pipes.

pub mod align_json;
pub mod align_text;
pub mod facts_json;
pub mod facts_text;
mod marks;

pub use marks::{Mark, marked_segments};
