//! The console's data from a Parley server, for the one business a token acts for. The
//! console's app calls its source from its own thread, one call at a time; this source answers
//! each call by blocking on a small runtime of its own. The clock is the server's.

mod cache;

use super::source::*;
use crate::model::MetricScope;
use crate::model::*;
use crate::policy::{Metrics, PolicyConfig};
use crate::sync::backoff::Backoff;
use crate::sync::business_client::MetricsScope;
use crate::sync::console_client::{self, Account, BroadcastOrder, ConsoleClient};
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
    client: ConsoleClient,
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
        let client = ConsoleClient::new(server, token)?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .map_err(|e| {
                ConsoleError::Unavailable(tr!("cli-cannot-start", error = e.to_string()))
            })?;
        let (account, policy) =
            runtime.block_on(async { tokio::try_join!(client.account(), client.policy()) })?;
        let source = RemoteSource {
            business: account.business.id,
            policy,
            server: console_client::server_label(server),
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

    fn account(&self) -> Result<Account> {
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
            false => Err(ConsoleError::Unavailable(tr!(
                "console-remote-other-business",
                id = self.business.to_string()
            ))),
        }
    }

    /// A template's name, as the server's routes know it.
    fn template_name(&self, id: TemplateId) -> Result<String> {
        let list = self.templates_of_business()?;
        list.into_iter()
            .find(|t| t.id == id)
            .map(|t| t.name)
            .ok_or_else(|| {
                ConsoleError::Unavailable(tr!("console-remote-no-template", id = id.to_string()))
            })
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

    /// The business's templates, reused while fresh.
    fn templates_of_business(&self) -> Result<Vec<Template>> {
        self.read("templates", || self.client.templates(self.business))
    }

    fn card(&self, template: Template) -> Result<TemplateCard> {
        let id = template.id;
        let history = self.read(&format!("history/{id}"), || {
            self.client.business().template_history(id)
        })?;
        Ok(TemplateCard { template, history })
    }

    /// What the server needs to know of a plan: its template by name, and its people.
    fn order(&self, plan: &BroadcastPlan) -> Result<BroadcastOrder> {
        self.own(plan.business)?;
        Ok(BroadcastOrder {
            template: self.template_name(plan.template)?,
            params: plan.params.clone(),
            to: audience(&plan.audience),
        })
    }

    /// Sends the next part, and settles the broadcast after the last one.
    fn send_part(&self, run: &mut BroadcastRun, at_most: usize) -> Result<()> {
        let progress = self.call(|| self.client.broadcast_part(run.id, at_most))?;
        self.cache
            .forget(&["metrics", "daily", "broadcasts", "standing"]);
        run.tally.merge(&progress.tally);
        run.remaining = progress.remaining;
        run.settlement = match (progress.settlement, progress.remaining) {
            (Some(settled), _) => Some(settled),
            (None, 0) => Some(self.call(|| self.client.business().finish_broadcast(run.id))?),
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
            true => tr!("console-remote-online", server = self.server.as_str()),
            false => tr!("console-remote-unreachable", server = self.server.as_str()),
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
        let list = self.templates_of_business()?;
        list.into_iter().map(|t| self.card(t)).collect()
    }

    fn submit(&mut self, business: BusinessId, draft: &TemplateDraft) -> Result<TemplateCard> {
        self.own(business)?;
        let (name, category, body) = (draft.name.trim(), draft.category, draft.body.as_str());
        let recategorise = draft.allow_recategorise;
        let template = self.call(|| {
            self.client
                .submit_template(business, name, category, body, recategorise)
        })?;
        self.cache.forget(&["templates"]);
        self.card(template)
    }

    fn ask_for_review(&mut self, business: BusinessId) -> Result<Option<ReviewRequest>> {
        self.own(business)?;
        let asked = self.call(|| self.client.ask_for_review())?;
        self.cache.forget(&["standing"]);
        Ok(asked)
    }

    fn revise(
        &mut self,
        template: TemplateId,
        draft: &TemplateDraft,
        resubmit: bool,
    ) -> Result<TemplateCard> {
        let (category, body) = (draft.category, draft.body.as_str());
        let revision = (template, draft.allow_recategorise, resubmit);
        let business = self.business;
        let revised = self.call(|| {
            self.client
                .revise_template(business, revision, category, body)
        })?;
        self.cache.forget(&["templates"]);
        self.card(revised)
    }

    fn delete(&mut self, template: TemplateId) -> Result<()> {
        self.call(|| self.client.delete_template(template))?;
        self.cache.forget(&["templates"]);
        Ok(())
    }

    fn subscribers(&self, business: BusinessId) -> Result<u32> {
        self.own(business)?;
        Ok(self.account()?.subscribers)
    }

    fn dry_run(&mut self, plan: &BroadcastPlan) -> Result<DryRun> {
        let order = self.order(plan)?;
        let priced = self.call(|| self.client.dry_run(&order))?;
        Ok(DryRun {
            quote: priced.quote,
            tally: priced.tally,
            settlement: priced.settlement,
        })
    }

    fn start_broadcast(&mut self, plan: &BroadcastPlan) -> Result<BroadcastRun> {
        let order = self.order(plan)?;
        let started = self.call(|| self.client.start_broadcast(&order))?;
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
            false => self.send_part(run, at_most),
        }
    }

    fn broadcasts(&self, business: BusinessId) -> Result<Vec<BroadcastRecord>> {
        self.own(business)?;
        self.read("broadcasts", || self.client.business().broadcasts())
    }

    fn metrics(&self, scope: MetricScope) -> Result<Metrics> {
        let scope = self.scope(scope)?;
        let key = format!("metrics/{scope:?}");
        self.read(&key, || self.client.metrics(&scope))
    }

    fn daily(&self, scope: MetricScope, first_day: i64, last_day: i64) -> Result<Vec<DayFigures>> {
        let scope = self.scope(scope)?;
        let key = format!("daily/{scope:?}/{first_day}/{last_day}");
        self.read(&key, || {
            self.client.business().daily(&scope, first_day, last_day)
        })
    }

    fn quality_log(&self, business: BusinessId) -> Result<Vec<QualityPoint>> {
        self.own(business)?;
        self.read("quality", || self.client.business().quality())
    }

    fn standing(&self, business: BusinessId) -> Result<StandingReport> {
        self.own(business)?;
        self.read("standing", || self.client.business().standing())
    }

    fn conversations(&self, business: BusinessId) -> Result<Vec<ConversationSummary>> {
        self.own(business)?;
        self.read("conversations", || {
            self.client.conversations(CONVERSATIONS_SHOWN)
        })
    }

    fn read_conversation(&mut self, business: BusinessId, user: &str) -> Result<ConversationPage> {
        self.own(business)?;
        let page = self.call(|| self.client.read_conversation(user, MESSAGES_SHOWN))?;
        self.cache.forget(&["conversations"]);
        Ok(page)
    }

    fn advance_clock(&mut self, _span: Span) -> Result<Timestamp> {
        Err(ConsoleError::Unavailable(tr!("console-remote-clock")))
    }
}

/// The names a broadcast goes to (`None`: every subscriber).
fn audience(audience: &Audience) -> Option<Vec<String>> {
    match audience {
        Audience::Subscribers => None,
        Audience::Named(names) => Some(names.iter().map(|n| n.trim().to_string()).collect()),
    }
}
