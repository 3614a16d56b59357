//! The latest result of an asynchronous task (the dataset's load, a translation file's): what
//! Leptos' `LocalResource` does for this app, without its `Suspense` and transition machinery,
//! which the first screen does not use (about 5 KB of the first load's wasm, issue #17).

use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

use leptos::prelude::*;

/// Runs the task `start` makes, and again whenever a signal read while making it changes or
/// `rerun` is called. The signal holds the last result (kept while the next run is under way,
/// `None` before the first): a run that a newer one overtook leaves no result. With a `first`
/// result (awaited before the app mounted), the first run is that one: it reads no signal. A
/// rerun (a retry) clears the last result first, so that what shows it says it is loading.
pub fn use_task<T, F>(
    first: Option<T>,
    start: impl Fn() -> F + 'static,
) -> (ReadSignal<Option<T>, LocalStorage>, Rerun)
where
    T: 'static,
    F: Future<Output = T> + 'static,
{
    let given = first.is_some();
    let result = RwSignal::new_local(first);
    let runs = RwSignal::new(0u32);
    let latest = Rc::new(Cell::new(0u32));
    let reruns = Cell::new(0u32);
    super::super::dom::bind(Box::new(move || {
        let run = runs.get();
        if given && run == 0 {
            return;
        }
        if reruns.replace(run) != run {
            result.set(None);
        }
        let task = start();
        latest.set(run);
        let latest = latest.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let done = task.await;
            if latest.get() == run {
                result.try_set(Some(done));
            }
        });
    }));
    (result.read_only(), Rerun(runs))
}

/// Runs a [`use_task`] task again (a retry).
#[derive(Clone, Copy)]
pub struct Rerun(RwSignal<u32>);

impl Rerun {
    pub fn run(self) {
        self.0.update(|n| *n += 1);
    }
}
