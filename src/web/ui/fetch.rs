//! GET with a time limit, aborted when superseded: the one way the app fetches
//! its configuration and catalogue.

use std::cell::Cell;
use std::rc::Rc;

use gloo_net::http::Request;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

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
/// [`get_text_sliced`] at most: a few milliseconds of work.
const DECODE_PIECE: u32 = 1 << 20;

/// Calls `object.name()` (a method looked up at run time).
fn call_method(object: &JsValue, name: &str) -> Option<JsValue> {
    let method = js_sys::Reflect::get(object, &name.into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    method.call0(object).ok()
}

/// The body of `response` as it arrives, chunk by chunk (a `ReadableStream`
/// reader): no single copy of the whole document on the main thread. `None` if
/// the body is not a stream (then read it with `arrayBuffer()`).
async fn body_chunks(
    response: &web_sys::Response,
    slicer: &mut crate::ui::tasks::Slicer,
) -> Option<Result<Vec<js_sys::Uint8Array>, String>> {
    use js_sys::Reflect;
    let body = Reflect::get(response, &"body".into()).ok()?;
    if body.is_null() || body.is_undefined() {
        return None;
    }
    let reader = call_method(&body, "getReader")?;
    let mut chunks = Vec::new();
    loop {
        let Some(promise) =
            call_method(&reader, "read").and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
        else {
            return Some(Err("the body cannot be read".into()));
        };
        let result = match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(result) => result,
            Err(e) => return Some(Err(format!("{e:?}"))),
        };
        let done = Reflect::get(&result, &"done".into())
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            return Some(Ok(chunks));
        }
        if let Some(chunk) = Reflect::get(&result, &"value".into())
            .ok()
            .and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok())
        {
            chunks.push(chunk);
        }
        slicer.tick().await;
    }
}

/// Fetches `url` as text, giving up after `timeout_ms`, like [`get_text`], but
/// reads the body as it arrives and decodes it a piece at a time (UTF-8, a
/// leading byte order mark dropped and U+FFFD for invalid sequences, as
/// `Response.text()` does), yielding to the browser between slices: a document
/// of hundreds of megabytes never blocks the page for long. The decoding (once
/// the body is all there) is recorded as the measure `campus:decode`.
pub async fn get_text_sliced(url: &str, timeout_ms: i32) -> Result<String, FetchError> {
    use crate::ui::perf::Phase;
    use crate::ui::tasks::Slicer;
    use campus_core::catalogue::scan::Utf8Stream;

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
    let response = web_sys::Response::from(response);
    let mut slicer = Slicer::new();
    let chunks = match body_chunks(&response, &mut slicer).await {
        Some(chunks) => chunks.map_err(failed)?,
        None => {
            let promise = response
                .array_buffer()
                .map_err(|e| failed(format!("{e:?}")))?;
            let buffer = wasm_bindgen_futures::JsFuture::from(promise)
                .await
                .map_err(|e| failed(format!("{e:?}")))?;
            vec![js_sys::Uint8Array::new(&buffer)]
        }
    };
    drop(guard);

    let phase = Phase::start("campus:decode");
    let total: u64 = chunks.iter().map(|c| u64::from(c.length())).sum();
    let mut stream = usize::try_from(total)
        .ok()
        .and_then(Utf8Stream::try_with_capacity)
        .ok_or_else(|| FetchError::Network(format!("{total} bytes: too large")))?;
    let mut piece: Vec<u8> = Vec::new();
    for chunk in chunks {
        let length = chunk.length();
        let mut start = 0u32;
        while start < length {
            let end = start.saturating_add(DECODE_PIECE).min(length);
            piece.resize((end - start) as usize, 0);
            chunk.subarray(start, end).copy_to(&mut piece);
            stream.push(&piece);
            start = end;
            slicer.tick().await;
        }
    }
    let text = stream.finish();
    phase.end();
    Ok(text)
}
