//! User Timing marks around the expensive steps (parse, index build, search), so
//! that benchmarks read real figures from the running app with a
//! `PerformanceObserver`, and developers see them in the browser's profiler.

/// Runs `f` and records its duration as a `performance.measure` named `name`.
pub fn measure<T>(name: &str, f: impl FnOnce() -> T) -> T {
    if cfg!(not(target_arch = "wasm32")) {
        return f();
    }
    let Some(performance) = web_sys::window().and_then(|w| w.performance()) else {
        return f();
    };
    let start = format!("{name}:start");
    let end = format!("{name}:end");
    let _ = performance.mark(&start);
    let result = f();
    let _ = performance.mark(&end);
    // Keep the buffers small: observers have already been notified.
    performance.clear_measures_with_measure_name(name);
    let _ = performance.measure_with_start_mark_and_end_mark(name, &start, &end);
    performance.clear_marks_with_mark_name(&start);
    performance.clear_marks_with_mark_name(&end);
    result
}

/// Milliseconds since the page started.
pub fn now_ms() -> f64 {
    if cfg!(not(target_arch = "wasm32")) {
        return 0.0;
    }
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Records a `performance.measure` named `name` from `start` to `end` (ms since
/// the page started), for work measured in pieces (see [`Phase`]).
pub fn record(name: &str, start: f64, end: f64) {
    use js_sys::{Function, Object, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    if cfg!(not(target_arch = "wasm32")) {
        return;
    }
    let Some(performance) = web_sys::window().and_then(|w| w.performance()) else {
        return;
    };
    let options = Object::new();
    let _ = Reflect::set(&options, &"start".into(), &JsValue::from_f64(start));
    let _ = Reflect::set(&options, &"end".into(), &JsValue::from_f64(end));
    if let Some(measure) = Reflect::get(&performance, &"measure".into())
        .ok()
        .and_then(|m| m.dyn_into::<Function>().ok())
    {
        performance.clear_measures_with_measure_name(name);
        let _ = measure.call2(&performance, &JsValue::from_str(name), &options);
    }
}

/// A step that runs in slices, with yields between them: [`Phase::end`]
/// records a `performance.measure` named as the step, from its start to its end
/// (the yields included: the time the user waits).
#[derive(Debug)]
pub struct Phase {
    name: &'static str,
    start: f64,
}

impl Phase {
    /// Starts the step `name` now.
    pub fn start(name: &'static str) -> Phase {
        Phase {
            name,
            start: now_ms(),
        }
    }

    /// Ends it now and records it.
    pub fn end(self) {
        record(self.name, self.start, now_ms());
    }
}
