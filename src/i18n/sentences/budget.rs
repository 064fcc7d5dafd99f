//! A broadcast the budget cannot cover, in the language in force.

use crate::i18n::credits;

/// What the broadcast needs and how far the budget falls short.
pub fn insufficient_budget(needed: i64, eligible: u32, available: i64, shortfall: i64) -> String {
    tr!(
        "budget-insufficient",
        needed = credits(needed),
        eligible = eligible,
        available = credits(available),
        shortfall = credits(shortfall),
        short_by = shortfall
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Catalogues, scoped};

    #[test]
    fn a_refusal_writes_its_amounts_as_credits_and_counts_people_right() {
        let english = Catalogues::embedded().english();
        assert_eq!(
            scoped(english.clone(), || insufficient_budget(
                2500, 100, 2000, 500
            )),
            "insufficient_budget: the broadcast needs 2,500 cr for 100 eligible people and the \
             budget holds 2,000 cr; 500 cr short"
        );
        assert_eq!(
            scoped(english, || insufficient_budget(25, 1, 0, 25)),
            "insufficient_budget: the broadcast needs 25 cr for 1 eligible person and the \
             budget holds 0 cr; 25 cr short"
        );
        let spanish = Catalogues::embedded().get("es").unwrap();
        assert_eq!(
            scoped(spanish.clone(), || insufficient_budget(
                2500, 100, 2000, 500
            )),
            "insufficient_budget: la difusión necesita 2.500 cr para 100 personas que pueden \
             recibirla y el saldo tiene 2.000 cr; faltan 500 cr"
        );
        assert_eq!(
            scoped(spanish, || insufficient_budget(1, 1, 0, 1)),
            "insufficient_budget: la difusión necesita 1 cr para 1 persona que puede \
             recibirla y el saldo tiene 0 cr; falta 1 cr"
        );
    }
}
