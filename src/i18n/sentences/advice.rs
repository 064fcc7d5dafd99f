//! What a business must do to recover, in the language in force.

use crate::i18n::{Catalogues, Label, percent, scoped, short_date, time_of_day};
use crate::model::limits::{MAX_NAME_CHARS, MAX_REVIEW_TEXT_CHARS, MAX_TEMPLATE_NAME_CHARS};
use crate::model::text::clean_line;
use crate::model::{Advice, Timestamp};

/// Each step, one sentence a line.
pub fn advice(steps: &[Advice]) -> Vec<String> {
    steps.iter().map(step).collect()
}

/// Each step in English, for the wire.
pub fn advice_in_english(steps: &[Advice]) -> Vec<String> {
    scoped(Catalogues::embedded().english(), || advice(steps))
}

/// "3 Dec 09:05".
fn date_time(at: Timestamp) -> String {
    tr!(
        "advice-date-time",
        date = short_date(at),
        time = time_of_day(at)
    )
}

/// A share (0 to 1) as a percentage.
fn share(fraction: f64) -> String {
    percent(fraction * 100.0)
}

/// One step as a sentence.
fn step(a: &Advice) -> String {
    match a {
        Advice::ReviewWaiting { asked } => tr!("advice-review-waiting", asked = date_time(*asked)),
        Advice::Reinstated {
            reviewer,
            on,
            reason,
        } => tr!(
            "advice-reinstated",
            reviewer = clean_line(reviewer, MAX_NAME_CHARS),
            on = date_time(*on),
            reason = clean_line(reason, MAX_REVIEW_TEXT_CHARS)
        ),
        Advice::Confirmed {
            reviewer,
            on,
            reason,
        } => tr!(
            "advice-confirmed",
            reviewer = clean_line(reviewer, MAX_NAME_CHARS),
            on = date_time(*on),
            reason = clean_line(reason, MAX_REVIEW_TEXT_CHARS)
        ),
        Advice::Disabled { review_asked: true } => tr!("advice-disabled-review-asked"),
        Advice::Disabled {
            review_asked: false,
        } => tr!("advice-disabled"),
        Advice::RepliesOnly { until } => tr!("advice-replies-only", until = date_time(*until)),
        Advice::NoOffers { until } => tr!("advice-no-offers", until = date_time(*until)),
        Advice::TierLowered { limit, until } => tr!(
            "advice-tier-lowered",
            limit = *limit,
            until = date_time(*until)
        ),
        Advice::Quality {
            quality,
            below,
            now,
            target,
            window_days,
        } => tr!(
            "advice-quality",
            quality = quality.text(),
            below = share(*below),
            now = now.map_or_else(|| tr!("advice-too-few-to-judge"), share),
            target = target.text(),
            days = *window_days
        ),
        Advice::TooFewPeople {
            min_users,
            window_days,
        } => tr!(
            "advice-too-few-people",
            people = *min_users,
            days = *window_days
        ),
        Advice::LowBringsStrike { days } => tr!("advice-low-brings-strike", days = *days),
        Advice::TemplatePaused {
            template,
            until,
            last_pause,
        } => {
            let template = clean_line(template, MAX_TEMPLATE_NAME_CHARS);
            let until = until.map(date_time).unwrap_or_default();
            match last_pause {
                true => tr!(
                    "advice-template-paused-last",
                    template = template,
                    until = until
                ),
                false => tr!("advice-template-paused", template = template, until = until),
            }
        }
        Advice::TemplateDisabled { template } => tr!(
            "advice-template-disabled",
            template = clean_line(template, MAX_TEMPLATE_NAME_CHARS)
        ),
        Advice::Strikes {
            count,
            window_days,
            oldest_ends,
            next,
        } => {
            let strikes = tr!(
                "advice-strikes",
                count = *count,
                days = *window_days,
                ends = short_date(*oldest_ends)
            );
            match next {
                Some(kind) => tr!(
                    "advice-strikes-next",
                    strikes = strikes,
                    next = kind.text().to_lowercase()
                ),
                None => strikes,
            }
        }
        Advice::NothingToRecover { quality, below } => tr!(
            "advice-nothing-to-recover",
            quality = quality.text(),
            below = share(*below)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Quality, RestrictionKind};

    fn in_spanish(steps: &[Advice]) -> Vec<String> {
        scoped(Catalogues::embedded().get("es").unwrap(), || advice(steps))
    }

    #[test]
    fn the_steps_read_in_both_languages_with_their_numbers_and_plurals() {
        let steps = [
            Advice::Quality {
                quality: Quality::Low,
                below: 0.06,
                now: Some(0.125),
                target: Quality::Medium,
                window_days: 7,
            },
            Advice::TierLowered {
                limit: 1,
                until: Timestamp::from_civil(2026, 12, 3, 9, 5),
            },
            Advice::Strikes {
                count: 1,
                window_days: 90,
                oldest_ends: Timestamp::from_civil(2027, 2, 22, 12, 0),
                next: Some(RestrictionKind::TierLowered),
            },
        ];
        assert_eq!(
            advice_in_english(&steps),
            [
                "Quality Low: bring blocks, reports and Not interested below 6 % of the people \
                 reached (now 12.5 %) for Medium. Send offers only to people who subscribed, and \
                 fewer of them; signals older than 7 days stop counting.",
                "Reach at most 1 person a day until 3 Dec 09:05.",
                "1 strike in 90 days; the oldest stops counting on 22 Feb. The next strike \
                 brings: messaging tier lowered one step.",
            ]
        );
        assert_eq!(
            in_spanish(&steps),
            [
                "Calidad Baja: baja los bloqueos, reportes y No me interesa por debajo del 6 % \
                 de las personas alcanzadas (ahora 12,5 %) para llegar a Media. Envía ofertas \
                 solo a quien se suscribió, y envía menos; las señales de hace más de 7 días dejan de \
                 contar.",
                "Llega como mucho a 1 persona al día hasta el 3 dic a las 09:05.",
                "1 falta en 90 días; la más antigua deja de contar el 22 feb. La próxima falta \
                 supone: nivel de mensajes rebajado un escalón.",
            ]
        );
    }
}
