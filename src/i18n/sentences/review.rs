//! What automatic review found in a template, in the language in force.

use crate::i18n::{Catalogues, scoped};
use crate::model::text::clean_line;
use crate::model::{Review, ReviewFinding};

/// Longest term (a phrase, a word, a placeholder's inside) a note quotes, in characters.
const TERM_CHARS: usize = 64;

/// The finding as a sentence for the business.
pub fn review_note(finding: &ReviewFinding) -> String {
    let term = |t: &str| clean_line(t, TERM_CHARS);
    match finding {
        ReviewFinding::Passed => tr!("review-passed"),
        ReviewFinding::BodyLength { chars, max } => {
            tr!("review-body-length", chars = *chars, max = *max)
        }
        ReviewFinding::PlaceholderNotOpened => tr!("review-placeholder-not-opened"),
        ReviewFinding::PlaceholderNotClosed => tr!("review-placeholder-not-closed"),
        ReviewFinding::NotAPlaceholder { inner } => {
            tr!("review-not-a-placeholder", inner = term(inner))
        }
        ReviewFinding::TooManyPlaceholders { count, max } => {
            tr!("review-too-many-placeholders", count = *count, max = *max)
        }
        ReviewFinding::PlaceholderGap { missing } => {
            tr!("review-placeholder-gap", missing = *missing)
        }
        ReviewFinding::ForbiddenContent { phrase } => {
            tr!("review-forbidden-content", phrase = term(phrase))
        }
        ReviewFinding::ServiceNotTemplate => tr!("review-service-not-template"),
        ReviewFinding::PromotionalRecategorised { word } => {
            tr!("review-promotional-recategorised", word = term(word))
        }
        ReviewFinding::PromotionalForbidden { word } => {
            tr!("review-promotional-forbidden", word = term(word))
        }
        ReviewFinding::AuthenticationNeedsCode => tr!("review-authentication-needs-code"),
        ReviewFinding::AuthenticationLink => tr!("review-authentication-link"),
        ReviewFinding::AuthenticationPromotional { word } => {
            tr!("review-authentication-promotional", word = term(word))
        }
    }
}

/// A template's review note in the language in force: written from what review found, or the
/// stored note when the finding was not kept.
pub fn template_note(finding: Option<&ReviewFinding>, stored: &str) -> String {
    finding.map_or_else(|| stored.to_string(), review_note)
}

/// The review with its English note written from its finding, ready to be stored.
pub fn stamped_review(review: Review) -> Review {
    let note = scoped(Catalogues::embedded().english(), || {
        review_note(&review.finding)
    });
    Review { note, ..review }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finding_reads_in_both_languages() {
        let gap = ReviewFinding::PlaceholderGap { missing: 2 };
        let english = Catalogues::embedded().english();
        assert_eq!(
            scoped(english, || review_note(&gap)),
            "Placeholders must be numbered from 1 without gaps; {{2}} is missing."
        );
        let spanish = Catalogues::embedded().get("es").unwrap();
        let promo = ReviewFinding::PromotionalRecategorised {
            word: "oferta".into(),
        };
        assert_eq!(
            scoped(spanish, || review_note(&promo)),
            "Enviada como aviso, pero «oferta» es promocional: aprobada como marketing."
        );
    }
}
