//! Renders the static pages. (Work in progress.)

fn main() {}
