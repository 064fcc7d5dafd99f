//! The console's data from a Parley server, for the one business a token acts for. The
//! console's app calls its source from its own thread, one call at a time; this source answers
//! each call by blocking on a small runtime of its own. The clock is the server's.

mod cache;
mod convert;

use super::source::*;
use crate::model::*;
use crate::policy::{Metrics, PolicyConfig};
use crate::protocol::{
    BroadcastStart, BroadcastSubmission, BusinessAccount, MAX_PART, TemplateSubmission,
};
use crate::store::{BroadcastRecord, DayFigures, MetricScope};
use crate::sync::backoff::Backoff;
use crate::sync::business::{BusinessClient, MetricsScope};
use crate::sync::http::HttpError;
use cache::Cache;
use std::cell::Cell;
use std::future::Future;
use std::time::{Duration, Instant};

/// How long an answer is reused before it is asked again.
const FRESH_FOR: Duration = Duration::from_secs(1);
/// How often the screen is reloaded while no key comes: a server's data changes on its own.
const REFRESH_EVERY: Duration = Duration::from_secs(5);
/// Times a request refused for the rate limit (429) is tried again, waiting longer each time.
const RATE_RETRIES: u32 = 5;

/// The console's data source over a server and one business's token.
pub struct RemoteSource {
    client: BusinessClient,
    runtime: tokio::runtime::Runtime,
    policy: PolicyConfig,
    server: String,
    business: BusinessId,
    cache: Cache,
    /// The server's clock at the last answer that carried it, and when that answer came.
    clock: Cell<(Timestamp, Instant)>,
    /// Whether the last request reached the server.
    online: Cell<bool>,
}

impl RemoteSource {
    /// Connects to `server` with a business's `token`: reads the business and the rules its
    /// standing is judged by.
    pub fn connect(server: &str, token: &str) -> Result<RemoteSource> {
        let client = BusinessClient::new(server, token)?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .map_err(|e| ConsoleError::Unavailable(format!("cannot start: {e}")))?;
        let (account, rules) =
            runtime.block_on(async { tokio::try_join!(client.account(), client.rules()) })?;
        let source = RemoteSource {
            business: account.business.id,
            policy: convert::policy(rules),
            server: convert::server_label(server),
            cache: Cache::new(FRESH_FOR),
            clock: Cell::new((account.now, Instant::now())),
            online: Cell::new(true),
            client,
            runtime,
        };
        source.cache.put("account", account);
        Ok(source)
    }

    /// Runs one request to its end; a refusal for the rate limit waits and tries again.
    fn call<T, F, Fut>(&self, request: F) -> Result<T>
    where
        F: Fn() -> Fut,
        Fut: Future<Output = std::result::Result<T, HttpError>>,
    {
        let answer = self.runtime.block_on(async {
            let mut backoff = Backoff::new(Duration::from_millis(250), Duration::from_secs(2));
            let mut tries = 0;
            loop {
                match request().await {
                    Err(e) if e.code() == Some("too_many_requests") && tries < RATE_RETRIES => {
                        tries += 1;
                        tokio::time::sleep(backoff.next_delay()).await;
                    }
                    other => return other,
                }
            }
        });
        self.online.set(!matches!(
            answer,
            Err(HttpError::Unreachable { .. } | HttpError::Timeout { .. })
        ));
        Ok(answer?)
    }

    /// A read, reused while fresh.
    fn read<T, F, Fut>(&self, key: &str, request: F) -> Result<T>
    where
        T: Clone + Send + Sync + 'static,
        F: Fn() -> Fut,
        Fut: Future<Output = std::result::Result<T, HttpError>>,
    {
        if let Some(kept) = self.cache.get(key) {
            return Ok(kept);
        }
        let fresh = self.call(request)?;
        self.cache.put(key, fresh.clone());
        Ok(fresh)
    }

    fn account(&self) -> Result<BusinessAccount> {
        if let Some(kept) = self.cache.get("account") {
            return Ok(kept);
        }
        let account = self.call(|| self.client.account())?;
        self.clock.set((account.now, Instant::now()));
        self.cache.put("account", account.clone());
        Ok(account)
    }

    fn own(&self, business: BusinessId) -> Result<()> {
        match business == self.business {
            true => Ok(()),
            false => Err(ConsoleError::Unavailable(format!(
                "this token acts for business {} only",
                self.business
            ))),
        }
    }

    /// A template's name, as the server's routes know it.
    fn template_name(&self, id: TemplateId) -> Result<String> {
        let list = self.read("templates", || self.client.templates())?;
        list.into_iter()
            .find(|t| t.id == id)
            .map(|t| t.name)
            .ok_or_else(|| ConsoleError::Unavailable(format!("no template {id} on the server")))
    }

    fn scope(&self, scope: MetricScope) -> Result<MetricsScope> {
        Ok(match scope {
            MetricScope::Business(b) => {
                self.own(b)?;
                MetricsScope::Business
            }
            MetricScope::Template(t) => MetricsScope::Template(self.template_name(t)?),
            MetricScope::Broadcast(b) => MetricsScope::Broadcast(b.0),
        })
    }

    fn card(&self, wire: crate::protocol::WireTemplate) -> Result<TemplateCard> {
        let id = wire.id;
        let history = self.read(&format!("history/{id}"), || {
            self.client.template_history(id)
        })?;
        Ok(TemplateCard {
            template: convert::template(wire, self.business),
            history,
        })
    }

