use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::{Add, Sub};

/// A length of time in whole seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Span(pub i64);

impl Span {
    pub const fn seconds(s: i64) -> Self {
        Span(s)
    }
    pub const fn minutes(m: i64) -> Self {
        Span(m * 60)
    }
    pub const fn hours(h: i64) -> Self {
        Span(h * 3600)
    }
    pub const fn days(d: i64) -> Self {
        Span(d * 86_400)
    }

    /// Parses spans such as `30m`, `1h`, `7d` or `1d12h`.
    pub fn parse(text: &str) -> Option<Span> {
        let mut total = 0i64;
        let mut digits = String::new();
        for c in text.trim().chars() {
            if c.is_ascii_digit() {
                digits.push(c);
                continue;
            }
            let n: i64 = digits.parse().ok()?;
            digits.clear();
            let unit = match c {
                's' => 1,
                'm' => 60,
                'h' => 3600,
                'd' => 86_400,
                'w' => 7 * 86_400,
                _ => return None,
            };
            total = total.checked_add(n.checked_mul(unit)?)?;
        }
        if !digits.is_empty() || total <= 0 {
            return None;
        }
        Some(Span(total))
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.0;
        if s % 86_400 == 0 && s != 0 {
            write!(f, "{}d", s / 86_400)
        } else if s % 3600 == 0 && s != 0 {
            write!(f, "{}h", s / 3600)
        } else if s % 60 == 0 && s != 0 {
            write!(f, "{}m", s / 60)
        } else {
            write!(f, "{s}s")
        }
    }
}

/// A moment, in seconds since 1970-01-01 UTC. Parley's clock is simulated in the demo world,
/// so every rule takes `now` as a `Timestamp` instead of reading a clock.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
)]
#[serde(transparent)]
pub struct Timestamp(pub i64);

impl Add<Span> for Timestamp {
    type Output = Timestamp;
    fn add(self, rhs: Span) -> Timestamp {
        Timestamp(self.0.saturating_add(rhs.0))
    }
}

impl Sub<Span> for Timestamp {
    type Output = Timestamp;
    fn sub(self, rhs: Span) -> Timestamp {
        Timestamp(self.0.saturating_sub(rhs.0))
    }
}

impl Sub for Timestamp {
    type Output = Span;
    fn sub(self, rhs: Timestamp) -> Span {
        Span(self.0.saturating_sub(rhs.0))
    }
}

/// A calendar date and time of day, UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Civil {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    /// Monday is 0.
    pub weekday: usize,
}

impl Timestamp {
    /// The timestamp of a UTC calendar date and time; out-of-range fields are clamped into the
    /// calendar's range.
    pub fn from_civil(year: i64, month: u32, day: u32, hour: u32, minute: u32) -> Timestamp {
        let year = year.clamp(-9999, 9999) as i16;
        let month = month.clamp(1, 12) as i8;
        let first = jiff::civil::Date::new(year, month, 1).unwrap_or_default();
        let day = (day.min(31) as i8).clamp(1, first.days_in_month());
        let at = jiff::civil::DateTime::new(
            year,
            month,
            day,
            hour.min(23) as i8,
            minute.min(59) as i8,
            0,
            0,
        )
        .unwrap_or_default();
        jiff::tz::TimeZone::UTC
            .to_timestamp(at)
            .map_or(Timestamp(0), |t| Timestamp(t.as_second()))
    }

    /// Parses `YYYY-MM-DD HH:MM` or `YYYY-MM-DDTHH:MM[:SS]Z` (UTC).
    pub fn parse(text: &str) -> Option<Timestamp> {
        let t = text.trim().trim_end_matches('Z');
        let (date, time) = t.split_once(['T', ' ']).unwrap_or((t, "00:00"));
        let mut d = date.split('-').map(|p| p.parse::<i64>().ok());
        let (year, month, day) = (d.next()??, d.next()??, d.next()??);
        let mut h = time.split(':').map(|p| p.parse::<i64>().ok());
        let (hour, minute) = (h.next()??, h.next().flatten().unwrap_or(0));
        let real_day = i16::try_from(year).ok().is_some_and(|y| {
            jiff::civil::Date::new(y, month.clamp(1, 12) as i8, day.clamp(1, 31) as i8).is_ok()
        });
        let valid = (1..=12).contains(&month)
            && (1..=31).contains(&day)
            && real_day
            && (0..24).contains(&hour)
            && (0..60).contains(&minute);
        valid.then(|| {
            Timestamp::from_civil(year, month as u32, day as u32, hour as u32, minute as u32)
        })
    }

