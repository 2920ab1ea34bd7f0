//! Long work in slices: a time budget per slice, then a yield to the browser
//! (which handles input and paints) before the next slice. Every sliced job
//! (`campus_core::catalogue::sliced::Sliced`) runs through [`run_in_slices`].

use js_sys::{Function, Reflect};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::perf::now_ms;
use campus_core::catalogue::sliced::Sliced;

/// Longest a slice of work runs before the page gets the main thread back.
/// Lighthouse's mobile model counts a task's time ×4, and blocking time over
/// 50 ms: a task under 12.5 ms here adds none. The slice leaves room in those
/// 12.5 ms for the step that overshoots it and for V8's compilation of the wasm
/// functions the step calls for the first time (lazy, on the main thread, at
/// the first call: up to ~10 ms in the first slices). The yields cost ~0.1 ms.
pub const SLICE_MS: f64 = 5.0;

/// Posts `resolve` as a new task through a `MessageChannel` (unlike
/// `setTimeout(0)`, never clamped to 4 ms once nested); `false` if unavailable.
fn post_task(resolve: &Function) -> bool {
    let global = js_sys::global();
    let Some(channel) = Reflect::get(&global, &"MessageChannel".into())
        .ok()
        .and_then(|c| c.dyn_into::<Function>().ok())
        .and_then(|c| Reflect::construct(&c, &js_sys::Array::new()).ok())
    else {
        return false;
    };
    let (Ok(port1), Ok(port2)) = (
        Reflect::get(&channel, &"port1".into()),
        Reflect::get(&channel, &"port2".into()),
    ) else {
        return false;
    };
    let Some(post) = Reflect::get(&port2, &"postMessage".into())
        .ok()
        .and_then(|p| p.dyn_into::<Function>().ok())
    else {
        return false;
    };
    let resolve = resolve.clone();
    let receiving = port1.clone();
    let on_message = Closure::once_into_js(move |_: JsValue| {
        // Close the channel: it served its one message.
        if let Some(close) = Reflect::get(&receiving, &"close".into())
            .ok()
            .and_then(|c| c.dyn_into::<Function>().ok())
        {
            let _ = close.call0(&receiving);
        }
        let _ = resolve.call0(&JsValue::UNDEFINED);
    });
    // Setting `onmessage` starts the port.
    Reflect::set(&port1, &"onmessage".into(), &on_message).is_ok()
        && post.call1(&port2, &JsValue::UNDEFINED).is_ok()
}

/// Gives the main thread back to the browser until its next task.
pub async fn next_task() {
    if cfg!(not(target_arch = "wasm32")) {
        return;
    }
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if post_task(&resolve) {
            return;
        }
        let timer = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .ok()
        });
        if timer.is_none() {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Measures slices of work: [`Slicer::tick`] after each small step yields to
/// the browser once the slice has run [`SLICE_MS`]. Also keeps the longest
/// step seen (between two ticks), to report work that could not be split.
#[derive(Debug)]
pub struct Slicer {
    slice_start: f64,
    step_start: f64,
    /// Longest step so far: (start, end), in ms since the page started.
    pub longest_step: (f64, f64),
    /// Slices so far.
    pub slices: u32,
}

impl Slicer {
    /// Starts the first slice now.
    pub fn new() -> Slicer {
        let now = now_ms();
        Slicer {
            slice_start: now,
            step_start: now,
            longest_step: (now, now),
            slices: 1,
        }
    }

    /// Call after each step: yields when the slice's time is up.
    pub async fn tick(&mut self) {
        let now = now_ms();
        if now - self.step_start > self.longest_step.1 - self.longest_step.0 {
            self.longest_step = (self.step_start, now);
        }
        if now - self.slice_start >= SLICE_MS {
            next_task().await;
            self.slice_start = now_ms();
            self.slices += 1;
        }
        self.step_start = now_ms();
    }
}

/// Runs `job` to its end, `units` units of work per step, yielding to the
/// browser once a slice has run [`SLICE_MS`] (and after the last step, as the
/// slice's time allows): its output, and its longest step (start, end), in ms
/// since the page started.
pub async fn run_in_slices<J: Sliced>(mut job: J, units: usize) -> (J::Output, (f64, f64)) {
    let mut slicer = Slicer::new();
    loop {
        let done = job.step(units);
        slicer.tick().await;
        if done {
            break;
        }
    }
    (job.finish(), slicer.longest_step)
}

impl Default for Slicer {
    fn default() -> Slicer {
        Slicer::new()
    }
}
