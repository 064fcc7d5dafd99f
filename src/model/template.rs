use super::{BusinessId, Quality, TemplateId, Timestamp};
use serde::{Deserialize, Serialize};

code_enum!(
    /// What a message is about; each category has its own rules and price.
    Category {
        Marketing = "marketing",
        Utility = "utility",
        Authentication = "authentication",
        Service = "service",
    }
);

impl Category {}

code_enum!(
    /// Where a template stands in review and enforcement.
    TemplateStatus {
        Pending = "pending",
        Approved = "approved",
        Rejected = "rejected",
        Paused = "paused",
        Disabled = "disabled",
        /// Deleted by its business: never sent again; its history and figures stay.
        Deleted = "deleted",
    }
);

code_enum!(
    /// The review rule that decided a template.
    ReviewRule {
        Passed = "passed",
        ServiceNotTemplate = "service_not_template",
        BodyLength = "body_length",
        Placeholders = "placeholders",
        AuthenticationNeedsCode = "authentication_needs_code",
        AuthenticationContent = "authentication_content",
        PromotionalRecategorised = "promotional_recategorised",
        PromotionalForbidden = "promotional_not_allowed",
        ForbiddenContent = "forbidden_content",
    }
);

/// The result of automatic review: the status it gives, the category it settles on, the rule
/// that fired, what it found, and that in an English sentence as it is stored (empty until
/// `i18n::sentences` writes it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub status: TemplateStatus,
    pub category: Category,
    pub rule: ReviewRule,
    pub finding: ReviewFinding,
    pub note: String,
}

/// What automatic review found in a template, with the values that say it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(tag = "finding", rename_all = "snake_case")]
pub enum ReviewFinding {
    Passed,
    /// The body's length is outside 1 to `max` characters.
    BodyLength {
        chars: usize,
        max: usize,
    },
    /// A `}}` with no `{{` before it.
    PlaceholderNotOpened,
    /// A `{{` with no `}}` after it.
    PlaceholderNotClosed,
    /// `{{inner}}` where `inner` is not a number from 1.
    NotAPlaceholder {
        inner: String,
    },
    TooManyPlaceholders {
        count: usize,
        max: usize,
    },
    /// Placeholders numbered with a gap: `{{missing}}` is not there.
    PlaceholderGap {
        missing: usize,
    },
    ForbiddenContent {
        phrase: String,
    },
    ServiceNotTemplate,
    /// A promotional word in a utility template, moved to marketing.
    PromotionalRecategorised {
        word: String,
    },
    /// A promotional word in a utility template that may not be moved.
    PromotionalForbidden {
        word: String,
    },
    AuthenticationNeedsCode,
    AuthenticationLink,
    AuthenticationPromotional {
        word: String,
    },
}

impl ReviewFinding {
    /// The finding as a store keeps it in a column.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A finding read back from a store's column; `None` when the text is not one.
    pub fn from_json(text: &str) -> Option<ReviewFinding> {
        serde_json::from_str(text).ok()
    }
}

/// A message template a business submits for review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Template {
    pub id: TemplateId,
    pub business: BusinessId,
    pub name: String,
    /// The category the business asked for.
    pub requested_category: Category,
    /// The category after review (may differ when review re-categorised it).
    pub category: Category,
    pub body: String,
    pub status: TemplateStatus,
    pub review: ReviewRule,
    /// What review found, in English, as stored.
    pub review_note: String,
    /// What review found, for writing it in the reader's language; none on templates
    /// reviewed before it was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_finding: Option<ReviewFinding>,
    /// Whether the business lets review move it to another category.
    pub allow_recategorise: bool,
    pub submitted_at: Timestamp,
    pub approved_at: Option<Timestamp>,
    /// End of the current pause.
    pub paused_until: Option<Timestamp>,
    /// How many times it has been paused.
    pub pause_count: u32,
    pub quality: Quality,
    /// Start of the current quality window (submission, or the end of the last pause).
    pub quality_since: Timestamp,
}

impl Template {
    /// The status at `now`: a pause whose end has passed counts as approved.
    pub fn status_at(&self, now: Timestamp) -> TemplateStatus {
        match (self.status, self.paused_until) {
            (TemplateStatus::Paused, Some(until)) if until <= now => TemplateStatus::Approved,
            (status, _) => status,
        }
    }

    /// The highest placeholder number in the body: `{{1}}` and `{{3}}` make 3.
    pub fn placeholder_count(&self) -> usize {
        self.body
            .split("{{")
            .skip(1)
            .filter_map(|rest| rest.split_once("}}"))
            .filter_map(|(inner, _)| inner.trim().parse::<usize>().ok())
            .max()
            .unwrap_or(0)
    }

