//! Entry point: mounts the app in the browser.

fn main() {
    #[cfg(feature = "csr")]
    campus::start();
}
