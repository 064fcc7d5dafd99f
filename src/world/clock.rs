//! Moving the simulated clock: every scheduled event in order, and every hour the platform's
//! review of each business. Each step is one transaction that also records how far the world
//! got, so a process killed at any moment resumes exactly where it stopped.

use super::def::{Event, Source, Target};
use super::{Assets, WorldError};
use crate::i18n::{Label, credits, date_time};
use crate::model::*;
use crate::policy::enforcement::Change;
use crate::store::{Attempt, BroadcastRequest, SendResult, Store, Tx};
use std::collections::BTreeMap;

/// One thing that happened while the clock moved, for people watching.
#[derive(Debug, Clone, PartialEq)]
pub enum Progress {
    /// A message from or to the user, or a friend's.
    Message { at: Timestamp, line: String },
    /// A business sent to many people.
    Sent { at: Timestamp, line: String },
    /// The platform changed something about a business.
    Enforcement {
        at: Timestamp,
        business: String,
        change: String,
    },
}

impl std::fmt::Display for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Progress::Message { at, line } | Progress::Sent { at, line } => {
                write!(f, "{}  {line}", crate::i18n::day_time(*at))
            }
            Progress::Enforcement {
                at,
                business,
                change,
            } => write!(f, "{}  {business}: {change}", crate::i18n::day_time(*at)),
        }
    }
}

/// "Clock: Fri 27 Nov 08:00", the last line of `parley world advance`.
pub fn clock_line(at: Timestamp) -> String {
    tr!("world-clock", now = crate::i18n::day_time(at))
}

/// Writes the demo world into a store that lacks it, then runs what the script has at or
/// before the start (so the first screen already has a business chat); does nothing if the
/// store holds a world (the demo's, or a server's copy).
pub fn seed(store: &mut Store, assets: &Assets) -> Result<(), WorldError> {
    if super::seed::is_seeded(store)? {
        return Ok(());
    }
    super::seed::write_world(store, assets)?;
    advance(store, assets, assets.world.start, |_| {})?;
    Ok(())
}

/// Moves the clock to `until`, running every event and hourly review on the way; calls
/// `progress` after each committed step. Returns the new time.
pub fn advance(
    store: &mut Store,
    assets: &Assets,
    until: Timestamp,
    mut progress: impl FnMut(&Progress),
) -> Result<Timestamp, WorldError> {
    seed(store, assets)?;
    loop {
        let db = store.db();
        let done: usize = db
            .meta("script_done")?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        let last_tick = Timestamp(
            db.meta("world_tick")?
                .and_then(|v| v.parse().ok())
                .unwrap_or(assets.world.start.0),
        );
        let next_tick = last_tick + Span::hours(1);
        let next_event = assets.world.events.get(done).filter(|e| e.at <= until);
        let lines = match next_event {
            Some(event) if event.at <= next_tick => store.write(|tx| {
                let lines = run_event(tx, assets, event)?;
                tx.set_meta("script_done", &(done + 1).to_string())?;
                let clock = tx.db().clock()?.unwrap_or(event.at);
                tx.set_clock(clock.max(event.at))?;
                Ok(lines)
            })?,
            _ if next_tick <= until => store.write(|tx| {
                let lines = hourly_review(tx, assets, next_tick)?;
                tx.set_meta("world_tick", &next_tick.0.to_string())?;
                tx.set_clock(next_tick)?;
                Ok(lines)
            })?,
            _ => break,
        };
        lines.iter().for_each(&mut progress);
    }
    store.write(|tx| {
        let now = tx.db().clock()?.unwrap_or(until);
        tx.set_clock(now.max(until))
    })?;
    Ok(until)
}

/// Whether every scripted event has happened: the demo week is over.
pub fn script_over(store: &Store, assets: &Assets) -> Result<bool, WorldError> {
    let done: usize = store
        .db()
        .meta("script_done")?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    Ok(done >= assets.world.events.len())
}

/// The platform's review: every business evaluated, quiet-hours holds released.
fn hourly_review(tx: &Tx, assets: &Assets, now: Timestamp) -> crate::store::Result<Vec<Progress>> {
    let mut lines = Vec::new();
    for business in tx.db().businesses()? {
        for change in tx.review_business(business.id, &assets.policy, now)? {
            if let Some(text) = describe(tx, &change, assets)? {
                lines.push(Progress::Enforcement {
                    at: now,
                    business: business.name.clone(),
                    change: text,
                });
            }
        }
    }
    tx.release_after_quiet_hours(&assets.policy, now)?;
    Ok(lines)
}

