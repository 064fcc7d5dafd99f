//! Automatic template review. Each check is a rule with a name; the first that fires decides,
//! and the review says which one.

use super::PolicyConfig;
use crate::model::{
    Category, Review, ReviewFinding, ReviewRule, RevisionRefusal, Template, TemplateStatus,
    Timestamp,
};

/// What a business submits for review.
#[derive(Debug, Clone, Copy)]
pub struct Submission<'a> {
    pub category: Category,
    pub body: &'a str,
    pub allow_recategorise: bool,
}

/// Why a template cannot take a new version at `now` (an edit, or with `resubmit` a
/// resubmission), if it cannot. A pause that has ended still waits for the platform's review
/// to resume the template (with its fresh quality window), so it is edited after that.
pub fn revision_refused(t: &Template, resubmit: bool, now: Timestamp) -> Option<RevisionRefusal> {
    if t.status == TemplateStatus::Paused && t.status_at(now) == TemplateStatus::Approved {
        return Some(RevisionRefusal::PauseEnded);
    }
    match t.status_at(now) {
        TemplateStatus::Deleted => Some(RevisionRefusal::Deleted),
        TemplateStatus::Disabled => Some(RevisionRefusal::Disabled),
        TemplateStatus::Paused => Some(RevisionRefusal::Paused(t.paused_until)),
        TemplateStatus::Rejected => None,
        status if resubmit => Some(RevisionRefusal::NotRejected(status)),
        _ => None,
    }
}

/// Reviews a template submission.
pub fn review(sub: &Submission, config: &PolicyConfig) -> Review {
    let rules = &config.templates;
    let lower = sub.body.to_lowercase();
    let chars = sub.body.chars().count();
    if chars == 0 || chars > rules.max_body_chars {
        let finding = ReviewFinding::BodyLength {
            chars,
            max: rules.max_body_chars,
        };
        return rejected(sub, ReviewRule::BodyLength, finding);
    }
    if let Err(problem) = check_placeholders(sub.body, rules.max_placeholders) {
        return rejected(sub, ReviewRule::Placeholders, problem);
    }
    if let Some(phrase) = first_term(&lower, &rules.forbidden_phrases) {
        let phrase = phrase.to_string();
        return rejected(
            sub,
            ReviewRule::ForbiddenContent,
            ReviewFinding::ForbiddenContent { phrase },
        );
    }
    let promo = first_term(&lower, &rules.promotional_words);
    match sub.category {
        Category::Service => rejected(
            sub,
            ReviewRule::ServiceNotTemplate,
            ReviewFinding::ServiceNotTemplate,
        ),
        Category::Authentication => review_authentication(sub, &lower, promo),
        Category::Utility => match promo {
            Some(word) if sub.allow_recategorise => Review {
                status: TemplateStatus::Approved,
                category: Category::Marketing,
                rule: ReviewRule::PromotionalRecategorised,
                finding: ReviewFinding::PromotionalRecategorised {
                    word: word.to_string(),
                },
                note: String::new(),
            },
            Some(word) => rejected(
                sub,
                ReviewRule::PromotionalForbidden,
                ReviewFinding::PromotionalForbidden {
                    word: word.to_string(),
                },
            ),
            None => approved(sub),
        },
        Category::Marketing => approved(sub),
    }
}

fn review_authentication(sub: &Submission, lower: &str, promo: Option<&str>) -> Review {
    if !sub.body.contains("{{1}}") {
        return rejected(
            sub,
            ReviewRule::AuthenticationNeedsCode,
            ReviewFinding::AuthenticationNeedsCode,
        );
    }
    if has_url(lower) {
        return rejected(
            sub,
            ReviewRule::AuthenticationContent,
            ReviewFinding::AuthenticationLink,
        );
    }
    if let Some(word) = promo {
        return rejected(
            sub,
            ReviewRule::AuthenticationContent,
            ReviewFinding::AuthenticationPromotional {
                word: word.to_string(),
            },
        );
    }
    approved(sub)
}

fn approved(sub: &Submission) -> Review {
    Review {
        status: TemplateStatus::Approved,
        category: sub.category,
        rule: ReviewRule::Passed,
        finding: ReviewFinding::Passed,
        note: String::new(),
    }
}

