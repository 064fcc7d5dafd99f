//! The console's data from the local store: the demo world's businesses, offline.

use super::source::*;
use crate::model::*;
use crate::policy::enforcement::standing;
use crate::policy::{Metrics, PolicyConfig};
use crate::store::{
    BroadcastRecord, BroadcastRequest, DayFigures, MetricScope, NewTemplate, Store, StoreError,
};
use crate::world::{self, Assets};

/// The console's data source over a store and the assets its world runs on.
pub struct StoreSource<'a> {
    store: &'a mut Store,
    assets: &'a Assets,
}

impl<'a> StoreSource<'a> {
    /// A source over this store, judged by these assets' rules and prices.
    pub fn new(store: &'a mut Store, assets: &'a Assets) -> StoreSource<'a> {
        StoreSource { store, assets }
    }

    /// The store's request for a plan: the audience's names become users.
    fn request(&self, plan: &BroadcastPlan) -> Result<BroadcastRequest> {
        let audience = match &plan.audience {
            Audience::Subscribers => None,
            Audience::Named(names) => Some(self.users_named(names)?),
        };
        Ok(BroadcastRequest {
            business: plan.business,
            template: plan.template,
            params: plan.params.clone(),
            audience,
        })
    }

    fn users_named(&self, names: &[String]) -> Result<Vec<UserId>> {
        let db = self.store.db();
        let mut found = Vec::with_capacity(names.len());
        let mut unknown = Vec::new();
        for name in names {
            match db.user_named(name.trim())? {
                Some(user) => found.push(user.id),
                None => unknown.push(text::clean_line(name, 40)),
            }
        }
        if found.is_empty() && unknown.is_empty() {
            return Err(StoreError::Invalid("the list of people is empty".into()).into());
        }
        if !unknown.is_empty() {
            return Err(
                StoreError::Invalid(format!("not in this world: {}", unknown.join(", "))).into(),
            );
        }
        Ok(found)
    }

    fn card(&self, template: Template) -> Result<TemplateCard> {
        let history = self.store.db().template_log(template.id)?;
        Ok(TemplateCard { template, history })
    }
}

