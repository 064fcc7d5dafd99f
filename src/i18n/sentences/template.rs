//! Why a template cannot be sent with the parameters given, or changed now, in the language
//! in force.

use crate::i18n::{short_date, time_of_day};
use crate::model::limits::MAX_TEMPLATE_NAME_CHARS;
use crate::model::text::clean_line;
use crate::model::{MismatchKind, ParameterMismatch, RevisionRefusal};

/// Parameters that do not fit their template, and what to do.
pub fn parameter_mismatch(m: &ParameterMismatch) -> String {
    let template = clean_line(&m.template, MAX_TEMPLATE_NAME_CHARS);
    let needed = m.needed as u64;
    let given = m.given as u64;
    match m.kind {
        MismatchKind::Missing => {
            let placeholders = (1..=m.needed)
                .map(|i| format!("{{{{{i}}}}}"))
                .collect::<Vec<_>>()
                .join(", ");
            tr!(
                "template-parameters-missing",
                template = template,
                needed = needed,
                placeholders = placeholders,
                given = given
            )
        }
        MismatchKind::Extra => tr!(
            "template-parameters-extra",
            template = template,
            needed = needed,
            given = given
        ),
    }
}

/// Why template `name` cannot take a new version now, and what to do.
pub fn revision_refused(name: &str, refusal: RevisionRefusal) -> String {
    let template = clean_line(name, MAX_TEMPLATE_NAME_CHARS);
    match refusal {
        RevisionRefusal::PauseEnded => tr!("template-revision-pause-ended", template = template),
        RevisionRefusal::Deleted => tr!("template-revision-deleted", template = template),
        RevisionRefusal::Disabled => tr!("template-revision-disabled", template = template),
        RevisionRefusal::Paused(until) => tr!(
            "template-revision-paused",
            template = template,
            date = until.map(short_date).unwrap_or_default(),
            time = until.map(time_of_day).unwrap_or_default()
        ),
        RevisionRefusal::NotRejected(status) => tr!(
            "template-revision-not-rejected",
            template = template,
            status = status.as_str()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Catalogues, scoped};
    use crate::model::TemplateStatus;

    fn mismatch(kind: MismatchKind, needed: usize, given: usize) -> ParameterMismatch {
        ParameterMismatch {
            kind,
            template: "order_update".into(),
            needed,
            given,
        }
    }

    #[test]
    fn a_parameter_mismatch_counts_in_the_singular_and_the_plural() {
        let english = Catalogues::embedded().english();
        let spanish = Catalogues::embedded().get("es").unwrap();
        let missing = mismatch(MismatchKind::Missing, 2, 1);
        assert_eq!(
            scoped(english.clone(), || parameter_mismatch(&missing)),
            "template 'order_update' needs 2 parameters ({{1}}, {{2}}) and 1 was given: give a \
             value for each"
        );
        assert_eq!(
            scoped(spanish.clone(), || parameter_mismatch(&missing)),
            "la plantilla «order_update» necesita 2 parámetros ({{1}}, {{2}}) y se dio 1: da un \
             valor para cada uno"
        );
        let extra = mismatch(MismatchKind::Extra, 1, 3);
        assert_eq!(
            scoped(english, || parameter_mismatch(&extra)),
            "template 'order_update' takes 1 parameter and 3 were given: leave out the extra values"
        );
        let refusal = RevisionRefusal::NotRejected(TemplateStatus::Approved);
        assert_eq!(
            scoped(spanish, || revision_refused("order_update", refusal)),
            "solo se vuelve a enviar una plantilla rechazada, y order_update está aprobada: \
             edítala"
        );
    }
}
