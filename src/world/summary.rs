//! `parley world summary`: per business, what was delivered, held and rejected and why, its
//! quality, tier, strikes and restrictions, and its templates' review results.

use super::{Assets, WorldError};
use crate::i18n::{Label, credits, date_time, day_time, number};
use crate::model::*;
use crate::store::Store;
use std::collections::BTreeMap;
use std::fmt::{self, Write as _};

/// Counts by outcome, and by reason within each outcome.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    pub by_outcome: BTreeMap<Outcome, u32>,
    pub by_reason: BTreeMap<(Outcome, Reason), u32>,
}

impl Tally {
    fn add(&mut self, outcome: Outcome, reason: Reason, n: u32) {
        *self.by_outcome.entry(outcome).or_default() += n;
        *self.by_reason.entry((outcome, reason)).or_default() += n;
    }

    /// How many of this outcome.
    pub fn count(&self, outcome: Outcome) -> u32 {
        self.by_outcome.get(&outcome).copied().unwrap_or(0)
    }

    /// How many of this outcome for this reason.
    pub fn reason(&self, outcome: Outcome, reason: Reason) -> u32 {
        self.by_reason.get(&(outcome, reason)).copied().unwrap_or(0)
    }

    fn line(&self) -> String {
        let parts: Vec<String> = [Outcome::Deliver, Outcome::Hold, Outcome::Reject]
            .iter()
            .map(|o| {
                let reasons: Vec<String> = self
                    .by_reason
                    .iter()
                    .filter(|((out, _), _)| out == o)
                    .map(|((_, r), n)| format!("{r} {n}"))
                    .collect();
                let detail = if *o == Outcome::Deliver || reasons.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", reasons.join(", "))
                };
                outcome_count(self.count(*o), *o, &detail)
            })
            .collect();
        parts.join(" · ")
    }
}

/// "3 held (not_subscribed 3)": a count of one outcome, with `detail` after it.
pub(super) fn outcome_count(count: u32, outcome: Outcome, detail: &str) -> String {
    tr!(
        "world-summary-outcome-count",
        count = count,
        number = number(count),
        outcome = outcome_word(outcome),
        detail = detail
    )
}

/// "delivered", "held", "rejected" as the summary counts them.
fn outcome_word(outcome: Outcome) -> String {
    match outcome {
        Outcome::Deliver => tr!("world-summary-delivered"),
        Outcome::Hold => tr!("world-summary-held"),
        Outcome::Reject => tr!("world-summary-rejected"),
    }
}

/// One business in the summary.
#[derive(Debug, Clone, PartialEq)]
pub struct BusinessSummary {
    pub business: Business,
    pub to_me: Tally,
    pub to_all: Tally,
    pub templates: Vec<(Template, Vec<TemplateEvent>)>,
    pub strikes: Vec<Strike>,
    pub restrictions: Vec<Restriction>,
    /// Broadcasts the budget refused, newest first.
    pub refused: Vec<BroadcastRecord>,
    /// The restrictions in force at the summary's time.
    pub standing: crate::policy::Standing,
}

/// The state of the demo world at its clock.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub now: Timestamp,
    pub start: Timestamp,
    pub me: String,
    pub businesses: Vec<BusinessSummary>,
    tier_limits: Vec<Option<u32>>,
}

impl Summary {
    /// The business with this name.
    pub fn business(&self, name: &str) -> Option<&BusinessSummary> {
        self.businesses.iter().find(|b| b.business.name == name)
    }
}

/// Reads the summary of the world in the store.
pub fn summary(store: &Store, assets: &Assets) -> Result<Summary, WorldError> {
    let db = store.db();
    let me = db
        .me()?
        .ok_or_else(|| crate::store::StoreError::not_found("this store has no demo world yet"))?;
    let now = db.clock()?.unwrap_or(assets.world.start);
    let mut businesses = Vec::new();
    for business in db.businesses_at(&assets.policy, now)? {
        let mut to_me = Tally::default();
        for r in db.rejected(me, business.id, usize::MAX >> 1)? {
            to_me.add(Outcome::Reject, r.decision.reason, 1);
        }
        let (delivered, held) = my_messages(store, me, business.id)?;
        for (reason, n) in delivered {
            to_me.add(Outcome::Deliver, reason, n);
        }
        for (reason, n) in held {
            to_me.add(Outcome::Hold, reason, n);
        }
        let mut to_all = Tally::default();
        for (outcome, reason, n) in db.decision_counts(business.id)? {
            to_all.add(outcome, reason, n);
        }
        let mut templates = Vec::new();
        for t in db.templates(business.id)? {
            let log = db.template_log(t.id)?;
            templates.push((t, log));
        }
        let restrictions = db.restrictions(business.id)?;
        let mut refused = db.broadcasts(business.id)?;
        refused.retain(|b| b.refused.is_some());
        businesses.push(BusinessSummary {
            refused,
            strikes: db.strikes(business.id)?,
            standing: crate::policy::enforcement::standing(
                &business,
                &restrictions,
                &assets.policy,
                now,
            ),
            restrictions,
            business,
            to_me,
            to_all,
            templates,
        });
    }
    let tiers = &assets.policy.tiers;
    Ok(Summary {
        now,
        start: assets.world.start,
        me: db.user(me)?.name,
        businesses,
        tier_limits: (0..=tiers.top()).map(|t| tiers.limit(t)).collect(),
    })
}

