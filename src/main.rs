//! Browser entry point: mounts the app into the page (see `ui::start`).

#[cfg(target_arch = "wasm32")]
fn main() {
    it_policy_explorer::ui::start();
}

/// The app only runs in a browser; natively this crate is a library of tested logic.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("I&T Policy Explorer runs in a browser: build it with `trunk build --release`.");
    std::process::exit(2);
}
