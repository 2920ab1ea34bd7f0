//! GET with a time limit, aborted when superseded: the one way the app fetches
//! its configuration and catalogue.

use std::cell::Cell;
use std::rc::Rc;

use gloo_net::http::Request;
use wasm_bindgen::{closure::Closure, JsCast};

/// Why a GET failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// No answer within the time limit.
    Timeout,
    /// Network failure (offline, refused, reset, CORS).
    Network(String),
    /// An HTTP error status.
    Status(u16, String),
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FetchError::Timeout => f.write_str("timeout"),
            FetchError::Network(why) => f.write_str(why),
            FetchError::Status(code, text) => write!(f, "HTTP {code} {text}"),
        }
    }
}

/// Aborts the request and clears its timer when dropped (a superseded or
/// abandoned fetch does not keep running).
pub(crate) struct Guard {
    controller: Option<web_sys::AbortController>,
    timer: Option<i32>,
}

impl Drop for Guard {
    fn drop(&mut self) {
        if let (Some(w), Some(t)) = (web_sys::window(), self.timer) {
            w.clear_timeout_with_handle(t);
        }
        if let Some(c) = &self.controller {
            c.abort();
        }
    }
}

/// A controller whose signal aborts after `timeout_ms`; the flag tells whether
/// the timer fired. Dropping the guard aborts and clears the timer.
pub(crate) fn request_deadline(
    timeout_ms: i32,
) -> (Guard, Option<web_sys::AbortSignal>, Rc<Cell<bool>>) {
    let fired = Rc::new(Cell::new(false));
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let timer = controller.clone().and_then(|c| {
        let fired = fired.clone();
        let abort = Closure::once_into_js(move || {
            fired.set(true);
            c.abort();
        });
        web_sys::window()?
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                abort.unchecked_ref(),
                timeout_ms,
            )
            .ok()
    });
    (Guard { controller, timer }, signal, fired)
}

/// Fetches `url` as text, giving up after `timeout_ms`.
pub async fn get_text(url: &str, timeout_ms: i32) -> Result<String, FetchError> {
    let (guard, signal, fired) = request_deadline(timeout_ms);
    let failed = |e: gloo_net::Error| {
        if fired.get() {
            FetchError::Timeout
        } else {
            FetchError::Network(e.to_string())
        }
    };
    let response = Request::get(url)
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(failed)?;
    if !response.ok() {
        return Err(FetchError::Status(
            response.status(),
            response.status_text(),
        ));
    }
    let text = response.text().await.map_err(failed)?;
    drop(guard);
    Ok(text)
}
