//! One module per subcommand; each takes its parsed arguments and does the
//! whole job, reporting failure as an `anyhow::Error`.

pub mod align;
pub mod config;
pub mod docs;
pub mod facts;
mod progress_bar;
pub mod read;
pub mod report;
#[cfg(feature = "serve")]
pub mod serve;
