//! Counts in words: "1 message", "3 messages", "1 person", "2 people".

/// `n` followed by the singular or the plural of what it counts.
pub fn plural<N: std::fmt::Display + PartialEq + From<u8>>(n: N, one: &str, many: &str) -> String {
    let word = if n == N::from(1) { one } else { many };
    format!("{n} {word}")
}

#[cfg(test)]
mod tests {
    use super::plural;

    #[test]
    fn one_is_singular_and_every_other_count_is_plural() {
        assert_eq!(plural(1u32, "person", "people"), "1 person");
        assert_eq!(plural(0u32, "person", "people"), "0 people");
        assert_eq!(plural(2usize, "message", "messages"), "2 messages");
    }
}
