//! What a send reads about its parties, in one statement: the business, the user, the
//! template, their relation and whether the business already reached the user, each column
//! read by its position.

use super::rows::{TEMPLATE_COLUMNS, USER_COLUMNS, code, opt_code, template_at, user_at};
use super::{Db, Result};
use crate::model::*;
use rusqlite::{OptionalExtension, Row, params};
use std::sync::LazyLock;

/// The parties of one send, as the rules see them.
pub(super) struct Parties {
    pub business: Business,
    pub template: Option<Template>,
    pub user: User,
    pub relation: Relation,
    /// Whether the business reached the user with a template since the tier window's start.
    pub reached: bool,
}

const BUSINESS_COLUMNS: &str =
    "id, name, verified, kind, quality, tier, tier_since, low_since, budget";

const RELATION_COLUMNS: &str = "user_id, subscribed, blocked, blocked_at, not_interested_at, \
    interested_at, last_user_message_at, known";

/// The business, user, relation, template and reach of a send (`?1` the business, `?2` the
/// user, `?3` the template or NULL, `?4` the start of the tier window). The relation and the
/// template are NULL when there is none; the template's business is checked by the caller.
static PARTIES: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT {}, {}, {},
            EXISTS (SELECT 1 FROM template_reach WHERE business_id = b.id AND user_id = u.id
                AND at > ?4),
            {}
        FROM businesses b JOIN users u ON u.id = ?2
            LEFT JOIN relations r ON r.user_id = u.id AND r.business_id = b.id
            LEFT JOIN templates t ON t.id = ?3
        WHERE b.id = ?1",
        of("b", BUSINESS_COLUMNS),
        of("u", USER_COLUMNS),
        of("r", RELATION_COLUMNS),
        of("t", TEMPLATE_COLUMNS),
    )
});

