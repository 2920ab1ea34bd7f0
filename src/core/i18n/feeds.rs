//! The texts of a course page's calendar subscription (`catalogue::feeds`),
//! French first, English second. Kept apart from the main [`super::Text`]
//! table, which every page carries: only the course page shows them, so they
//! travel in its chunk of code.

use super::texts;

texts! {
    /// A text of the calendar subscription. Look it up with [`FeedText::get`].
    enum FeedText;
    /// The link that subscribes a calendar to the course's feed (`webcal:`).
    Subscribe => "S'abonner aux sessions de cette formation",
        "Subscribe to this course's sessions";
    /// The link that downloads the course's feed as a file.
    Download => "Télécharger le calendrier (.ics)", "Download the calendar (.ics)";
    /// After the title of a course whose sessions are all full, in the feed.
    Full => "complet", "full";
    /// What a subscription does, above the links.
    Hint => "Suivez cette formation dans votre agenda (Outlook, Thunderbird, téléphone)\u{a0}: ses nouvelles sessions y apparaissent dès leur publication, même si elle est complète aujourd'hui.",
        "Follow this course in your calendar (Outlook, Thunderbird, phone): its new sessions appear there as soon as they are published, even if it is full today.";
}
