//! Renders one page's body with the app's own views (Leptos's server-side
//! renderer, natively): the same `App` the browser mounts, given the page, the
//! configuration and the catalogue in place of the browser (`ui::boot`).

use std::sync::{Arc, Mutex};

use leptos::prelude::*;

use super::structured_data::course_json_ld;
use super::{PageHead, SiteUrl};
use campus::catalogue::loader::{summary_of, LoadedCatalogue, PrerenderedCatalogue};
use campus::ui::boot::Prerender;
use campus_core::catalogue::excerpt::{CourseExcerpt, SIMILAR_COURSES};
use campus_core::config::Config;
use campus_core::i18n::typography::french_spacing;
use campus_core::i18n::{Locale, Text};
use campus_core::routes::{render_static_links, Location, PageData, Route};

/// One rendered page: its head and its body's HTML.
pub struct RenderedPage {
    /// Title, description, canonical path, JSON-LD.
    pub head: PageHead,
    /// The app's markup for this page.
    pub body: String,
}

/// Renders `route` as a first-time visitor in French would see it.
pub fn render_page(
    route: &Route,
    config: &Config,
    catalogue: &Arc<LoadedCatalogue>,
    site: &SiteUrl,
) -> RenderedPage {
    let title = Arc::new(Mutex::new(String::new()));
    let summary = (route.data() == PageData::Summary)
        .then(|| Arc::new(summary_of(catalogue, &config.catalogue_url)));
    let prerender = Prerender {
        location: Location {
            route: route.clone(),
            query: String::new(),
        },
        config: config.clone(),
        site_url: site.as_str().to_owned(),
        title: Arc::clone(&title),
        summary: summary.clone(),
    };
    let owner = Owner::new();
    let body = owner.with(|| {
        provide_context(prerender);
        provide_context(PrerenderedCatalogue(Arc::clone(catalogue)));
        render_static_links(route, || view! { <campus::app::App /> }.to_html())
    });
    drop(owner);
    // The renderer marks where a view's parts meet with `<!>` and comments
    // (for hydration, which a static page never does: the app draws its own
    // page). `<!>` is a bogus comment to an HTML checker (RGAA 8.2); neither
    // is worth its bytes.
    let body = super::strip_comments(&body, &[]);
    let static_path = route.static_path().unwrap_or_default();
    let title = title.lock().map(|t| t.clone()).unwrap_or_default();
    let title = if title.is_empty() {
        Text::ServiceName.get(Locale::Fr).to_owned()
    } else {
        title
    };
    let (description, json_ld) = match route {
        Route::Course(id) => match catalogue
            .explorer
            .position(id)
            .map(|i| &catalogue.explorer.catalogue.courses[i])
        {
            Some(course) => (
                french_spacing(&course.summary).into_owned(),
                Some(course_json_ld(
                    course,
                    &site.page(&static_path),
                    catalogue.explorer.now(),
                )),
            ),
            None => (Text::FooterDescription.get(Locale::Fr).to_owned(), None),
        },
        other => (description(other).to_owned(), None),
    };
    RenderedPage {
        head: PageHead {
            title,
            description,
            static_path,
            json_ld,
            data: route.data(),
            page_data: match route {
                Route::Course(id) => course_excerpt(catalogue, id, &config.catalogue_url),
                _ => summary.map(|s| s.to_json()),
            },
            indexed: route.is_indexed(),
            folders: campus_core::routes::folders_stamp(
                catalogue
                    .explorer
                    .catalogue
                    .courses
                    .iter()
                    .map(|c| c.id.as_str()),
            ),
        },
        body,
    }
}

/// The excerpt of the whole catalogue a course page carries (see
/// `catalogue::excerpt`), with the similar courses the whole one ranks.
fn course_excerpt(catalogue: &LoadedCatalogue, id: &str, catalogue_url: &str) -> Option<String> {
    let explorer = &catalogue.explorer;
    let position = explorer.position(id)?;
    let similar = explorer
        .similar(position, SIMILAR_COURSES)
        .into_iter()
        .map(|doc| explorer.catalogue.courses[doc as usize].id.clone())
        .collect();
    CourseExcerpt::of(
        &explorer.catalogue,
        id,
        similar,
        catalogue.skipped,
        catalogue_url,
    )
    .map(|e| e.to_json())
}

/// The generic course page (`formation/?id=…`): the course it opens is in
/// its address, so its file has no content, only the loading message, until
/// the live app shows the course. `folders`: the stamp of the course folders.
pub fn generic_course_page(folders: String) -> RenderedPage {
    RenderedPage {
        head: PageHead {
            title: Text::ServiceName.get(Locale::Fr).to_owned(),
            description: Text::FooterDescription.get(Locale::Fr).to_owned(),
            static_path: super::generic_course_path(),
            json_ld: None,
            data: PageData::Catalogue,
            page_data: None,
            indexed: false,
            folders,
        },
        body: String::new(),
    }
}

/// The meta description of a page other than a course.
fn description(route: &Route) -> &'static str {
    use campus_core::application::form::FormId;
    let text = match route {
        Route::Home => Text::HomeLead,
        Route::Catalogue => Text::CatalogueIntro,
        Route::TrainerCall => Text::TrainerCallIntro,
        Route::FormStart(FormId::Trainer) => Text::MetaApplication,
        Route::FormStart(FormId::Request) => Text::MetaRequest,
        Route::Accessibility | Route::LegalNotice | Route::PersonalData | Route::Sitemap => {
            Text::MetaInfo
        }
        _ => Text::FooterDescription,
    };
    text.get(Locale::Fr)
}