    /// Why `given` parameters do not fit this template, if they do not: each placeholder
    /// needs a value, so a message never reaches anyone with `{{1}}` still in it, and a value
    /// with no placeholder to fill is a mistake the sender should hear about.
    pub fn parameter_mismatch(&self, given: &[String]) -> Option<ParameterMismatch> {
        let needed = self.placeholder_count();
        let filled = given.iter().take_while(|p| !p.trim().is_empty()).count();
        let mismatch = |kind| ParameterMismatch {
            kind,
            template: self.name.clone(),
            needed,
            given: filled,
        };
        if filled < needed {
            return Some(mismatch(MismatchKind::Missing));
        }
        (given.len() > needed).then(|| ParameterMismatch {
            given: given.len(),
            ..mismatch(MismatchKind::Extra)
        })
    }

    /// The value that filled placeholder `n` in `text`, a message rendered from this
    /// template (`482 913` in "482 913 is your code" from "{{1}} is your code"); `None` when
    /// the text does not follow the template.
    pub fn value_in(&self, text: &str, n: usize) -> Option<String> {
        let mut pieces = self.body.split("{{");
        let mut rest = text.strip_prefix(pieces.next()?)?;
        for piece in pieces {
            let (number, literal) = piece.split_once("}}")?;
            let value = match literal {
                "" => std::mem::take(&mut rest),
                _ => {
                    let end = rest.find(literal)?;
                    let value = &rest[..end];
                    rest = &rest[end + literal.len()..];
                    value
                }
            };
            if number.trim().parse::<usize>().ok() == Some(n) {
                return Some(value.to_string());
            }
        }
        None
    }

    /// Fills `{{1}}`, `{{2}}`... with the given parameters; a missing one stays visible.
    pub fn render(&self, params: &[String]) -> String {
        let mut out = self.body.clone();
        for (i, value) in params.iter().enumerate() {
            out = out.replace(&format!("{{{{{}}}}}", i + 1), value);
        }
        out
    }
}

/// Whether a template was given too few parameters or too many.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MismatchKind {
    Missing,
    Extra,
}

/// Parameters that do not fit a template: how many it needs and how many were given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParameterMismatch {
    pub kind: MismatchKind,
    pub template: String,
    pub needed: usize,
    pub given: usize,
}

/// Why a template cannot take a new version now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RevisionRefusal {
    /// Its pause has ended; it resumes at the platform's next review.
    PauseEnded,
    Deleted,
    Disabled,
    /// Paused for low quality until then.
    Paused(Option<Timestamp>),
    /// Only a rejected template is resubmitted; this one has another status.
    NotRejected(TemplateStatus),
}

/// One version of a template: the body and category review judged, and what it decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct TemplateVersion {
    /// 1 for the submission, one more for each edit or resubmission.
    pub version: u32,
    pub requested_category: Category,
    pub category: Category,
    pub body: String,
    pub status: TemplateStatus,
    pub review_rule: ReviewRule,
    pub review_note: String,
    pub submitted_at: Timestamp,
    pub approved_at: Option<Timestamp>,
    /// When the next version replaced it (`None` for the current one).
    pub replaced_at: Option<Timestamp>,
}

/// One step of a template's history: review, pause, resumption, disabling.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct TemplateEvent {
    pub at: Timestamp,
    pub status: TemplateStatus,
    pub note: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template(body: &str) -> Template {
        let at = Timestamp(0);
        Template {
            id: TemplateId(1),
            business: BusinessId(1),
            name: "t".into(),
            requested_category: Category::Authentication,
            category: Category::Authentication,
            body: body.into(),
            status: TemplateStatus::Approved,
            review: ReviewRule::Passed,
            review_note: String::new(),
            review_finding: None,
            allow_recategorise: false,
            submitted_at: at,
            approved_at: Some(at),
            paused_until: None,
            pause_count: 0,
            quality: Quality::High,
            quality_since: at,
        }
    }

    #[test]
    fn a_placeholders_value_is_read_back_from_the_text() {
        let otp = template("{{1}} is your code. It expires in {{2}} minutes.");
        let text = "482 913 is your code. It expires in 10 minutes.";
        assert_eq!(otp.value_in(text, 1).as_deref(), Some("482 913"));
        assert_eq!(otp.value_in(text, 2).as_deref(), Some("10"));
        let link = template("Your code is {{1}}");
        assert_eq!(
            link.value_in("Your code is 771 204", 1).as_deref(),
            Some("771 204")
        );
        assert_eq!(otp.value_in("something else", 1), None);
        assert_eq!(link.value_in("Your code is 1", 2), None);
    }
}
