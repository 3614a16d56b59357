//! I&T Policy Explorer.
//!
//! Plain modules (no browser APIs, tested natively with `cargo test`) hold the data model and
//! every piece of logic; `ui` (compiled for wasm32 only) renders them with Leptos. What only the
//! dataset tests use (`validate`, the date-phrase reader, whitespace normalisation) is compiled
//! natively only.

pub mod charts;
pub mod check;
pub mod dates;
pub mod edition;
pub mod embedding;
pub mod export;
pub mod filter;
pub mod format;
pub mod geo;
pub mod gesture;
pub mod i18n;
pub mod json;
pub mod model;
pub mod order;
pub mod pack;
pub mod text;
pub mod timeline;
/// The checks of the dataset against the paper's text: run by the dataset tests, never by the
/// app, so not compiled for wasm.
#[cfg(not(target_arch = "wasm32"))]
pub mod validate;
pub mod view_state;
pub mod zh;
pub mod zh_code;

#[cfg(target_arch = "wasm32")]
pub mod ui;