fn rejected(sub: &Submission, rule: ReviewRule, finding: ReviewFinding) -> Review {
    Review {
        status: TemplateStatus::Rejected,
        category: sub.category,
        rule,
        finding,
        note: String::new(),
    }
}

/// Placeholders must be `{{1}}`, `{{2}}`... numbered from 1 without gaps, at most `max`; a
/// `}}` outside one (as in `{1}}`) is a placeholder gone wrong.
fn check_placeholders(body: &str, max: usize) -> Result<(), ReviewFinding> {
    let stray = |text: &str| match text.contains("}}") {
        true => Err(ReviewFinding::PlaceholderNotOpened),
        false => Ok(()),
    };
    let mut seen = Vec::new();
    let mut rest = body;
    while let Some(open) = rest.find("{{") {
        stray(&rest[..open])?;
        let after = &rest[open + 2..];
        let close = after
            .find("}}")
            .ok_or(ReviewFinding::PlaceholderNotClosed)?;
        let inner = &after[..close];
        let n: usize = inner
            .trim()
            .parse()
            .ok()
            .filter(|n| *n >= 1)
            .ok_or_else(|| ReviewFinding::NotAPlaceholder {
                inner: inner.to_string(),
            })?;
        if !seen.contains(&n) {
            seen.push(n);
        }
        rest = &after[close + 2..];
    }
    stray(rest)?;
    if seen.len() > max {
        return Err(ReviewFinding::TooManyPlaceholders {
            count: seen.len(),
            max,
        });
    }
    seen.sort_unstable();
    match seen.iter().enumerate().find(|(i, n)| **n != i + 1) {
        Some((i, _)) => Err(ReviewFinding::PlaceholderGap { missing: i + 1 }),
        None => Ok(()),
    }
}

fn has_url(lower: &str) -> bool {
    ["http://", "https://", "www."]
        .iter()
        .any(|p| lower.contains(p))
}

/// The first term found in the text, matched in any case, with or without accents, as a whole
/// word where it begins or ends with a letter or digit, and in its plural forms (a term that
/// ends in a letter also matches with `-s` or `-es`: "offers", "ofertas", "promociones").
pub fn first_term<'a>(text: &str, terms: &'a [String]) -> Option<&'a str> {
    let text = fold(text);
    terms
        .iter()
        .find(|term| contains_term(&text, &fold(term)))
        .map(String::as_str)
}

/// Endings a word may take and still be the same word.
const INFLECTIONS: [&str; 3] = ["", "s", "es"];

fn contains_term(text: &str, term: &str) -> bool {
    if term.is_empty() {
        return false;
    }
    let starts_word = term.chars().next().is_some_and(char::is_alphanumeric);
    let ends_word = term.chars().next_back().is_some_and(char::is_alphanumeric);
    text.match_indices(term).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let rest = &text[at + term.len()..];
        let open_before = !starts_word || !before.is_some_and(char::is_alphanumeric);
        let closed_after = !ends_word
            || INFLECTIONS.iter().any(|ending| {
                rest.strip_prefix(ending)
                    .is_some_and(|r| !r.chars().next().is_some_and(char::is_alphanumeric))
            });
        open_before && closed_after
    })
}

/// Lower case without accents: "PROMOCIÓN" -> "promocion".
fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(without_accent)
        .collect()
}