    /// This moment for the time crate, clamped into its range (years -9999 to 9999).
    pub(super) fn to_jiff(self) -> jiff::Timestamp {
        let min = jiff::Timestamp::MIN.as_second();
        let max = jiff::Timestamp::MAX.as_second();
        jiff::Timestamp::from_second(self.0.clamp(min, max)).unwrap_or_default()
    }

    fn utc(self) -> jiff::civil::DateTime {
        jiff::tz::TimeZone::UTC.to_datetime(self.to_jiff())
    }

    /// The calendar date and time of this moment, UTC.
    pub fn civil(self) -> Civil {
        let at = self.utc();
        Civil {
            year: i64::from(at.year()),
            month: at.month() as u32,
            day: at.day() as u32,
            hour: at.hour() as u32,
            minute: at.minute() as u32,
            weekday: at.weekday().to_monday_zero_offset() as usize,
        }
    }

    /// The day number since 1970-01-01, used to bucket daily figures.
    pub fn day_number(self) -> i64 {
        self.0.div_euclid(86_400)
    }

    /// The hour of the day (0-23), UTC.
    pub fn hour_of_day(self) -> u32 {
        self.civil().hour
    }

    /// "3 Dec".
    pub fn short_date(self) -> String {
        self.utc().strftime("%-d %b").to_string()
    }

    /// "09:05".
    pub fn clock(self) -> String {
        self.utc().strftime("%H:%M").to_string()
    }

    /// "Tue 24 Nov 09:05".
    pub fn long(self) -> String {
        self.utc().strftime("%a %-d %b %H:%M").to_string()
    }

    /// "3 Dec 09:05".
    pub fn date_time(self) -> String {
        format!("{} {}", self.short_date(), self.clock())
    }

    /// "2026-11-24T09:05:00Z".
    pub fn iso(self) -> String {
        self.utc().strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        let t = Timestamp::from_civil(2026, 11, 24, 9, 5);
        let c = t.civil();
        assert_eq!(
            (c.year, c.month, c.day, c.hour, c.minute),
            (2026, 11, 24, 9, 5)
        );
        assert_eq!(t.long(), "Tue 24 Nov 09:05");
        assert_eq!(t.iso(), "2026-11-24T09:05:00Z");
        assert_eq!(Timestamp::parse("2026-11-24 09:05"), Some(t));
        assert_eq!(Timestamp::parse("2026-11-24T09:05:00Z"), Some(t));
        assert_eq!(Timestamp::from_civil(1970, 1, 1, 0, 0), Timestamp(0));
        assert_eq!(Timestamp::parse("2026-02-30 10:00"), None, "no 30 February");
        assert_eq!(Timestamp::parse("2026-13-01"), None);
        assert_eq!(
            Timestamp::parse("2024-02-29"),
            Some(Timestamp::from_civil(2024, 2, 29, 0, 0))
        );
        assert_eq!(Timestamp(-86_400).long(), "Wed 31 Dec 00:00");
        assert!(
            Timestamp(i64::MAX).iso().starts_with("9999-12-3"),
            "a moment past the calendar's end shows its last day"
        );
        assert_eq!(
            Timestamp::from_civil(2024, 2, 29, 0, 0).short_date(),
            "29 Feb"
        );
    }

    #[test]
    fn spans_parse_and_print() {
        assert_eq!(Span::parse("7d"), Some(Span::days(7)));
        assert_eq!(Span::parse("1d12h"), Some(Span::hours(36)));
        assert_eq!(Span::parse("90m"), Some(Span::minutes(90)));
        assert_eq!(Span::parse("7"), None);
        assert_eq!(Span::parse("x"), None);
        assert_eq!(Span::parse("0h"), None);
        assert_eq!(Span::hours(3).to_string(), "3h");
    }
}