impl ConsoleSource for StoreSource<'_> {
    fn policy(&self) -> &PolicyConfig {
        &self.assets.policy
    }

    fn now(&self) -> Result<Timestamp> {
        Ok(self.store.db().clock()?.unwrap_or(self.assets.world.start))
    }

    fn connection(&self) -> String {
        "offline · demo world".to_string()
    }

    fn businesses(&self) -> Result<Vec<Business>> {
        Ok(self.store.db().businesses()?)
    }

    fn business(&self, id: BusinessId) -> Result<Business> {
        Ok(self.store.db().business(id)?)
    }

    fn templates(&self, business: BusinessId) -> Result<Vec<TemplateCard>> {
        let templates = self.store.db().templates(business)?;
        templates.into_iter().map(|t| self.card(t)).collect()
    }

    fn submit(&mut self, business: BusinessId, draft: &TemplateDraft) -> Result<TemplateCard> {
        let now = self.now()?;
        let new = NewTemplate {
            business,
            name: draft.name.trim(),
            category: draft.category,
            body: &draft.body,
            allow_recategorise: draft.allow_recategorise,
        };
        let policy = &self.assets.policy;
        let (id, _) = self
            .store
            .write(|tx| tx.submit_template(&new, policy, now))?;
        let template = self.store.db().template(id)?;
        self.card(template)
    }

    fn subscribers(&self, business: BusinessId) -> Result<u32> {
        Ok(self.store.db().subscribers(business)?.len() as u32)
    }

    fn dry_run(&mut self, plan: &BroadcastPlan) -> Result<DryRun> {
        let request = self.request(plan)?;
        let now = self.now()?;
        let (policy, pricing) = (&self.assets.policy, &self.assets.pricing);
        let outcome = self
            .store
            .dry_run(|tx| tx.broadcast(&request, policy, pricing, now))?;
        let mut tally = BroadcastTally::default();
        for (_, result) in &outcome.results {
            tally.add(&result.decision, result.charge);
        }
        Ok(DryRun {
            quote: outcome.quote,
            tally,
            settlement: outcome.settlement,
        })
    }

    fn start_broadcast(&mut self, plan: &BroadcastPlan) -> Result<BroadcastRun> {
        let request = self.request(plan)?;
        let now = self.now()?;
        let pricing = &self.assets.pricing;
        let opened = self
            .store
            .write(|tx| tx.open_broadcast(&request, pricing, now))?;
        Ok(BroadcastRun {
            id: opened.id,
            template: plan.template,
            params: plan.params.clone(),
            business: plan.business,
            quote: opened.quote,
            at: now,
            pending: opened.audience,
            tally: BroadcastTally::default(),
            settlement: None,
        })
    }

    fn continue_broadcast(&mut self, run: &mut BroadcastRun, at_most: usize) -> Result<()> {
        if run.finished() {
            return Ok(());
        }
        let part: Vec<UserId> = run.pending.iter().take(at_most).copied().collect();
        let last = part.len() == run.pending.len();
        let request = BroadcastRequest {
            business: run.business,
            template: run.template,
            params: run.params.clone(),
            audience: None,
        };
        let rules = (&self.assets.policy, &self.assets.pricing);
        let (results, settlement) = self.store.write(|tx| {
            let results = tx.send_broadcast_part(run.id, &request, &part, rules, run.at)?;
            let charged = run.tally.charged + results.iter().map(|(_, r)| r.charge).sum::<i64>();
            let settlement = match last {
                true => Some(tx.close_broadcast(run.id, run.business, &run.quote, charged)?),
                false => None,
            };
            Ok((results, settlement))
        })?;
        for (_, result) in &results {
            run.tally.add(&result.decision, result.charge);
        }
        run.pending.drain(..part.len());
        run.settlement = settlement;
        Ok(())
    }

    fn broadcasts(&self, business: BusinessId) -> Result<Vec<BroadcastRecord>> {
        Ok(self.store.db().broadcasts(business)?)
    }

    fn metrics(&self, scope: MetricScope) -> Result<Metrics> {
        Ok(self.store.db().metrics(scope)?)
    }

    fn daily(&self, scope: MetricScope, first_day: i64, last_day: i64) -> Result<Vec<DayFigures>> {
        Ok(self.store.db().daily(scope, first_day, last_day)?)
    }

    fn quality_log(&self, business: BusinessId) -> Result<Vec<QualityPoint>> {
        let log = self.store.db().quality_log(business)?;
        Ok(log
            .into_iter()
            .map(|(at, quality, tier)| QualityPoint { at, quality, tier })
            .collect())
    }

    fn standing(&self, business: BusinessId) -> Result<StandingReport> {
        let (db, policy, now) = (self.store.db(), &self.assets.policy, self.now()?);
        let b = db.business(business)?;
        let window = Span::days(policy.quality.window_days);
        let signals = db.business_signals(business, now - window)?;
        let days = db.daily(
            MetricScope::Business(business),
            (now - window).day_number() + 1,
            now.day_number(),
        )?;
        let (read, delivered) = days
            .iter()
            .fold((0, 0), |(r, d), f| (r + f.read, d + f.delivered));
        let restrictions = db.restrictions(business)?;
        let strikes_since = now - Span::days(policy.enforcement.strike_window_days);
        let reach_since = now - Span::hours(policy.tiers.window_hours);
        Ok(StandingReport {
            signals,
            window_days: policy.quality.window_days,
            read_rate: (delivered > 0).then(|| read as f64 / delivered as f64),
            standing: standing(&b, &restrictions, policy, now),
            tier_limit: policy.tiers.limit(b.tier),
            reached: db.reach(business, UserId(0), reach_since)?.unique_users,
            strikes: db
                .strikes(business)?
                .into_iter()
                .filter(|s| s.at > strikes_since)
                .collect(),
            restrictions,
            business: b,
        })
    }

    fn advance_clock(&mut self, span: Span) -> Result<Timestamp> {
        let until = self.now()? + span;
        Ok(world::advance(self.store, self.assets, until, |_| {})?)
    }
}
