//! The server's time. Normally the real time; a server started with `--movable-clock` (for
//! tests only) lets `POST /v1/test/clock` move it on, so that the periodic review, pauses and
//! restrictions can be tested through HTTP without waiting days.

use crate::model::{Span, Timestamp};
use std::sync::atomic::{AtomicI64, Ordering};

/// The real time, moved on by what tests asked (never back).
#[derive(Debug, Default)]
pub struct ServerClock {
    movable: bool,
    /// Seconds added to the real time.
    ahead: AtomicI64,
}

impl ServerClock {
    /// The real time, which nothing can move.
    pub fn real() -> ServerClock {
        ServerClock::default()
    }

    /// The real time, which tests may move on.
    pub fn movable() -> ServerClock {
        ServerClock {
            movable: true,
            ahead: AtomicI64::new(0),
        }
    }

    /// The server's time now.
    pub fn now(&self) -> Timestamp {
        crate::wall_clock::now() + Span(self.ahead.load(Ordering::Relaxed))
    }

    /// Moves the clock on by `by` and returns the new time; `None` when it is not movable.
    pub fn advance(&self, by: Span) -> Option<Timestamp> {
        self.movable.then(|| {
            self.ahead.fetch_add(by.0.max(0), Ordering::Relaxed);
            self.now()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_movable_clock_moves_and_never_back() {
        assert_eq!(ServerClock::real().advance(Span::days(1)), None);
        let clock = ServerClock::movable();
        let moved = clock.advance(Span::days(2)).unwrap();
        assert!(moved - crate::wall_clock::now() >= Span(2 * 86_400 - 5));
        let again = clock.advance(Span(-86_400)).unwrap();
        assert!(again >= moved);
    }
}
