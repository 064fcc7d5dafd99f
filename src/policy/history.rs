//! The delivered marketing a user has received, kept sorted so that every rolling-window count
//! is two binary searches, never a scan.

use crate::model::{BusinessId, Timestamp};
use std::collections::HashMap;

/// Delivered marketing to one user: when, and from whom.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MarketingHistory {
    all: Vec<Timestamp>,
    by_business: HashMap<BusinessId, Vec<Timestamp>>,
}

impl MarketingHistory {
    /// Builds the history from delivery records in any order.
    pub fn from_records(records: impl IntoIterator<Item = (Timestamp, BusinessId)>) -> Self {
        let mut history = MarketingHistory::default();
        for (at, business) in records {
            history.all.push(at);
            history.by_business.entry(business).or_default().push(at);
        }
        history.all.sort_unstable();
        for times in history.by_business.values_mut() {
            times.sort_unstable();
        }
        history
    }

    /// Records one more delivery.
    pub fn push(&mut self, at: Timestamp, business: BusinessId) {
        insert_sorted(&mut self.all, at);
        insert_sorted(self.by_business.entry(business).or_default(), at);
    }

    /// Deliveries from all businesses in `(since, until]`.
    pub fn count_all(&self, since: Timestamp, until: Timestamp) -> u32 {
        count_in(&self.all, since, until)
    }

    /// Deliveries from one business in `(since, until]`.
    pub fn count_from(&self, business: BusinessId, since: Timestamp, until: Timestamp) -> u32 {
        self.by_business
            .get(&business)
            .map_or(0, |times| count_in(times, since, until))
    }

    /// How many deliveries are recorded in all.
    pub fn len(&self) -> usize {
        self.all.len()
    }

    /// Whether no delivery is recorded.
    pub fn is_empty(&self) -> bool {
        self.all.is_empty()
    }
}

fn insert_sorted(times: &mut Vec<Timestamp>, at: Timestamp) {
    let at_index = times.partition_point(|t| *t <= at);
    times.insert(at_index, at);
}

fn count_in(sorted: &[Timestamp], since: Timestamp, until: Timestamp) -> u32 {
    let start = sorted.partition_point(|t| *t <= since);
    let end = sorted.partition_point(|t| *t <= until);
    end.saturating_sub(start) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_half_open_windows() {
        let b = BusinessId(1);
        let h = MarketingHistory::from_records([
            (Timestamp(30), b),
            (Timestamp(10), b),
            (Timestamp(20), BusinessId(2)),
        ]);
        assert_eq!(h.count_all(Timestamp(10), Timestamp(30)), 2);
        assert_eq!(h.count_all(Timestamp(0), Timestamp(30)), 3);
        assert_eq!(h.count_from(b, Timestamp(0), Timestamp(29)), 1);
        assert_eq!(h.count_from(BusinessId(9), Timestamp(0), Timestamp(99)), 0);
    }

    #[test]
    fn push_keeps_order() {
        let mut h = MarketingHistory::default();
        for t in [5, 1, 3] {
            h.push(Timestamp(t), BusinessId(1));
        }
        assert_eq!(
            h,
            MarketingHistory::from_records([1, 3, 5].map(|t| (Timestamp(t), BusinessId(1))))
        );
    }
}
