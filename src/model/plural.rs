//! Counts in words: "1 message", "3 messages", "1 person", "2 people".

/// `n` followed by the singular or the plural of what it counts.
pub fn plural<N: Copy + std::fmt::Display + PartialEq + From<u8>>(
    n: N,
    one: &str,
    many: &str,
) -> String {
    format!("{n} {}", plural_word(n, one, many))
}

/// The singular or the plural, for a count written some other way (with thousands grouped).
pub fn plural_word<'a, N: PartialEq + From<u8>>(n: N, one: &'a str, many: &'a str) -> &'a str {
    if n == N::from(1) { one } else { many }
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
