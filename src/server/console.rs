//! What the business console reads and does through the server, beyond the business tool's
//! routes: the business itself with the server's clock, the numbers of the rules, template
//! histories, figures per day, the quality log, standing, and broadcasts sent in parts. Every
//! lookup stays within the business's own templates and broadcasts.

use super::business::{MetricsFor, request_for, scope_of};
use super::db::{BroadcastState, DbError, DbResult, ServerReads, ServerWrites};
use crate::model::*;
use crate::policy::{PolicyConfig, Pricing, Settlement};
use crate::protocol::*;

/// Most days of figures one request may ask for.
pub const MAX_DAYS: i64 = 400;

/// The business (its quality as the signals give it now), its subscribers and the server's
/// clock.
pub fn account(
    db: &dyn ServerReads,
    business: BusinessId,
    policy: &PolicyConfig,
    now: Timestamp,
) -> DbResult<BusinessAccount> {
    Ok(BusinessAccount {
        business: db.business_at(business, policy, now)?,
        subscribers: db.subscriber_count(business)?,
        now,
    })
}

/// The numbers of the rules a business's standing is judged by.
pub fn rules(policy: &PolicyConfig) -> BusinessRules {
    BusinessRules {
        quality: policy.quality.clone(),
        tiers: policy.tiers.clone(),
        enforcement: policy.enforcement.clone(),
        pause_hours: policy.templates.pause_hours.clone(),
    }
}

/// The history of one of the business's templates, oldest first.
pub fn template_history(
    db: &dyn ServerReads,
    business: BusinessId,
    template: TemplateId,
) -> DbResult<Vec<TemplateEvent>> {
    let owner = db.template(template).ok().map(|t| t.business);
    if owner != Some(business) {
        return Err(DbError::not_found(format!(
            "you have no template {template}"
        )));
    }
    db.template_log(template)
}

/// Figures per day of the business, a template or a broadcast, `first_day` to `last_day`:
/// at most [`MAX_DAYS`] days from `first_day` (ask again for the rest), none when `last_day`
/// is before `first_day`.
pub fn daily(
    db: &dyn ServerReads,
    business: BusinessId,
    what: &MetricsFor,
    (first_day, last_day): (i64, i64),
) -> DbResult<Vec<DayFigures>> {
    let (scope, _) = scope_of(db, business, what)?;
    if last_day < first_day {
        return Ok(Vec::new());
    }
    db.daily(
        scope,
        first_day,
        last_day.min(first_day.saturating_add(MAX_DAYS - 1)),
    )
}

/// Reserves a broadcast's price and writes its audience down.
pub fn start(
    tx: &dyn ServerWrites,
    business: BusinessId,
    b: &BroadcastStart,
    pricing: &Pricing,
    now: Timestamp,
) -> DbResult<BroadcastStarted> {
    let request = request_for(
        tx.reads(),
        business,
        &b.template,
        &b.params,
        b.to.as_deref(),
    )?;
    let opened = tx.open_broadcast(&request, pricing, now)?;
    Ok(BroadcastStarted {
        id: opened.id,
        quote: opened.quote,
        at: now,
        remaining: opened.audience,
    })
}

/// Sends the next part of a broadcast; returns where it stands and the users to wake. A
/// broadcast already settled sends nothing and says how it was settled.
pub fn part(
    tx: &dyn ServerWrites,
    business: BusinessId,
    id: BroadcastId,
    at_most: u32,
    rules: (&PolicyConfig, &Pricing),
    now: Timestamp,
) -> DbResult<(BroadcastProgress, Vec<UserId>)> {
    if !(1..=limits::MAX_PART).contains(&at_most) {
        return Err(DbError::Invalid(format!(
            "at_most is 1 to {} people",
            limits::MAX_PART
        )));
    }
    let state = own_state(tx.reads(), business, id)?;
    if !state.running {
        let settlement = tx.close_broadcast(id, business)?;
        return Ok((settled(settlement), Vec::new()));
    }
    let part = tx.send_broadcast_part(id, business, at_most as usize, rules, now)?;
    let woken = super::business::decided_users(&part.results);
    let progress = BroadcastProgress {
        charged: state.charged + part.tally.charged,
        tally: part.tally,
        remaining: part.remaining,
        settlement: None,
    };
    Ok((progress, woken))
}

/// Settles a broadcast: charged for what was delivered, the rest returned, nobody else sent to.
pub fn finish(
    tx: &dyn ServerWrites,
    business: BusinessId,
    id: BroadcastId,
) -> DbResult<Settlement> {
    own_state(tx.reads(), business, id)?;
    tx.close_broadcast(id, business)
}

/// The moment before which a broadcast without a part for `idle` counts as abandoned.
pub fn idle_since(now: Timestamp, idle: std::time::Duration) -> Timestamp {
    now - Span(i64::try_from(idle.as_secs()).unwrap_or(i64::MAX))
}

/// Settles the running broadcasts (of `business`, or of everyone) idle since `idle_since`.
pub fn settle_idle(
    tx: &dyn ServerWrites,
    business: Option<BusinessId>,
    idle_since: Timestamp,
) -> DbResult<usize> {
    let settled = tx.settle_unfinished(business, idle_since)?;
    for (id, s) in &settled {
        tracing::info!(
            "broadcast {id} sat unfinished: settled, {} charged and {} returned",
            number::credits(s.charged),
            number::credits(s.refunded)
        );
    }
    Ok(settled.len())
}

fn own_state(
    db: &dyn ServerReads,
    business: BusinessId,
    id: BroadcastId,
) -> DbResult<BroadcastState> {
    db.broadcast_state(id)?
        .filter(|s| s.business == business)
        .ok_or_else(|| DbError::not_found(format!("you have no broadcast {id}")))
}

fn settled(settlement: Settlement) -> BroadcastProgress {
    BroadcastProgress {
        tally: BroadcastTally::default(),
        remaining: 0,
        charged: settlement.charged,
        settlement: Some(settlement),
    }
}