fn without_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        'ý' | 'ÿ' => 'y',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(category: Category, body: &str, allow: bool) -> Review {
        review(
            &Submission {
                category,
                body,
                allow_recategorise: allow,
            },
            &PolicyConfig::default(),
        )
    }

    #[test]
    fn plain_utility_passes() {
        let r = run(
            Category::Utility,
            "Your parcel {{1}} arrives on {{2}}.",
            true,
        );
        assert_eq!(
            (r.status, r.category, r.rule),
            (
                TemplateStatus::Approved,
                Category::Utility,
                ReviewRule::Passed
            )
        );
    }

    #[test]
    fn body_length_is_checked() {
        assert_eq!(
            run(Category::Utility, "", true).rule,
            ReviewRule::BodyLength
        );
        assert_eq!(
            run(Category::Utility, &"x".repeat(1025), true).rule,
            ReviewRule::BodyLength
        );
        assert_eq!(
            run(Category::Utility, &"x".repeat(1024), true).rule,
            ReviewRule::Passed
        );
    }

    #[test]
    fn placeholders_are_numbered_from_one_without_gaps() {
        assert_eq!(
            run(Category::Utility, "Hi {{2}}", true).rule,
            ReviewRule::Placeholders
        );
        assert_eq!(
            run(Category::Utility, "Hi {{name}}", true).rule,
            ReviewRule::Placeholders
        );
        assert_eq!(
            run(Category::Utility, "Hi {{0}}", true).rule,
            ReviewRule::Placeholders
        );
        assert_eq!(
            run(Category::Utility, "Hi {{1", true).rule,
            ReviewRule::Placeholders
        );
        for stray in [
            "Order {1}} shipped",
            "Order {{1}} and 2}} shipped",
            "}} {{1}}",
        ] {
            let r = run(Category::Utility, stray, true);
            assert_eq!(r.rule, ReviewRule::Placeholders, "{stray}");
            assert_eq!(r.finding, ReviewFinding::PlaceholderNotOpened, "{stray}");
        }
        assert_eq!(
            run(Category::Utility, "Code {ABC} for {{1}}", true).rule,
            ReviewRule::Passed,
            "single braces are text"
        );
        assert_eq!(
            run(Category::Utility, "Hi {{1}} {{1}} {{2}}", true).rule,
            ReviewRule::Passed
        );
        let eleven: String = (1..=11).map(|i| format!("{{{{{i}}}}} ")).collect();
        let r = run(Category::Utility, &eleven, true);
        assert_eq!(r.rule, ReviewRule::Placeholders);
        assert_eq!(
            r.finding,
            ReviewFinding::TooManyPlaceholders { count: 11, max: 10 }
        );
    }

    #[test]
    fn authentication_needs_a_code_and_nothing_else() {
        assert_eq!(
            run(Category::Authentication, "Your code is 1234", true).rule,
            ReviewRule::AuthenticationNeedsCode
        );
        assert_eq!(
            run(
                Category::Authentication,
                "Code {{1}}, see https://x.example",
                true
            )
            .rule,
            ReviewRule::AuthenticationContent
        );
        assert_eq!(
            run(Category::Authentication, "Code {{1}}. 20% off today!", true).rule,
            ReviewRule::AuthenticationContent
        );
        assert_eq!(
            run(
                Category::Authentication,
                "Your code is {{1}}. Do not share it.",
                true
            )
            .rule,
            ReviewRule::Passed
        );
    }

    #[test]
    fn promotional_utility_is_recategorised_or_rejected() {
        let r = run(
            Category::Utility,
            "Your account: 50% OFF loans this week",
            true,
        );
        assert_eq!(
            (r.status, r.category, r.rule),
            (
                TemplateStatus::Approved,
                Category::Marketing,
                ReviewRule::PromotionalRecategorised
            )
        );
        let r = run(Category::Utility, "Tu pedido tiene un DESCUENTO", false);
        assert_eq!(
            (r.status, r.rule),
            (TemplateStatus::Rejected, ReviewRule::PromotionalForbidden)
        );
    }

    #[test]
    fn words_match_whole_words_only() {
        assert_eq!(
            run(
                Category::Utility,
                "Freedom Street depot: parcel {{1}} is ready",
                true
            )
            .rule,
            ReviewRule::Passed
        );
        assert_eq!(
            run(Category::Utility, "A free gift with parcel {{1}}", true).rule,
            ReviewRule::PromotionalRecategorised
        );
    }

    #[test]
    fn forbidden_content_is_rejected_whatever_the_category() {
        let r = run(
            Category::Marketing,
            "GUARANTEED LOAN for {{1}}, no questions",
            true,
        );
        assert_eq!(
            (r.status, r.rule),
            (TemplateStatus::Rejected, ReviewRule::ForbiddenContent)
        );
        assert_eq!(
            r.finding,
            ReviewFinding::ForbiddenContent {
                phrase: "guaranteed loan".into()
            }
        );
        assert_eq!(
            run(Category::Utility, "Reply with your card number", true).rule,
            ReviewRule::ForbiddenContent
        );
    }

    #[test]
    fn service_needs_no_template() {
        assert_eq!(
            run(Category::Service, "Hello", true).rule,
            ReviewRule::ServiceNotTemplate
        );
    }
}