    /// Sends the next part, and settles the broadcast after the last one.
    fn send_part(&self, run: &mut BroadcastRun, at_most: u32) -> Result<()> {
        let progress = self.call(|| self.client.broadcast_part(run.id, at_most))?;
        self.cache
            .forget(&["metrics", "daily", "broadcasts", "standing"]);
        run.tally.merge(&progress.tally);
        run.remaining = progress.remaining;
        run.settlement = match (progress.settlement, progress.remaining) {
            (Some(settled), _) => Some(settled),
            (None, 0) => Some(self.call(|| self.client.finish_broadcast(run.id))?),
            (None, _) => None,
        };
        if run.finished() {
            self.cache.forget(&["account"]);
        }
        Ok(())
    }
}

impl ConsoleSource for RemoteSource {
    fn policy(&self) -> &PolicyConfig {
        &self.policy
    }

    fn now(&self) -> Result<Timestamp> {
        let (at, when) = self.clock.get();
        Ok(at + Span(when.elapsed().as_secs() as i64))
    }

    fn connection(&self) -> String {
        match self.online.get() {
            true => format!("online · {}", self.server),
            false => format!("cannot reach · {}", self.server),
        }
    }

    fn online(&self) -> bool {
        self.online.get()
    }

    fn own_business(&self) -> Option<BusinessId> {
        Some(self.business)
    }

    fn refresh_every(&self) -> Option<Duration> {
        Some(REFRESH_EVERY)
    }

    fn businesses(&self) -> Result<Vec<Business>> {
        Ok(vec![self.account()?.business])
    }

    fn business(&self, id: BusinessId) -> Result<Business> {
        self.own(id)?;
        Ok(self.account()?.business)
    }

    fn templates(&self, business: BusinessId) -> Result<Vec<TemplateCard>> {
        self.own(business)?;
        let list = self.read("templates", || self.client.templates())?;
        list.into_iter().map(|t| self.card(t)).collect()
    }

    fn submit(&mut self, business: BusinessId, draft: &TemplateDraft) -> Result<TemplateCard> {
        self.own(business)?;
        let submission = TemplateSubmission {
            name: draft.name.trim().to_string(),
            category: draft.category,
            body: draft.body.clone(),
            allow_recategorise: draft.allow_recategorise,
        };
        let wire = self.call(|| self.client.submit_template(&submission))?;
        self.cache.forget(&["templates"]);
        self.card(wire)
    }

    fn subscribers(&self, business: BusinessId) -> Result<u32> {
        self.own(business)?;
        Ok(self.account()?.subscribers)
    }

    fn dry_run(&mut self, plan: &BroadcastPlan) -> Result<DryRun> {
        self.own(plan.business)?;
        let submission = BroadcastSubmission {
            template: self.template_name(plan.template)?,
            params: plan.params.clone(),
            to: convert::audience(&plan.audience),
            dry_run: true,
        };
        let report = self.call(|| self.client.broadcast(&submission))?;
        Ok(convert::dry_run(report))
    }

    fn start_broadcast(&mut self, plan: &BroadcastPlan) -> Result<BroadcastRun> {
        self.own(plan.business)?;
        let start = BroadcastStart {
            template: self.template_name(plan.template)?,
            params: plan.params.clone(),
            to: convert::audience(&plan.audience),
        };
        let started = self.call(|| self.client.start_broadcast(&start))?;
        self.clock.set((started.at, Instant::now()));
        self.cache.forget(&["account", "broadcasts", "standing"]);
        Ok(BroadcastRun {
            id: started.id,
            template: plan.template,
            params: plan.params.clone(),
            business: plan.business,
            quote: started.quote,
            at: started.at,
            remaining: started.remaining,
            tally: BroadcastTally::default(),
            settlement: None,
        })
    }

    fn continue_broadcast(&mut self, run: &mut BroadcastRun, at_most: usize) -> Result<()> {
        match run.finished() {
            true => Ok(()),
            false => self.send_part(run, at_most.clamp(1, MAX_PART as usize) as u32),
        }
    }

    fn broadcasts(&self, business: BusinessId) -> Result<Vec<BroadcastRecord>> {
        self.own(business)?;
        self.read("broadcasts", || self.client.broadcasts())
    }

    fn metrics(&self, scope: MetricScope) -> Result<Metrics> {
        let scope = self.scope(scope)?;
        let key = format!("metrics/{scope:?}");
        let report = self.read(&key, || self.client.metrics(&scope))?;
        Ok(report.metrics)
    }

    fn daily(&self, scope: MetricScope, first_day: i64, last_day: i64) -> Result<Vec<DayFigures>> {
        let scope = self.scope(scope)?;
        let key = format!("daily/{scope:?}/{first_day}/{last_day}");
        self.read(&key, || self.client.daily(&scope, first_day, last_day))
    }

    fn quality_log(&self, business: BusinessId) -> Result<Vec<QualityPoint>> {
        self.own(business)?;
        self.read("quality", || self.client.quality())
    }

    fn standing(&self, business: BusinessId) -> Result<StandingReport> {
        self.own(business)?;
        self.read("standing", || self.client.standing())
    }

    fn advance_clock(&mut self, _span: Span) -> Result<Timestamp> {
        Err(ConsoleError::Unavailable(
            "Server clock, the real time: t and T move only the demo world's clock \
             (parley business without --server)."
                .to_string(),
        ))
    }
}
