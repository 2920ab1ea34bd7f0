//! The stable URL spellings of the catalogue's values (the contract's own
//! words, in French: `presentiel`, `decouverte`…), shared by the filters, the
//! catalogue's address, the exports and the forms' options; and the duration
//! bands the catalogue filters by, and the orders it sorts in.

use super::model::{Audience, Format, Kind, Level};

/// Duration bands offered as a filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DurationBand {
    /// Under 3 hours.
    Short,
    /// 3 to 7 hours (up to a day).
    Day,
    /// More than 7 and up to 21 hours (a few days).
    Days,
    /// More than 21 hours.
    Long,
}

impl DurationBand {
    /// Every band, in display order.
    pub const ALL: [DurationBand; 4] = [
        DurationBand::Short,
        DurationBand::Day,
        DurationBand::Days,
        DurationBand::Long,
    ];

    /// The band of a duration in hours.
    pub fn of(hours: f32) -> DurationBand {
        if hours < 3.0 {
            DurationBand::Short
        } else if hours <= 7.0 {
            DurationBand::Day
        } else if hours <= 21.0 {
            DurationBand::Days
        } else {
            DurationBand::Long
        }
    }
}

/// Stable URL values of the enums (the contract's own spellings, in French).
pub trait UrlValue: Sized + Copy + 'static {
    /// Every value.
    const VALUES: &'static [Self];
    /// The URL spelling.
    fn url_value(self) -> &'static str;
    /// Parses a URL spelling.
    fn from_url_value(s: &str) -> Option<Self> {
        Self::VALUES.iter().copied().find(|v| v.url_value() == s)
    }
}

impl UrlValue for Kind {
    const VALUES: &'static [Self] = &[Kind::Parcours, Kind::Module, Kind::SurMesure];
    fn url_value(self) -> &'static str {
        match self {
            Kind::Parcours => "parcours",
            Kind::Module => "module",
            Kind::SurMesure => "sur-mesure",
        }
    }
}

impl UrlValue for Format {
    const VALUES: &'static [Self] = &[
        Format::ELearning,
        Format::Distanciel,
        Format::Presentiel,
        Format::Hybride,
    ];
    fn url_value(self) -> &'static str {
        match self {
            Format::ELearning => "e-learning",
            Format::Distanciel => "distanciel",
            Format::Presentiel => "presentiel",
            Format::Hybride => "hybride",
        }
    }
}

impl UrlValue for Level {
    const VALUES: &'static [Self] = &[Level::Decouverte, Level::Intermediaire, Level::Expert];
    fn url_value(self) -> &'static str {
        match self {
            Level::Decouverte => "decouverte",
            Level::Intermediaire => "intermediaire",
            Level::Expert => "expert",
        }
    }
}

impl UrlValue for Audience {
    const VALUES: &'static [Self] = &[
        Audience::TousAgents,
        Audience::AgentsNumerique,
        Audience::Managers,
        Audience::CadresDirigeants,
    ];
    fn url_value(self) -> &'static str {
        match self {
            Audience::TousAgents => "tous-agents",
            Audience::AgentsNumerique => "agents-numerique",
            Audience::Managers => "managers",
            Audience::CadresDirigeants => "cadres-dirigeants",
        }
    }
}

impl UrlValue for DurationBand {
    const VALUES: &'static [Self] = &DurationBand::ALL;
    fn url_value(self) -> &'static str {
        match self {
            DurationBand::Short => "moins-3h",
            DurationBand::Day => "3h-7h",
            DurationBand::Days => "1-3-jours",
            DurationBand::Long => "plus-3-jours",
        }
    }
}

/// Result order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Sort {
    /// Best match first (title alphabetical when there is no search text).
    #[default]
    Relevance,
    /// Title, A to Z.
    Title,
    /// Soonest upcoming session first; courses without one last.
    NextSession,
    /// Shortest first.
    Duration,
}

impl UrlValue for Sort {
    const VALUES: &'static [Self] = &[
        Sort::Relevance,
        Sort::Title,
        Sort::NextSession,
        Sort::Duration,
    ];
    fn url_value(self) -> &'static str {
        match self {
            Sort::Relevance => "pertinence",
            Sort::Title => "titre",
            Sort::NextSession => "prochaine-session",
            Sort::Duration => "duree",
        }
    }
}
