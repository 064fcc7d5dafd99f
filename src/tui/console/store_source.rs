//! The console's data from the local store: the demo world's businesses, offline.

use super::source::*;
use crate::model::MetricScope;
use crate::model::*;
use crate::policy::{Metrics, PolicyConfig, conversation};
use crate::store::{BroadcastRequest, NewTemplate, Revision, Store, StoreError};
use crate::world::{self, Assets};
use std::borrow::{Borrow, BorrowMut};

/// The console's data source over a store and the assets its world runs on: owned (the
/// console alone), or borrowed (the demo's, over the inbox's store).
pub struct StoreSource<St = Store, As = Assets> {
    store: St,
    assets: As,
}

impl<'a> StoreSource<&'a mut Store, &'a Assets> {
    /// A source over this store, judged by these assets' rules and prices.
    pub fn new(store: &'a mut Store, assets: &'a Assets) -> StoreSource<&'a mut Store, &'a Assets> {
        StoreSource { store, assets }
    }
}

impl StoreSource {
    /// A source that owns its store and assets.
    pub fn owned(store: Store, assets: Assets) -> StoreSource {
        StoreSource { store, assets }
    }
}

impl<St: BorrowMut<Store>, As: Borrow<Assets>> StoreSource<St, As> {
    /// The store behind the source.
    pub fn store(&self) -> &Store {
        self.store.borrow()
    }

    fn store_mut(&mut self) -> &mut Store {
        self.store.borrow_mut()
    }

    fn assets(&self) -> &Assets {
        self.assets.borrow()
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
        let db = self.store().db();
        let mut found = Vec::with_capacity(names.len());
        let mut unknown = Vec::new();
        for name in names {
            match db.user_named(name.trim())? {
                Some(user) => found.push(user.id),
                None => unknown.push(text::clean_line(name, 40)),
            }
        }
        if found.is_empty() && unknown.is_empty() {
            return Err(StoreError::Invalid(tr!("console-people-empty")).into());
        }
        if !unknown.is_empty() {
            let names = unknown.join(", ");
            return Err(StoreError::Invalid(tr!("console-people-unknown", names = names)).into());
        }
        Ok(found)
    }

    fn card(&self, template: Template) -> Result<TemplateCard> {
        let history = self.store().db().template_log(template.id)?;
        Ok(TemplateCard { template, history })
    }
}

impl<St: BorrowMut<Store>, As: Borrow<Assets>> ConsoleSource for StoreSource<St, As> {
    fn policy(&self) -> &PolicyConfig {
        &self.assets().policy
    }

    fn now(&self) -> Result<Timestamp> {
        Ok(self
            .store()
            .db()
            .clock()?
            .unwrap_or(self.assets().world.start))
    }

    fn connection(&self) -> String {
        tr!("console-connection-offline")
    }

    fn settle_unfinished(&mut self) -> Result<()> {
        let every = Timestamp(i64::MAX);
        let store = self.store_mut();
        Ok(store.write(|tx| tx.settle_unfinished(None, every).map(drop))?)
    }

    fn businesses(&self) -> Result<Vec<Business>> {
        let now = self.now()?;
        Ok(self
            .store()
            .db()
            .businesses_at(&self.assets().policy, now)?)
    }

    fn business(&self, id: BusinessId) -> Result<Business> {
        let now = self.now()?;
        Ok(self
            .store()
            .db()
            .business_at(id, &self.assets().policy, now)?)
    }

    fn templates(&self, business: BusinessId) -> Result<Vec<TemplateCard>> {
        let now = self.now()?;
        let policy = &self.assets().policy;
        let templates = self.store().db().templates_at(business, policy, now)?;
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
        let policy = &self.assets.borrow().policy;
        let (id, _) = self
            .store
            .borrow_mut()
            .write(|tx| tx.submit_template(&new, policy, now))?;
        let template = self.store().db().template(id)?;
        self.card(template)
    }

    fn ask_for_review(&mut self, business: BusinessId) -> Result<Option<ReviewRequest>> {
        let now = self.now()?;
        Ok(self
            .store
            .borrow_mut()
            .write(|tx| tx.ask_for_review(business, "", now))?)
    }

    fn revise(
        &mut self,
        template: TemplateId,
        draft: &TemplateDraft,
        resubmit: bool,
    ) -> Result<TemplateCard> {
        let now = self.now()?;
        let revision = Revision {
            category: draft.category,
            body: &draft.body,
            allow_recategorise: draft.allow_recategorise,
            resubmit,
        };
        let policy = &self.assets.borrow().policy;
        self.store
            .borrow_mut()
            .write(|tx| tx.revise_template(template, &revision, policy, now))?;
        let template = self.store().db().template(template)?;
        self.card(template)
    }

