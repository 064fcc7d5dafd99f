//! The one reader of the real time. A server judges every message by it and a client's copy
//! of a server's data starts at it; the demo world's clock is simulated and never reads it,
//! and the policy engine only ever receives a `now`.

use crate::model::{Timestamp, Zone};

/// The real time, in whole seconds since 1970-01-01 UTC.
pub fn now() -> Timestamp {
    let since_epoch = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    Timestamp(since_epoch)
}

/// The device's own time zone: the TZ environment variable when it names an IANA zone, else
/// the system's (/etc/localtime), else UTC.
pub fn device_zone() -> Zone {
    let from_env = std::env::var("TZ")
        .ok()
        .and_then(|tz| Zone::named(tz.trim_start_matches(':')).ok());
    from_env
        .or_else(|| {
            jiff::tz::TimeZone::try_system()
                .ok()
                .and_then(|tz| tz.iana_name().and_then(|name| Zone::named(name).ok()))
        })
        .unwrap_or_default()
}
