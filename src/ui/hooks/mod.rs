//! Browser plumbing shared by the views, one small file each, named in the style of leptos-use
//! (`use_…` returns a signal that follows the browser and lets go when its owner is dropped).
//! The views use these instead of their own listeners: one way to measure an element's width
//! (or to wait until it has been laid out), one media query follower, one way to attach a set of
//! event listeners, one focus module, one way to follow a task, one way for a view to bring its
//! stylesheet.

mod element_width;
mod event_listeners;
pub mod focus;
mod media_query;
mod modifier_click;
mod task;
mod view_style;

pub use element_width::{resize_observer, use_element_width, when_laid_out};
pub use event_listeners::{listen, use_event_listeners};
pub use media_query::use_media_query;
pub use modifier_click::is_modified_click;
pub use task::{use_task, Rerun};
pub use view_style::adopt_view_style;