fn describe(tx: &Tx, change: &Change, assets: &Assets) -> crate::store::Result<Option<String>> {
    let template_name = |id| tx.db().template(id).map(|t| t.name);
    Ok(Some(match change {
        Change::Quality { from, to } => {
            tr!("world-change-quality", from = from.text(), to = to.text())
        }
        Change::TemplatePaused {
            template,
            until,
            pause_number,
        } => tr!(
            "world-change-template-paused",
            template = template_name(*template)?,
            pause = *pause_number,
            until = date_time(*until)
        ),
        Change::TemplateDisabled { template } => {
            tr!(
                "world-change-template-disabled",
                template = template_name(*template)?
            )
        }
        Change::TemplateResumed { template } => {
            tr!(
                "world-change-template-resumed",
                template = template_name(*template)?
            )
        }
        Change::Strike(s) => tr!(
            "world-change-strike",
            detail = crate::i18n::sentences::strike(s)
        ),
        Change::Restriction(r) => {
            let kind = r.kind.text();
            match r.end.filter(|e| *e != r.start) {
                Some(end) => tr!(
                    "world-change-restriction-until",
                    kind = kind,
                    until = date_time(end)
                ),
                None => tr!("world-change-restriction", kind = kind),
            }
        }
        Change::Tier { to, reason, .. } => {
            let limit = crate::i18n::sentences::tier_limit(assets.policy.tiers.limit(*to));
            let reason = crate::i18n::sentences::tier_reason(*reason);
            tr!("world-change-tier", limit = limit, reason = reason)
        }
        Change::LowSince(_) | Change::TemplateQuality { .. } => return Ok(None),
    }))
}

struct Ids {
    me: UserId,
    audience: Vec<UserId>,
}

fn ids(tx: &Tx) -> crate::store::Result<Ids> {
    let me = tx
        .db()
        .me()?
        .ok_or_else(|| crate::store::StoreError::not_found("the demo world has no user"))?;
    let audience = tx
        .db()
        .users()?
        .into_iter()
        .map(|u| u.id)
        .filter(|u| *u != me)
        .collect();
    Ok(Ids { me, audience })
}

fn run_event(tx: &Tx, assets: &Assets, event: &Event) -> crate::store::Result<Vec<Progress>> {
    let def = &assets.world.def;
    let ids = ids(tx)?;
    let at = event.at;
    let text = event.text.clone().unwrap_or_default();
    let line = match (event.from, &event.to) {
        (Source::Friend(f), _) => {
            let name = &def.friends[f].name;
            let contact = contact_id(tx, ids.me, name)?;
            match tx.receive_personal(ids.me, contact, &text, at)? {
                Some(_) => format!("{name} -> {}: {}", def.world.me, text),
                None => format!(
                    "{name} -> {}: {}",
                    def.world.me,
                    tr!("world-blocked-not-kept")
                ),
            }
        }
        (Source::Me, &Target::Friend(f)) => {
            let name = &def.friends[f].name;
            let contact = contact_id(tx, ids.me, name)?;
            tx.reply(ids.me, Counterpart::Contact(contact), &text, at)?;
            format!("{} -> {name}: {text}", def.world.me)
        }
        (Source::Me, &Target::Business(b)) => {
            let business = business_id(tx, &def.businesses[b].name)?;
            tx.reply(ids.me, Counterpart::Business(business), &text, at)?;
            format!("{} -> {}: {text}", def.world.me, def.businesses[b].name)
        }
        (Source::Business(b), to) => return business_event(tx, assets, event, b, to, &ids),
        _ => return Ok(Vec::new()),
    };
    Ok(vec![Progress::Message { at, line }])
}

fn contact_id(tx: &Tx, me: UserId, name: &str) -> crate::store::Result<ContactId> {
    tx.db()
        .contacts(me)?
        .into_iter()
        .find(|c| c.name == text::clean_name(name))
        .map(|c| c.id)
        .ok_or_else(|| crate::store::StoreError::not_found(format!("no friend named {name}")))
}

fn business_id(tx: &Tx, name: &str) -> crate::store::Result<BusinessId> {
    tx.db()
        .business_named(&text::clean_name(name))?
        .map(|b| b.id)
        .ok_or_else(|| crate::store::StoreError::not_found(format!("no business named {name}")))
}

