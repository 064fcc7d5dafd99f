//! What the remote console read a moment ago. The console reloads its screen after every key;
//! over a server, the same answers are reused for a short while instead of asked again, and
//! every write the console makes forgets what it may have changed.

use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// One answer, and when it came.
type Entry = (Instant, Arc<dyn Any + Send + Sync>);

/// Answers kept for `fresh_for`, by request.
pub struct Cache {
    fresh_for: Duration,
    entries: RefCell<HashMap<String, Entry>>,
}

impl Cache {
    /// An empty cache whose answers stay fresh for `fresh_for`.
    pub fn new(fresh_for: Duration) -> Cache {
        Cache {
            fresh_for,
            entries: RefCell::new(HashMap::new()),
        }
    }

    /// The answer kept for `key`, if it is still fresh.
    pub fn get<T: Clone + 'static>(&self, key: &str) -> Option<T> {
        let entries = self.entries.borrow();
        let (at, value) = entries.get(key)?;
        if at.elapsed() > self.fresh_for {
            return None;
        }
        value.downcast_ref::<T>().cloned()
    }

    /// Keeps an answer.
    pub fn put<T: Send + Sync + 'static>(&self, key: &str, value: T) {
        self.entries
            .borrow_mut()
            .insert(key.to_string(), (Instant::now(), Arc::new(value)));
    }

    /// Forgets every answer whose key starts with one of `prefixes`.
    pub fn forget(&self, prefixes: &[&str]) {
        self.entries
            .borrow_mut()
            .retain(|key, _| !prefixes.iter().any(|p| key.starts_with(p)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_kept_by_key_and_forgotten_by_prefix() {
        let cache = Cache::new(Duration::from_secs(60));
        cache.put("metrics/business", 3u32);
        cache.put("daily/business", vec![1u64]);
        cache.put("templates", "t".to_string());
        assert_eq!(cache.get::<u32>("metrics/business"), Some(3));
        assert_eq!(
            cache.get::<String>("metrics/business"),
            None,
            "another type"
        );
        cache.forget(&["metrics", "daily"]);
        assert_eq!(cache.get::<u32>("metrics/business"), None);
        assert_eq!(cache.get::<Vec<u64>>("daily/business"), None);
        assert_eq!(cache.get::<String>("templates").as_deref(), Some("t"));
    }

    #[test]
    fn stale_answers_are_not_used() {
        let cache = Cache::new(Duration::ZERO);
        cache.put("account", 1u8);
        std::thread::yield_now();
        let later = Instant::now() + Duration::from_millis(1);
        while Instant::now() < later {
            std::hint::spin_loop();
        }
        assert_eq!(cache.get::<u8>("account"), None);
    }
}
