//! `campus-pages`: writes the static pages of a built site (see
//! `campus_tools::static_site`): one `index.html` per page a visitor can land on,
//! each course included, then `sitemap.xml` and `robots.txt`, the calendar
//! feeds (`calendriers/`, `campus_core::catalogue::feeds`) and the Atom feed
//! (`nouveautes.atom`, `campus_core::catalogue::atom`). It reads the
//! catalogue given (by default the site's own `catalogue.json`), so that a
//! deployment regenerates its pages whenever its catalogue changes, without
//! recompiling the app.
//!
//! ```text
//! campus-pages --site-url https://campus.example.gouv.fr/ [--dist dist]
//!              [--catalogue dist/catalogue.json] [--config dist/config.json]
//! ```
//!
//! Built with the `sheets` feature (which it requires), the catalogue may
//! also be the campus team's sheet (`.ods`, `.xlsx`, `.csv`):
//! it is imported as `campus-catalogue import` does (`campus_tools::sheets`), its
//! report printed, and a sheet with errors stops the command before anything
//! is written. The imported catalogue is written to `dist/catalogue.json`, the
//! file the live app loads, once the pages are written.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use campus::catalogue::loader::LoadedCatalogue;
use campus_core::catalogue::atom::{atom_feed, ATOM_PATH};
use campus_core::catalogue::explore::Explorer;
use campus_core::catalogue::feeds::{calendar_feeds, FEEDS_DIR};
use campus_core::catalogue::model::Parsed;
use campus_core::catalogue::summary::{Summary, SUMMARY_SESSIONS};
use campus_core::config::Config;
use campus_tools::static_site::render::{generic_course_page, render_page};
use campus_tools::static_site::{
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

/// The catalogue's JSON, and whether it came from a sheet (then it is to be
/// written into the site).
fn read_catalogue(path: &Path, now: i64) -> Result<(String, bool), String> {
    use campus_tools::sheets::{import::Options, messages::Outcome, read::is_sheet_path};
    if !is_sheet_path(path) {
        return Ok((read(path)?, false));
    }
    let (y, m, d) = campus_core::util::dates::civil_from_days(now.div_euclid(86_400));
    let options = Options {
        base: None,
        today: format!("{y:04}-{m:02}-{d:02}"),
    };
    let imported = campus_tools::sheets::import_path(path, &options);
    let outcome = match imported.json {
        Some(_) => Outcome::Written("dist".into()),
        None => Outcome::NothingWritten,
    };
    eprint!(
        "{}",
        imported
            .report
            .text(&outcome, campus_core::i18n::Locale::Fr)
    );
    match imported.json {
        Some(json) => Ok((json, true)),
        None => Err(format!(
            "{}: the sheet has errors (see the report above); no page was written",
            path.display()
        )),
    }
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Removes `dir` and what it holds, if it exists. A few tries: a build tool
/// that has just replaced the folder around it may still be finishing.
fn remove_dir(dir: &Path) -> Result<(), String> {
    let mut tries = 0;
    while dir.exists() {
        match fs::remove_dir_all(dir) {
            Ok(()) => break,
            Err(e) if tries < 10 => {
                tries += 1;
                eprintln!("campus-pages: {}: {e}; trying again", dir.display());
                std::thread::sleep(std::time::Duration::from_millis(300));
            }
            Err(e) => return Err(format!("{}: {e}", dir.display())),
        }
    }
    Ok(())
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
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let (catalogue_json, from_sheet) = read_catalogue(&catalogue_path, now)?;
    let parsed = Parsed::from_json(&catalogue_json)
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
    let skipped = parsed.skipped.len();
    let explorer = Explorer::new(parsed.catalogue, now);
    let summary = Summary::of(&explorer.catalogue, "", now, SUMMARY_SESSIONS);
    let catalogue = Arc::new(LoadedCatalogue {
        explorer,
        skipped,
        excerpt: None,
        similar_built: Default::default(),
        summary: Some(summary),
    });

    // Course folders of an earlier run may name courses that are gone.
    let courses_dir = args.dist.join("formation");
    remove_dir(&courses_dir)?;

    let ids = catalogue
        .explorer
        .catalogue
        .courses
        .iter()
        .map(|c| c.id.as_str());
    let routes = static_routes(ids.clone());
    let folders = campus_core::routes::folders_stamp(ids);
    let fixed = campus_core::routes::Route::fixed().len();
    let unfiled = catalogue.explorer.catalogue.courses.len() + fixed - routes.len();
    let mut urls = Vec::with_capacity(routes.len());
    let pages = routes
        .iter()
        .map(|route| render_page(route, &config, &catalogue, &site))
        .chain([generic_course_page(folders)]);
    for page in pages {
        let html = page_html(&shell, &site, &page.head, &page.body).map_err(|e| e.to_string())?;
        write(
            &args.dist.join(&page.head.static_path).join("index.html"),
            &html,
        )?;
        if page.head.indexed {
            urls.push(site.page(&page.head.static_path));
        }
    }
    let lastmod = updated.get(..10);
    for (name, xml) in sitemaps(&site, &urls, lastmod) {
        write(&args.dist.join(name), &xml)?;
    }
    write(&args.dist.join("robots.txt"), &robots_txt(&site))?;
    // The calendar feeds and the Atom feed, from the same catalogue.
    let feeds_dir = args.dist.join(FEEDS_DIR);
    remove_dir(&feeds_dir)?;
    let feeds = calendar_feeds(&catalogue.explorer.catalogue, site.as_str(), now);
    for feed in &feeds {
        write(&args.dist.join(&feed.path), &feed.ics)?;
    }
    write(
        &args.dist.join(ATOM_PATH),
        &atom_feed(&catalogue.explorer.catalogue, site.as_str(), now),
    )?;
    if from_sheet {
        // The catalogue the live app loads is the one the pages show.
        write(&args.dist.join("catalogue.json"), &catalogue_json)?;
    }
    println!(
        "campus-pages: {} pages ({} courses{}), {} calendar feeds and {ATOM_PATH} for {} in {} ms",
        routes.len() + 1,
        routes.len() - fixed,
        if unfiled > 0 {
            format!(", {unfiled} without a folder: their id is not a plain slug")
        } else {
            String::new()
        },
        feeds.len(),
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
