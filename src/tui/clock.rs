//! Where the app gets the time. Real runs read the system clock; tests and snapshots use
//! a fixed one so timers and timestamps in the pictures do not change between runs.

use std::cell::Cell;

use chrono::{DateTime, Duration, Utc};

pub trait Clock {
    fn now(&self) -> DateTime<Utc>;
}

pub struct SystemClock;

impl Clock for SystemClock {
    /// Milliseconds are plenty to order events and keep the file readable.
    fn now(&self) -> DateTime<Utc> {
        use chrono::DurationRound;
        let now = Utc::now();
        now.duration_trunc(Duration::milliseconds(1)).unwrap_or(now)
    }
}

/// A clock that only moves when told to.
pub struct FixedClock {
    now: Cell<DateTime<Utc>>,
}

impl FixedClock {
    pub fn new(now: DateTime<Utc>) -> FixedClock {
        FixedClock {
            now: Cell::new(now),
        }
    }

    pub fn advance(&self, by: Duration) {
        self.now.set(self.now.get() + by);
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.now.get()
    }
}

impl<C: Clock + ?Sized> Clock for std::rc::Rc<C> {
    fn now(&self) -> DateTime<Utc> {
        (**self).now()
    }
}
