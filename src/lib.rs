//! I&T Policy Explorer.
//!
//! Plain modules (no browser APIs, tested natively with `cargo test`) hold the data model and
//! every piece of logic; `ui` (compiled for wasm32 only) renders them with Leptos.

pub mod charts;
pub mod check;
pub mod dates;
pub mod edition;
pub mod embedding;
pub mod export;
pub mod filter;
pub mod format;
pub mod geo;
pub mod i18n;
pub mod model;
pub mod text;
pub mod timeline;
pub mod validate;
pub mod view_state;
pub mod zh;

#[cfg(target_arch = "wasm32")]
pub mod ui;
