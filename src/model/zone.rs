//! A user's time zone: an IANA name resolved against the tz database Parley carries inside
//! its binary, so the device and the server agree on every offset and daylight-saving change.

use super::Timestamp;
use super::text;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The longest zone name accepted (the longest IANA name is 32 characters).
pub const MAX_ZONE_CHARS: usize = 64;

/// The IANA database's regions: a picker offers their zones (not the old aliases such as
/// US/Eastern, which still resolve).
const REGIONS: [&str; 10] = [
    "Africa",
    "America",
    "Antarctica",
    "Arctic",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
];

/// An IANA time zone such as "Europe/Madrid", daylight saving included.
#[derive(Clone)]
pub struct Zone(jiff::tz::TimeZone);

/// A zone name that is not in the tz database.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "'{0}' is not a time zone Parley knows; give an IANA name such as Europe/Madrid or America/New_York"
)]
pub struct UnknownZone(pub String);

impl Zone {
    /// Coordinated Universal Time.
    pub fn utc() -> Zone {
        Zone(jiff::tz::TimeZone::UTC)
    }

    /// The zone of an IANA name, in any case ("europe/madrid" is "Europe/Madrid").
    pub fn named(name: &str) -> Result<Zone, UnknownZone> {
        let name = name.trim();
        let unknown = || UnknownZone(text::clean_line(name, MAX_ZONE_CHARS));
        if name.is_empty() || name.chars().count() > MAX_ZONE_CHARS {
            return Err(unknown());
        }
        let tz = jiff::tz::TimeZone::get(name).map_err(|_| unknown())?;
        if tz.iana_name().is_none() {
            return Err(unknown());
        }
        Ok(Zone(tz))
    }

    /// The zone's IANA name, e.g. "Europe/Madrid".
    pub fn name(&self) -> &str {
        self.0.iana_name().unwrap_or("UTC")
    }

    /// Every zone name of the tz database's regions, and UTC, sorted: the choices a picker
    /// offers.
    pub fn all_names() -> Vec<String> {
        let mut names: Vec<String> = jiff::tz::db()
            .available()
            .map(|n| n.as_str().to_string())
            .filter(|n| {
                n == "UTC"
                    || REGIONS
                        .iter()
                        .any(|r| n.strip_prefix(r).is_some_and(|rest| rest.starts_with('/')))
            })
            .collect();
        names.sort();
        names.dedup();
        names
    }

    /// Every name the tz database resolves, aliases included, sorted.
    pub fn known_names() -> Vec<String> {
        let mut names: Vec<String> = jiff::tz::db()
            .available()
            .map(|n| n.as_str().to_string())
            .chain(["UTC".to_string()])
            .filter(|n| Zone::named(n).is_ok())
            .collect();
        names.sort();
        names.dedup();
        names
    }

    /// "22:30": the time on this zone's clocks at `at`.
    pub fn clock_at(&self, at: Timestamp) -> String {
        self.0
            .to_datetime(at.to_jiff())
            .strftime("%H:%M")
            .to_string()
    }

    /// The hour of the day (0-23) on this zone's clocks at `at`.
    pub fn hour_at(&self, at: Timestamp) -> u32 {
        self.0.to_datetime(at.to_jiff()).hour() as u32
    }
}

impl utoipa::PartialSchema for Zone {
    /// Every name of the tz database: a client that keeps to the document sends only zones
    /// the server knows.
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .description(Some("An IANA time zone, e.g. Europe/Madrid"))
            .enum_values(Some(Zone::known_names()))
            .into()
    }
}

impl utoipa::ToSchema for Zone {}

impl PartialEq for Zone {
    fn eq(&self, other: &Zone) -> bool {
        self.name() == other.name()
    }
}

impl Eq for Zone {}

impl fmt::Debug for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Zone({})", self.name())
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Default for Zone {
    fn default() -> Zone {
        Zone::utc()
    }
}

impl Serialize for Zone {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Zone {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Zone, D::Error> {
        let name = String::deserialize(d)?;
        Zone::named(&name).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_resolve_in_any_case_and_unknown_ones_are_refused() {
        assert_eq!(
            Zone::named("europe/madrid").unwrap().name(),
            "Europe/Madrid"
        );
        assert_eq!(Zone::named("UTC").unwrap(), Zone::utc());
        let err = Zone::named("Mars/Olympus").unwrap_err().to_string();
        assert!(err.contains("'Mars/Olympus'") && err.contains("Europe/Madrid"));
        assert!(Zone::named("").is_err());
        assert!(Zone::named(&"A/".repeat(100)).is_err());
        let names = Zone::all_names();
        assert!(names.contains(&"America/New_York".to_string()));
        assert!(
            !names
                .iter()
                .any(|n| n.starts_with("US/") || n.starts_with("Etc/"))
        );
        assert_eq!(Zone::named("US/Eastern").unwrap().name(), "US/Eastern");
        let known = Zone::known_names();
        assert!(known.len() > 400 && known.contains(&"US/Eastern".to_string()));
        assert!(names.iter().all(|n| known.contains(n)));
    }

    #[test]
    fn local_hours_follow_daylight_saving() {
        let madrid = Zone::named("Europe/Madrid").unwrap();
        assert_eq!(
            madrid.hour_at(Timestamp::from_civil(2026, 1, 10, 21, 30)),
            22
        );
        assert_eq!(
            madrid.hour_at(Timestamp::from_civil(2026, 7, 10, 21, 30)),
            23
        );
    }
}
