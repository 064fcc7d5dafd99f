//! Numbers and dates the way the language in force writes them: "5,000 cr", "25.5 %",
//! "Tue 24 Nov 09:05" in English; "5.000 cr", "25,5 %", "mar 24 nov 09:05" in Spanish. The
//! separators and the names of days and months come from the catalogue, so a language the
//! user adds brings its own.

use crate::model::Timestamp;
use fluent_bundle::FluentValue;
use std::cell::RefCell;

/// How a language writes numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberStyle {
    pub group: String,
    pub decimal: String,
}

impl Default for NumberStyle {
    fn default() -> NumberStyle {
        NumberStyle {
            group: ",".into(),
            decimal: ".".into(),
        }
    }
}

impl NumberStyle {
    /// `n` with thousands grouped.
    pub fn integer(&self, n: i128) -> String {
        let digits = n.unsigned_abs().to_string();
        let mut out = String::with_capacity(digits.len() * 2);
        if n < 0 {
            out.push('-');
        }
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(&self.group);
            }
            out.push(c);
        }
        out
    }

    /// `x` with at most `decimals` digits after the separator, trailing zeros dropped.
    pub fn decimal(&self, x: f64, decimals: usize) -> String {
        if !x.is_finite() {
            return "-".into();
        }
        let scale = 10f64.powi(decimals as i32);
        let rounded = (x * scale).round() / scale;
        let whole = rounded.trunc();
        let text = format!("{:.*}", decimals, (rounded - whole).abs());
        let fraction = text
            .split_once('.')
            .map(|(_, f)| f.trim_end_matches('0'))
            .unwrap_or("");
        let sign = if rounded < 0.0 && whole == 0.0 {
            "-"
        } else {
            ""
        };
        let integer = self.integer(whole as i128);
        if fraction.is_empty() {
            format!("{sign}{integer}")
        } else {
            format!("{sign}{integer}{}{fraction}", self.decimal)
        }
    }
}

thread_local! {
    static STYLE: RefCell<NumberStyle> = RefCell::new(NumberStyle::default());
}

/// Runs `f` with `style` as the way numbers in messages are written.
pub(super) fn with_style<T>(style: &NumberStyle, f: impl FnOnce() -> T) -> T {
    let before = STYLE.with(|s| s.replace(style.clone()));
    let out = f();
    STYLE.with(|s| *s.borrow_mut() = before);
    out
}

/// The catalogue's writer for numbers in messages: grouped, with at most the fraction digits
/// the message asks for (one unless it says).
pub(super) fn format_value<M>(value: &FluentValue, _: &M) -> Option<String> {
    let FluentValue::Number(n) = value else {
        return None;
    };
    let decimals = n.options.maximum_fraction_digits.unwrap_or(1);
    Some(STYLE.with(|s| s.borrow().decimal(n.value, decimals)))
}

/// A count with thousands grouped: "5,000" / "5.000".
pub fn number(n: impl Into<i128>) -> String {
    super::current().number_style().integer(n.into())
}

/// An amount of credits: "5,000 cr" / "5.000 cr".
pub fn credits(n: i64) -> String {
    tr!("credits", amount = number(n))
}

/// A percentage with one decimal at most: "25.5 %" / "25,5 %".
pub fn percent(x: f64) -> String {
    let value = super::current().number_style().decimal(x, 1);
    tr!("percent", value = value)
}

/// "3 Dec" / "3 dic".
pub fn short_date(at: Timestamp) -> String {
    let c = at.civil();
    tr!("date-short", day = c.day, month = month_name(c.month))
}

/// "3 Dec 09:05" / "3 dic 09:05".
pub fn date_time(at: Timestamp) -> String {
    format!("{} {}", short_date(at), at.clock())
}

/// "09:05".
pub fn time_of_day(at: Timestamp) -> String {
    at.clock()
}

/// "Tue 24 Nov 09:05" / "mar 24 nov 09:05".
pub fn day_time(at: Timestamp) -> String {
    let c = at.civil();
    tr!(
        "date-day-time",
        weekday = weekday(at),
        day = c.day,
        month = month_name(c.month),
        time = at.clock()
    )
}

/// "Tue" / "mar".
pub fn weekday(at: Timestamp) -> String {
    tr!("weekday-short", day = at.civil().weekday as u32 + 1)
}

/// A length of time for people: "23 h 5 min", "45 min", "under a minute".
pub fn hours_minutes(seconds: i64) -> String {
    let (hours, minutes) = (seconds / 3600, seconds % 3600 / 60);
    match seconds < 60 {
        true => tr!("duration-under-a-minute"),
        false => tr!("duration-hours-minutes", hours = hours, minutes = minutes),
    }
}

fn month_name(month: u32) -> String {
    tr!("month-short", month = month)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_and_rounded_in_the_languages_style() {
        let en = NumberStyle::default();
        let es = NumberStyle {
            group: ".".into(),
            decimal: ",".into(),
        };
        assert_eq!(en.integer(5_000), "5,000");
        assert_eq!(es.integer(1_000_000), "1.000.000");
        assert_eq!(es.integer(-2_000), "-2.000");
        assert_eq!(en.decimal(25.5, 1), "25.5");
        assert_eq!(es.decimal(25.5, 1), "25,5");
        assert_eq!(es.decimal(3.0, 1), "3");
        assert_eq!(es.decimal(-0.25, 1), "-0,3");
        assert_eq!(en.decimal(f64::NAN, 1), "-");
    }
}
