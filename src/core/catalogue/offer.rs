//! Which sessions are offered: a full one is not, and a sur-mesure
//! programme's never are (it is asked for, not registered for). The course
//! page, the exports, the feeds, the next step and the explorer all follow it.

use super::model::{Course, Kind, Session};

/// Whether `session` has no seat left. Unknown seats (`None`) are not full.
pub fn is_full(session: &Session) -> bool {
    session.seats_left == Some(0)
}

/// Whether a session of `course` is offered to register for and to add to a
/// calendar: not full, and not of a sur-mesure programme (never registered
/// for). The course page's session buttons and Ma sélection's calendar file
/// both follow it.
pub fn is_offered(course: &Course, session: &Session) -> bool {
    course.kind != Kind::SurMesure && !is_full(session)
}
