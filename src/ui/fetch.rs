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

/// Bytes copied into the app's memory and decoded per step of
/// [`get_text_sliced`]: a few milliseconds of work.
const DECODE_PIECE: u32 = 1 << 22;

/// Fetches `url` as text, giving up after `timeout_ms`, like [`get_text`], but
/// decodes it a piece at a time (as bytes, then UTF-8 with U+FFFD for invalid
/// sequences, as `Response.text()` does), yielding to the browser between
/// slices: a document of hundreds of megabytes never blocks the page for long.
/// The decoding is recorded as the measure `campus:decode`.
pub async fn get_text_sliced(url: &str, timeout_ms: i32) -> Result<String, FetchError> {
    use crate::catalogue::scan::Utf8Stream;
    use crate::ui::perf::Phase;
    use crate::ui::tasks::Slicer;

    let (guard, signal, fired) = request_deadline(timeout_ms);
    let failed = |e: String| {
        if fired.get() {
            FetchError::Timeout
        } else {
            FetchError::Network(e)
        }
    };
    let response = Request::get(url)
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(|e| failed(e.to_string()))?;
    if !response.ok() {
        return Err(FetchError::Status(
            response.status(),
            response.status_text(),
        ));
    }
    let promise = web_sys::Response::from(response)
        .array_buffer()
        .map_err(|e| failed(format!("{e:?}")))?;
    let buffer = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|e| failed(format!("{e:?}")))?;
    drop(guard);
    let phase = Phase::start("campus:decode");
    let bytes = js_sys::Uint8Array::new(&buffer);
    let total = bytes.length();
    let mut stream = Utf8Stream::with_capacity(total as usize);
    let mut piece = vec![0u8; DECODE_PIECE.min(total) as usize];
    let mut slicer = Slicer::new();
    let mut start = 0u32;
    while start < total {
        let end = start.saturating_add(DECODE_PIECE).min(total);
        let len = (end - start) as usize;
        if let Some(target) = piece.get_mut(..len) {
            bytes.subarray(start, end).copy_to(target);
            stream.push(target);
        }
        start = end;
        slicer.tick().await;
    }
    drop(piece);
    let text = stream.finish();
    phase.end();
    Ok(text)
}