fn business_event(
    tx: &Tx,
    assets: &Assets,
    event: &Event,
    index: usize,
    to: &Target,
    ids: &Ids,
) -> crate::store::Result<Vec<Progress>> {
    let def = &assets.world.def.businesses[index];
    let business = business_id(tx, &def.name)?;
    let template = match &event.template {
        Some(name) => tx.db().template_named(business, name)?.map(|t| t.id),
        None => None,
    };
    let customers = ids
        .audience
        .iter()
        .take(def.audience_subscribed as usize)
        .copied();
    let recipients: Vec<UserId> = match to {
        Target::Me => vec![ids.me],
        Target::Audience => customers.collect(),
        _ => std::iter::once(ids.me).chain(customers).collect(),
    };
    let (results, header) = if event.broadcast {
        let req = BroadcastRequest {
            business,
            template: template.unwrap_or(TemplateId(0)),
            params: event.params.clone(),
            audience: Some(recipients),
        };
        match tx.broadcast(&req, &assets.policy, &assets.pricing, event.at) {
            Ok(outcome) => {
                let s = outcome.settlement;
                let header = tr!(
                    "world-broadcast-settled",
                    charged = credits(s.charged),
                    returned = credits(s.refunded)
                );
                (outcome.results, header)
            }
            Err(crate::store::StoreError::Budget(refusal)) => {
                tx.record_refused_broadcast(&req, &refusal, &assets.pricing, event.at)?;
                let refused = tr!("world-broadcast-refused", refusal = refusal.to_string());
                let line = format!("{}: {refused}", def.name);
                return Ok(vec![Progress::Sent { at: event.at, line }]);
            }
            Err(e) => return Err(e),
        }
    } else {
        let mut results = Vec::with_capacity(recipients.len());
        for user in recipients {
            let attempt = Attempt {
                business,
                user,
                template,
                params: event.params.clone(),
                text: event.text.clone(),
                broadcast: None,
                at: event.at,
            };
            results.push((user, tx.send(&attempt, &assets.policy, &assets.pricing)?));
        }
        (results, String::new())
    };
    for (user, result) in &results {
        if *user != ids.me && result.decision.outcome == Outcome::Deliver {
            let signals = &assets.policy.signals;
            react(
                tx,
                business,
                def.reactions,
                *user,
                result,
                event.at,
                signals,
            )?;
        }
    }
    Ok(vec![summarise(
        &def.name,
        &assets.world.def.world.me,
        event,
        &results,
        ids.me,
        &header,
    )])
}

/// The simulated audience reacts to a delivery, by the business's reaction pattern.
fn react(
    tx: &Tx,
    business: BusinessId,
    r: super::def::Reactions,
    user: UserId,
    result: &SendResult,
    at: Timestamp,
    signals: &crate::policy::SignalConfig,
) -> crate::store::Result<()> {
    let key = format!("reactions:{business}");
    let n: u32 = tx
        .db()
        .meta(&key)?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
        + 1;
    tx.set_meta(&key, &n.to_string())?;
    let every = |k: u32| k > 0 && n.is_multiple_of(k);
    let later = at + Span::minutes(10);
    if every(r.read_every)
        && let Some(chat) = tx.db().chat_with(user, Counterpart::Business(business))?
    {
        tx.mark_read(chat.id, later)?;
    }
    if let (Some(message), Some(Category::Marketing)) = (result.message, Some(result.category)) {
        if every(r.interested_every) {
            tx.feedback(user, message, Feedback::Interested, later)?;
        } else if every(r.not_interested_every) {
            tx.feedback(user, message, Feedback::NotInterested, later)?;
        }
    }
    if every(r.report_every) {
        tx.report(user, business, ReportReason::Spam, false, later, signals)?;
    }
    if every(r.block_every) {
        tx.block(user, business, BlockReason::Spam, later, signals)?;
    }
    Ok(())
}

fn summarise(
    business: &str,
    me_name: &str,
    event: &Event,
    results: &[(UserId, SendResult)],
    me: UserId,
    header: &str,
) -> Progress {
    let what = event
        .template
        .as_deref()
        .map(|t| format!("'{t}'"))
        .unwrap_or_else(|| tr!("world-a-message"));
    let mine = results.iter().find(|(u, _)| *u == me).map(|(_, r)| {
        format!(
            "{me_name}: {} ({})",
            r.decision.outcome.text(),
            r.decision.reason
        )
    });
    let others: Vec<&SendResult> = results
        .iter()
        .filter(|(u, _)| *u != me)
        .map(|(_, r)| r)
        .collect();
    let mut parts: Vec<String> = mine.into_iter().collect();
    if !others.is_empty() {
        let mut tally: BTreeMap<(Outcome, Reason), u32> = BTreeMap::new();
        for r in &others {
            *tally
                .entry((r.decision.outcome, r.decision.reason))
                .or_default() += 1;
        }
        let counts: Vec<String> = tally
            .iter()
            .map(|((o, reason), n)| super::summary::outcome_count(*n, *o, &format!(" ({reason})")))
            .collect();
        let count = others.len();
        let tally = counts.join(", ");
        parts.push(tr!("world-others", count = count, tally = tally));
    }
    if !header.is_empty() {
        parts.push(header.to_string());
    }
    Progress::Sent {
        at: event.at,
        line: tr!(
            "world-business-sends",
            business = business,
            what = what,
            parts = parts.join("; ")
        ),
    }
}
