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
