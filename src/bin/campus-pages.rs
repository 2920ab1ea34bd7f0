//! `campus-pages`: writes the static pages of a built site (see
//! `campus::static_site`): one `index.html` per page a visitor can land on,
//! each course included, then `sitemap.xml` and `robots.txt`. It reads the
//! catalogue given (by default the site's own `catalogue.json`), so that a
//! deployment regenerates its pages whenever its catalogue changes, without
//! recompiling the app.
//!
//! ```text
//! campus-pages --site-url https://campus.example.gouv.fr/ [--dist dist]
//!              [--catalogue dist/catalogue.json] [--config dist/config.json]
//! ```

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use campus::catalogue::explore::Explorer;
use campus::catalogue::loader::LoadedCatalogue;
use campus::catalogue::model::Parsed;
use campus::config::Config;
use campus::static_site::render::render_page;
use campus::static_site::{
    page_html, pristine_shell, robots_txt, sitemaps, static_routes, SiteUrl,
};

const USAGE: &str =
    "usage: campus-pages --site-url URL [--dist DIR] [--catalogue FILE] [--config FILE]";

struct Args {
    dist: PathBuf,
    catalogue: Option<PathBuf>,
    config: Option<PathBuf>,
    site_url: String,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        dist: PathBuf::from("dist"),
        catalogue: None,
        config: None,
        site_url: std::env::var("CAMPUS_SITE_URL").unwrap_or_default(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value\n{USAGE}"));
        match flag.as_str() {
            "--dist" => args.dist = PathBuf::from(value()?),
            "--catalogue" => args.catalogue = Some(PathBuf::from(value()?)),
            "--config" => args.config = Some(PathBuf::from(value()?)),
            "--site-url" => args.site_url = value()?,
            "-h" | "--help" => return Err(USAGE.into()),
            other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
        }
    }
    if args.site_url.is_empty() {
        return Err(format!(
            "--site-url (or CAMPUS_SITE_URL) is required\n{USAGE}"
        ));
    }
    Ok(args)
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

fn run() -> Result<(), String> {
    let started = Instant::now();
    let args = parse_args()?;
    let site = SiteUrl::parse(&args.site_url).map_err(|e| e.to_string())?;
    let shell_path = args.dist.join("index.html");
    let shell = pristine_shell(&read(&shell_path)?).map_err(|e| e.to_string())?;

    let config = match &args.config {
        Some(path) => Config::parse(&read(path)?).0,
        None => match fs::read_to_string(args.dist.join("config.json")) {
            Ok(text) => Config::parse(&text).0,
            Err(_) => Config::default(),
        },
    };
    let catalogue_path = args
        .catalogue
        .clone()
        .unwrap_or_else(|| args.dist.join("catalogue.json"));
    let parsed = Parsed::from_json(&read(&catalogue_path)?)
        .map_err(|e| format!("{}: {e}", catalogue_path.display()))?;
    for skipped in &parsed.skipped {
        eprintln!(
            "campus-pages: course #{} ({}) skipped: {}",
            skipped.index,
            skipped.id.as_deref().unwrap_or("no id"),
            skipped.reason
        );
    }
    let updated = parsed.catalogue.updated.clone();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let skipped = parsed.skipped.len();
    let catalogue = Arc::new(LoadedCatalogue {
        explorer: Explorer::new(parsed.catalogue, now),
        skipped,
    });

    // Course folders of an earlier run may name courses that are gone.
    let courses_dir = args.dist.join("formation");
    if courses_dir.is_dir() {
        fs::remove_dir_all(&courses_dir).map_err(|e| format!("{}: {e}", courses_dir.display()))?;
    }

    let ids = catalogue
        .explorer
        .catalogue
        .courses
        .iter()
        .map(|c| c.id.as_str());
    let routes = static_routes(ids);
    let unfiled = catalogue.explorer.catalogue.courses.len()
        + campus::routes::Route::FIXED_STATIC.len()
        - routes.len();
    let mut urls = Vec::with_capacity(routes.len());
    for route in &routes {
        let page = render_page(route, &config, &catalogue, &site);
        let html = page_html(&shell, &site, &page.head, &page.body).map_err(|e| e.to_string())?;
        write(
            &args.dist.join(&page.head.static_path).join("index.html"),
            &html,
        )?;
        urls.push(site.page(&page.head.static_path));
    }
    let lastmod = updated.get(..10);
    for (name, xml) in sitemaps(&site, &urls, lastmod) {
        write(&args.dist.join(name), &xml)?;
    }
    write(&args.dist.join("robots.txt"), &robots_txt(&site))?;
    println!(
        "campus-pages: {} pages ({} courses{}) for {} in {} ms",
        routes.len(),
        routes.len() - campus::routes::Route::FIXED_STATIC.len(),
        if unfiled > 0 {
            format!(", {unfiled} without a folder: their id is not a plain slug")
        } else {
            String::new()
        },
        site.as_str(),
        started.elapsed().as_millis()
    );
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("campus-pages: {message}");
            ExitCode::FAILURE
        }
    }
}