/// `columns`, each named as a column of the table `alias`.
fn of(alias: &str, columns: &str) -> String {
    columns
        .split(',')
        .map(|c| format!("{alias}.{}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Where each party's columns start in [`PARTIES`].
const USER_AT: usize = 9;
const RELATION_AT: usize = 17;
const REACHED_AT: usize = 25;
const TEMPLATE_AT: usize = 26;

impl Db<'_> {
    /// The parties of a send in one read; `None` when the business or the user does not
    /// exist, or the template does not exist or is another business's (the caller then
    /// reads them one by one, for the error that says which).
    pub(super) fn parties(
        &self,
        business: BusinessId,
        user: UserId,
        template: Option<TemplateId>,
        reach_since: Timestamp,
    ) -> Result<Option<Parties>> {
        let found = self
            .conn
            .prepare_cached(&PARTIES)?
            .query_row(params![business, user, template, reach_since], parties)
            .optional()?;
        Ok(found.filter(|p| match (template, &p.template) {
            (None, _) => true,
            (Some(_), Some(t)) => t.business == p.business.id,
            (Some(_), None) => false,
        }))
    }
}

fn parties(r: &Row) -> rusqlite::Result<Parties> {
    let relation = match r.get::<_, Option<UserId>>(RELATION_AT)? {
        Some(_) => relation(r, RELATION_AT + 1)?,
        None => Relation::default(),
    };
    let template = match r.get::<_, Option<TemplateId>>(TEMPLATE_AT)? {
        Some(_) => Some(template_at(r, TEMPLATE_AT)?),
        None => None,
    };
    Ok(Parties {
        business: business(r)?,
        template,
        user: user_at(r, USER_AT)?,
        relation,
        reached: r.get(REACHED_AT)?,
    })
}

fn business(r: &Row) -> rusqlite::Result<Business> {
    Ok(Business {
        id: r.get(0)?,
        name: r.get(1)?,
        verified: r.get(2)?,
        kind: code(r, 3, BusinessKind::parse)?,
        quality: code(r, 4, Quality::parse)?,
        tier: r.get::<_, i64>(5)?.max(0) as usize,
        tier_since: r.get(6)?,
        low_since: r.get(7)?,
        budget: r.get(8)?,
    })
}

fn relation(r: &Row, at: usize) -> rusqlite::Result<Relation> {
    Ok(Relation {
        subscribed: r.get(at)?,
        blocked: opt_code(r, at + 1, BlockReason::parse)?,
        blocked_at: r.get(at + 2)?,
        not_interested_at: r.get(at + 3)?,
        interested_at: r.get(at + 4)?,
        last_user_message_at: r.get(at + 5)?,
        known: r.get(at + 6)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::PolicyConfig;
    use crate::store::{NewBusiness, NewTemplate, Store, Tx};

    struct Parts {
        store: Store,
        user: UserId,
        shop: BusinessId,
        template: TemplateId,
        other: TemplateId,
    }

    fn business(tx: &Tx, name: &str) -> Result<BusinessId> {
        let new = NewBusiness {
            name,
            verified: true,
            kind: BusinessKind::Shop,
            budget: 5,
        };
        tx.add_business(&new, Timestamp(10))
    }

    fn template(tx: &Tx, business: BusinessId) -> Result<TemplateId> {
        let new = NewTemplate {
            business,
            name: "on_its_way",
            category: Category::Utility,
            body: "Your parcel {{1}} is on its way",
            allow_recategorise: false,
        };
        Ok(tx
            .submit_template(&new, &PolicyConfig::default(), Timestamp(20))?
            .0)
    }

    fn parts() -> Parts {
        let mut store = Store::open_in_memory().unwrap();
        let (user, shop, template, other) = store
            .write(|tx| {
                let prefs = UserPrefs {
                    all_offers: false,
                    daily_marketing_cap: 3,
                    weekly_business_cap: 2,
                    quiet_hours: Some(QuietHours { start: 22, end: 7 }),
                    time_zone: Zone::named("Europe/Madrid").ok(),
                };
                let user = tx.add_user("Ana", &prefs)?;
                let shop = business(tx, "Corner Shop")?;
                let own = template(tx, shop)?;
                let other = template(tx, business(tx, "Other Shop")?)?;
                Ok((user, shop, own, other))
            })
            .unwrap();
        Parts {
            store,
            user,
            shop,
            template,
            other,
        }
    }

    /// The joined read, beside the same parties read one by one.
    fn both(p: &Parts, template: Option<TemplateId>) -> (Option<Parties>, Parties) {
        let db = p.store.db();
        let since = Timestamp(0);
        let joined = db.parties(p.shop, p.user, template, since).unwrap();
        let apart = Parties {
            business: db.business(p.shop).unwrap(),
            template: template.map(|t| db.template(t).unwrap()),
            user: db.user(p.user).unwrap(),
            relation: db.relation(p.user, p.shop).unwrap(),
            reached: db.reached(p.shop, p.user, since).unwrap(),
        };
        (joined, apart)
    }

    fn assert_same(joined: &Parties, apart: &Parties) {
        assert_eq!(joined.business, apart.business);
        assert_eq!(joined.template, apart.template);
        assert_eq!(joined.user, apart.user);
        assert_eq!(joined.relation, apart.relation);
        assert_eq!(joined.reached, apart.reached);
    }

    #[test]
    fn the_joined_read_finds_what_the_reads_one_by_one_find() {
        let mut p = parts();
        for template in [Some(p.template), None] {
            let (joined, apart) = both(&p, template);
            assert_same(&joined.expect("every party exists"), &apart);
        }
        let (user, shop) = (p.user, p.shop);
        p.store
            .write(|tx| {
                let relation = Relation {
                    subscribed: true,
                    blocked: Some(BlockReason::Spam),
                    blocked_at: Some(Timestamp(30)),
                    not_interested_at: Some(Timestamp(31)),
                    interested_at: Some(Timestamp(32)),
                    last_user_message_at: Some(Timestamp(33)),
                    known: true,
                };
                tx.put_relation(user, shop, &relation)?;
                tx.note_reach(shop, user, Timestamp(40))
            })
            .unwrap();
        let (joined, apart) = both(&p, Some(p.template));
        let joined = joined.expect("every party exists");
        assert!(joined.reached && joined.relation.known);
        assert_same(&joined, &apart);
    }

    #[test]
    fn a_missing_party_or_another_business_template_is_left_to_the_reads_one_by_one() {
        let p = parts();
        let db = p.store.db();
        let at = Timestamp(0);
        let none = |found: Option<Parties>| found.is_none();
        assert!(none(db.parties(p.shop, p.user, Some(p.other), at).unwrap()));
        assert!(none(
            db.parties(p.shop, p.user, Some(TemplateId(999)), at)
                .unwrap()
        ));
        assert!(none(db.parties(p.shop, UserId(999), None, at).unwrap()));
        assert!(none(db.parties(BusinessId(999), p.user, None, at).unwrap()));
    }
}