    fn delete(&mut self, template: TemplateId) -> Result<()> {
        let now = self.now()?;
        Ok(self
            .store
            .borrow_mut()
            .write(|tx| tx.delete_template(template, now))?)
    }

    fn subscribers(&self, business: BusinessId) -> Result<u32> {
        Ok(self.store().db().subscribers(business)?.len() as u32)
    }

    fn dry_run(&mut self, plan: &BroadcastPlan) -> Result<DryRun> {
        let request = self.request(plan)?;
        let now = self.now()?;
        let assets = self.assets.borrow();
        let (policy, pricing) = (&assets.policy, &assets.pricing);
        let outcome = self
            .store
            .borrow_mut()
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
        let pricing = &self.assets.borrow().pricing;
        let every = Timestamp(i64::MAX);
        let store = self.store.borrow_mut();
        store.write(|tx| tx.settle_unfinished(Some(plan.business), every))?;
        let opened = match store.write(|tx| tx.open_broadcast(&request, pricing, now)) {
            Err(StoreError::Budget(refusal)) => {
                store.write(|tx| tx.record_refused_broadcast(&request, &refusal, pricing, now))?;
                return Err(StoreError::Budget(refusal).into());
            }
            other => other?,
        };
        Ok(BroadcastRun {
            id: opened.id,
            template: plan.template,
            params: plan.params.clone(),
            business: plan.business,
            quote: opened.quote,
            at: now,
            remaining: opened.audience,
            tally: BroadcastTally::default(),
            settlement: None,
        })
    }

    fn continue_broadcast(&mut self, run: &mut BroadcastRun, at_most: usize) -> Result<()> {
        if run.finished() {
            return Ok(());
        }
        let assets = self.assets.borrow();
        let rules = (&assets.policy, &assets.pricing);
        let (id, business, at) = (run.id, run.business, run.at);
        let (part, settlement) = self.store.borrow_mut().write(|tx| {
            let part = tx.send_broadcast_part(id, business, at_most, rules, at)?;
            let settlement = match part.remaining {
                0 => Some(tx.close_broadcast(id, business)?),
                _ => None,
            };
            Ok((part, settlement))
        })?;
        run.tally.merge(&part.tally);
        run.remaining = part.remaining;
        run.settlement = settlement;
        Ok(())
    }

    fn broadcasts(&self, business: BusinessId) -> Result<Vec<BroadcastRecord>> {
        Ok(self.store().db().broadcasts(business)?)
    }

    fn metrics(&self, scope: MetricScope) -> Result<Metrics> {
        Ok(self.store().db().metrics(scope)?)
    }

    fn daily(&self, scope: MetricScope, first_day: i64, last_day: i64) -> Result<Vec<DayFigures>> {
        Ok(self.store().db().daily(scope, first_day, last_day)?)
    }

    fn quality_log(&self, business: BusinessId) -> Result<Vec<QualityPoint>> {
        let now = self.now()?;
        Ok(self
            .store()
            .db()
            .quality_points_at(business, &self.assets().policy, now)?)
    }

    fn standing(&self, business: BusinessId) -> Result<StandingReport> {
        let now = self.now()?;
        Ok(self
            .store()
            .db()
            .standing_report(business, &self.assets().policy, now)?)
    }

    fn conversations(&self, business: BusinessId) -> Result<Vec<ConversationSummary>> {
        let now = self.now()?;
        let page =
            self.store()
                .db()
                .business_conversations(business, 0, CONVERSATIONS_SHOWN as usize)?;
        let policy = &self.assets().policy;
        Ok(page
            .into_iter()
            .map(|c| conversation::summary(c, policy, now))
            .collect())
    }

    fn read_conversation(&mut self, business: BusinessId, user: &str) -> Result<ConversationPage> {
        let now = self.now()?;
        let who = self.store().db().user_named(user)?;
        let who =
            who.ok_or_else(|| StoreError::Invalid(tr!("console-no-such-user", user = user)))?;
        let policy = self.assets().policy.clone();
        let limit = MESSAGES_SHOWN as usize;
        let page = self
            .store_mut()
            .write(|tx| tx.read_business_conversation(business, &who, limit, &policy, now))?;
        page.ok_or_else(|| {
            let why = tr!("console-no-conversation", user = user);
            ConsoleError::Unavailable(why)
        })
    }

    fn advance_clock(&mut self, span: Span) -> Result<Timestamp> {
        let until = self.now()? + span;
        Ok(world::advance(
            self.store.borrow_mut(),
            self.assets.borrow(),
            until,
            |_| {},
        )?)
    }
}