type ReasonCounts = BTreeMap<Reason, u32>;

/// What the user's chat with a business holds now: delivered and held, by reason.
fn my_messages(
    store: &Store,
    me: UserId,
    business: BusinessId,
) -> Result<(ReasonCounts, ReasonCounts), WorldError> {
    let db = store.db();
    let mut delivered = BTreeMap::new();
    let mut held = BTreeMap::new();
    if let Some(chat) = db.chat_with(me, Counterpart::Business(business))? {
        for m in db.last_messages(chat.id, usize::MAX >> 1)? {
            if m.direction == Direction::Inbound {
                *delivered.entry(m.decision.reason).or_default() += 1;
            }
        }
    }
    for h in db.held(me)?.into_iter().filter(|h| h.business == business) {
        *held.entry(h.message.decision.reason).or_default() += 1;
    }
    Ok((delivered, held))
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let elapsed = (self.now - self.start).0 / 3600;
        let title = tr!(
            "world-summary-title",
            now = day_time(self.now),
            days = elapsed / 24,
            hours = elapsed % 24
        );
        writeln!(f, "{title}")?;
        writeln!(f)?;
        writeln!(
            f,
            "{}",
            tr!("world-summary-what-reached", me = self.me.as_str())
        )?;
        for b in &self.businesses {
            writeln!(f, "  {:<20} {}", b.business.name, b.to_me.line())?;
        }
        for b in &self.businesses {
            writeln!(f)?;
            write!(f, "{}", self.business_block(b))?;
        }
        Ok(())
    }
}

impl Summary {
    fn business_block(&self, b: &BusinessSummary) -> String {
        let mut out = String::new();
        let biz = &b.business;
        let verified = if biz.verified {
            tr!("world-summary-verified")
        } else {
            tr!("world-summary-not-verified")
        };
        let _ = writeln!(out, "{} ({}, {verified})", biz.name, biz.kind.text());
        let window_start = self.now - Span::days(90);
        let strikes = b.strikes.iter().filter(|s| s.at > window_start).count();
        let tier = match b.standing.tier_limit {
            Some(limit) if Some(limit) != self.tier_limits.get(biz.tier).copied().flatten() => {
                tr!(
                    "world-summary-tier-lowered",
                    limit = limit,
                    people = number(limit)
                )
            }
            Some(limit) => tr!("world-summary-tier", limit = limit, people = number(limit)),
            None => tr!("world-summary-no-daily-limit"),
        };
        let standing = tr!(
            "world-summary-standing",
            quality = biz.quality.text(),
            tier = tier,
            strikes = strikes,
            budget = credits(biz.budget)
        );
        let _ = writeln!(out, "  {standing}");
        let everyone = tr!("world-summary-everyone", tally = b.to_all.line());
        let _ = writeln!(out, "  {everyone}");
        let _ = writeln!(out, "  {}", tr!("world-summary-templates"));
        for (t, log) in &b.templates {
            let category = if t.category == t.requested_category {
                t.category.to_string()
            } else {
                format!("{} -> {}", t.requested_category, t.category)
            };
            let pauses = log
                .iter()
                .filter(|e| e.status == TemplateStatus::Paused)
                .count();
            let history = if pauses > 0 {
                format!("; {}", tr!("world-summary-paused-times", count = pauses))
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "    {:<22} {:<24} {:<9} {}: {}{history}",
                t.name,
                category,
                t.status_at(self.now).to_string(),
                t.review,
                crate::i18n::sentences::template_note(t.review_finding.as_ref(), &t.review_note)
            );
        }
        if !b.refused.is_empty() {
            let _ = writeln!(out, "  {}", tr!("world-summary-refused-broadcasts"));
            for r in &b.refused {
                let Some(short) = r.refused else { continue };
                let refusal = tr!(
                    "world-summary-refused-broadcast",
                    needed = credits(short.needed),
                    count = r.audience,
                    people = number(r.audience),
                    available = credits(short.available)
                );
                let _ = writeln!(out, "    {}  {refusal}", date_time(r.created_at));
            }
        }
        if !b.strikes.is_empty() {
            let _ = writeln!(out, "  {}", tr!("world-summary-strikes"));
            for s in &b.strikes {
                let detail = crate::i18n::sentences::strike(s);
                let _ = writeln!(out, "    {}  {}", date_time(s.at), detail);
            }
        }
        if !b.restrictions.is_empty() {
            let _ = writeln!(out, "  {}", tr!("world-summary-restrictions"));
            for r in &b.restrictions {
                let end = match r.end {
                    Some(e) if e == r.start => String::new(),
                    Some(e) => format!(" {}", tr!("world-summary-until", at = date_time(e))),
                    None => format!(" {}", tr!("world-summary-until-reviewed")),
                };
                let state = if r.kind == RestrictionKind::Warning && r.current_at(self.now) {
                    format!(" [{}]", tr!("world-summary-shown"))
                } else if r.active_at(self.now) {
                    format!(" [{}]", tr!("world-summary-in-force"))
                } else {
                    String::new()
                };
                let _ = writeln!(
                    out,
                    "    {}  {}{end}{state}: {}",
                    date_time(r.start),
                    r.kind.text(),
                    crate::i18n::sentences::restriction_reason(r)
                );
            }
        }
        out
    }
}
