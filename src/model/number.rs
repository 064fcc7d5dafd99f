//! Numbers as every screen and command writes them: thousands grouped ("5,000"), and
//! credits as "5,000 cr".

/// A count with thousands grouped: 5000 -> "5,000", -2000 -> "-2,000".
pub fn grouped(n: impl Into<i128>) -> String {
    let n: i128 = n.into();
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// An amount of credits: 5000 -> "5,000 cr".
pub fn credits(n: i64) -> String {
    format!("{} cr", grouped(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped_and_signs_kept() {
        assert_eq!(grouped(0u32), "0");
        assert_eq!(grouped(999u32), "999");
        assert_eq!(grouped(5_000i64), "5,000");
        assert_eq!(grouped(1_000_000u64), "1,000,000");
        assert_eq!(grouped(-2_000i64), "-2,000");
        assert_eq!(credits(25_000), "25,000 cr");
    }
}
