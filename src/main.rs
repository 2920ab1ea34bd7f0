//! Entry point: mounts the app in the browser.

fn main() {
    #[cfg(target_arch = "wasm32")]
    campus::start();
}
