//! The business console over a real `parley serve` on 127.0.0.1: the same app and views as
//! offline, with its data from the server's routes. Every screen shows the numbers of the
//! server's own store (read directly here, and through `parley business --json`); a refused
//! broadcast names the shortfall; a paused template cannot be sent; a broadcast left
//! unfinished is settled. Nothing is mocked and nothing sleeps to wait for a state.

mod support;

use parley::model::MetricScope;
use parley::model::*;
use parley::policy::Metrics;
use parley::policy::recovery;
use parley::protocol::*;
use parley::server::db::{Backend, DbResult, ServerConnection, ServerDb, ServerReads};
use parley::server::{add_business, add_user};
use parley::store::{NewBusiness, NewTemplate};
use parley::sync::business_client::BusinessClient;
use parley::tui::UiConfig;
use parley::tui::console::Action;
use parley::tui::console::commands::{FooterItem, footer};
use parley::tui::console::state::{BroadcastStage, ConsoleScreen};
use parley::tui::console::{RemoteSession, RemoteSource};
use parley::tui::render::{buffer_text, render};
use parley::world::Assets;
use std::future::Future;
use support::console::keys;
use support::server::*;

const SHOP: &str = "Tienda Sol";

/// A server, the shop's token and its users' tokens.
struct Scene {
    server: TestServer,
    token: String,
    users: Vec<String>,
    /// Declared last: dropped after the server.
    dir: ServerDir,
}

/// The template most tests broadcast.
const SALE: (&str, Category, &str) = (
    "spring_sale",
    Category::Marketing,
    "Spring sale: {{1}} off everything",
);

/// A server with `people` users and the shop with `templates` (reviewed an hour ago, so that
/// what follows is inside their quality window), its store prepared before it starts.
fn scene(
    people: usize,
    budget: i64,
    templates: &[(&str, Category, &str)],
    extra: &[&str],
) -> Scene {
    scene_in(ServerDir::sqlite(), people, budget, templates, extra)
}

/// The scene with its store in `dir` (SQLite or PostgreSQL).
fn scene_in(
    dir: ServerDir,
    people: usize,
    budget: i64,
    templates: &[(&str, Category, &str)],
    extra: &[&str],
) -> Scene {
    let mut store = Backend::connect(&dir.place()).unwrap();
    let policy = Assets::built_in().policy;
    let users = (0..people)
        .map(|i| {
            add_user(&mut store, &format!("user{i:02}"), &policy)
                .unwrap()
                .1
        })
        .collect();
    let new = NewBusiness {
        name: SHOP,
        verified: true,
        kind: BusinessKind::Shop,
        budget,
    };
    let an_hour_ago = parley::wall_clock::now() - Span::hours(1);
    let (business, token) = add_business(&mut store, &new, an_hour_ago).unwrap();
    for (name, category, body) in templates {
        let t = NewTemplate {
            business,
            name,
            category: *category,
            body,
            allow_recategorise: false,
        };
        let id = store
            .in_transaction(|tx| tx.submit_template(&t, &policy, an_hour_ago))
            .unwrap();
        let status = store.in_snapshot(|db| db.template(id)).unwrap().status;
        assert_eq!(status, TemplateStatus::Approved, "{name}");
    }
    drop(store);
    let server = TestServer::start(dir.path(), extra);
    Scene {
        dir,
        server,
        token,
        users,
    }
}

/// Reads the store in `dir` directly, on one snapshot.
fn read_in<T>(dir: &ServerDir, f: impl FnOnce(&dyn ServerReads) -> DbResult<T>) -> T {
    let mut store = Backend::connect(&dir.place()).unwrap();
    store.in_snapshot(f).unwrap()
}

/// Runs async setup to its end (the console's source has its own runtime, so tests are sync).
fn block_on<F: Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(f)
}

impl Scene {
    fn shop(&self) -> BusinessClient {
        BusinessClient::new(&self.server.url, &self.token).unwrap()
    }

    /// Reads the server's store directly, on one snapshot.
    fn read<T>(&self, f: impl FnOnce(&dyn ServerReads) -> DbResult<T>) -> T {
        read_in(&self.dir, f)
    }

    fn console(&self, size: (u16, u16)) -> RemoteSession {
        let source = RemoteSource::connect(&self.server.url, &self.token).unwrap();
        RemoteSession::open(source, None, size.0, size.1).unwrap()
    }

    /// Every user subscribes to the shop's offers; the first `offers_off` then turn offers off.
    fn subscribe_all(&self, offers_off: usize) -> BusinessId {
        let business = block_on(self.shop().account()).unwrap().business.id;
        for (i, user) in self.users.iter().enumerate() {
            let mut actions = vec![("sub", WireAction::Subscribe { business })];
            if i < offers_off {
                let mut prefs = Assets::built_in().policy.new_user_prefs();
                prefs.all_offers = false;
                actions.push(("offers-off", WireAction::SetPrefs { prefs }));
            }
            let results = block_on(act(&self.server.api(user), actions));
            assert!(results.results.iter().all(|r| r.ok), "{results:?}");
        }
        business
    }

    /// `parley business --json ARGS` against the server, parsed.
    fn cli<T: serde::de::DeserializeOwned>(&self, args: &[&str]) -> T {
        let mut all = vec!["business", "--server", &self.server.url];
        all.extend(["--token", &self.token, "--json"]);
        all.extend_from_slice(args);
        let ran = run(&all);
        assert_eq!(ran.code, 0, "{args:?}: {ran:?}");
        serde_json::from_str(&ran.stdout).unwrap()
    }
}

fn status(session: &RemoteSession) -> String {
    let status = session.app.state.status.as_ref();
    status.map(|s| s.text.clone()).unwrap_or_default()
}

/// Fills the broadcast form for the first sendable template with `param` and dry-runs it.
fn dry_run(session: &mut RemoteSession, config: &UiConfig, param: &str) {
    keys(session, config, &format!("2 tab \"{param}\" enter"));
}

/// The screen as text, with the status bar's right side (the server's clock and address,
/// which change from run to run and change its width) written the same way every time.
fn screen(session: &RemoteSession, config: &UiConfig) -> String {
    let state = &session.app.state;
    let buffer = render(session, &config.theme, &config.keymap);
    let clock = state.clock.long();
    let right = "<server clock> · online · <server address>";
    let width = usize::from(state.width) - right.chars().count() - 1;
    buffer_text(&buffer)
        .lines()
        .map(|line| match line.find(&clock) {
            Some(at) => format!("{:<width$}{right}", line[..at].trim_end()),
            None => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Polls `check` (after a refresh of the console) until it holds or the deadline passes.
fn until(session: &mut RemoteSession, what: &str, check: impl Fn(&RemoteSession) -> bool) {
    support::poll(what, || {
        session.update(Action::Refresh);
        match check(session) {
            true => Ok(()),
            false => Err("the console did not show it".into()),
        }
    })
}

on_both_backends!(fn every_screen_shows_the_servers_numbers_and_a_broadcast_runs_in_parts);
fn every_screen_shows_the_servers_numbers_and_a_broadcast_runs_in_parts(dir: ServerDir) {
    let s = scene_in(dir, 30, 1_000, &[SALE], &[]);
    let business = s.subscribe_all(3);
    let policy = Assets::built_in().policy;
    let config = UiConfig::defaults(true);
    let mut session = s.console((120, 40));
    let state = &session.app.state;
    assert_eq!(state.businesses.len(), 1, "a token is one business");
    assert_eq!(state.business.as_ref().unwrap().name, SHOP);
    let offered = footer(&config.keymap, state)
        .into_iter()
        .any(|i| matches!(i, FooterItem::Key(_, label) if label == "switch business"));
    assert!(!offered, "no switching with one business");
    keys(&mut session, &config, "b");
    assert!(session.app.state.dialog.is_none());
    assert!(
        status(&session).contains("one business"),
        "{}",
        status(&session)
    );
    let state = &session.app.state;
    assert!(state.connection.starts_with("online · 127.0.0.1:"));
    let lag = parley::wall_clock::now() - state.clock;
    assert!(lag.0.abs() <= 5, "the clock is the server's: {lag:?}");

    keys(
        &mut session,
        &config,
        "n \"order_ready\" tab right tab tab \"Your order {{1}} is ready\" enter",
    );
    let card = match &session.app.state.dialog {
        Some(parley::tui::console::state::ConsoleDialog::Review { card }) => card.clone(),
        other => panic!("the review shows at once, got {other:?}"),
    };
    let stored = s.read(|db| db.template(card.template.id));
    assert_eq!(
        (
            card.template.category,
            card.template.status,
            card.template.review
        ),
        (Category::Utility, TemplateStatus::Approved, stored.review)
    );
    keys(&mut session, &config, "enter");
    templates_match(&s, &session, business);

    dry_run(&mut session, &config, "20%");
    let BroadcastStage::Reviewing(dry) = session.app.state.compose.stage.clone() else {
        panic!("a dry run, got {:?}", session.app.state.compose.stage);
    };
    assert_eq!(
        (
            dry.quote.audience,
            dry.quote.eligible,
            dry.quote.unit_price,
            dry.quote.reserved
        ),
        (30, 27, 25, 675),
        "the 3 with offers off are not reserved for"
    );
    assert_eq!(s.read(|db| db.business(business)).budget, 1_000);
    session.update(Action::Confirm);
    let BroadcastStage::Running(run) = &session.app.state.compose.stage else {
        panic!("sending");
    };
    assert_eq!((run.tally.sent, run.remaining), (0, 30));
    assert_eq!(s.read(|db| db.business(business)).budget, 325);
    session.tick();
    let BroadcastStage::Running(run) = &session.app.state.compose.stage else {
        panic!("still sending after one part");
    };
    assert_eq!((run.tally.sent, run.remaining), (25, 5), "a real part");
    session.tick();
    let BroadcastStage::Done(run) = session.app.state.compose.stage.clone() else {
        panic!("done after the last part");
    };
    let settled = run.settlement.expect("settled");
    assert_eq!(run.tally, dry.tally, "the dry run said what would happen");
    assert_eq!(settled, dry.settlement);
    assert_eq!(
        (settled.charged, settled.refunded),
        (675, 0),
        "the 27 eligible were reached; the 3 with offers off cost nothing"
    );
    let record = &s.read(|db| db.broadcasts(business))[0];
    assert_eq!(
        (record.charged, record.refunded, record.reserved),
        (settled.charged, settled.refunded, 675)
    );
    assert_eq!(
        s.read(|db| db.business(business)).budget,
        settled.budget_after
    );
    assert!(status(&session).contains(&format!(
        "{} charged, {} returned",
        number::credits(settled.charged),
        number::credits(settled.refunded)
    )));

    metrics_match(&s, &mut session, &config, business);
    standing_matches(&s, &mut session, &config, business, &policy);
    keys(&mut session, &config, "t");
    assert!(status(&session).starts_with("Server clock, the real time"));
    assert_eq!(
        session.app.state.status.as_ref().map(|s| s.error),
        Some(false)
    );
}

/// The Templates screen equals the store's templates and the business tool's list.
fn templates_match(s: &Scene, session: &RemoteSession, business: BusinessId) {
    let stored = s.read(|db| db.templates(business));
    let rows = &session.app.state.templates.rows;
    let clock = session.app.state.clock;
    assert_eq!(rows.len(), stored.len());
    let listed: Vec<WireTemplate> = s.cli(&["templates", "list"]);
    for ((card, t), wire) in rows.iter().zip(&stored).zip(&listed) {
        assert_eq!(
            (
                &card.template.name,
                card.template.category,
                card.template.review
            ),
            (&t.name, t.category, t.review)
        );
        assert_eq!(card.template.status_at(clock), t.status_at(clock));
        assert_eq!(card.template.status_at(clock), wire.status);
        assert_eq!(card.history, s.read(|db| db.template_log(t.id)));
    }
}

/// Every line of the Metrics screen equals the store and `parley business metrics --json`.
fn metrics_match(s: &Scene, session: &mut RemoteSession, config: &UiConfig, business: BusinessId) {
    keys(session, config, "3");
    let today = session.app.state.clock.day_number();
    let count = session.app.state.metrics.scopes.len();
    assert_eq!(
        count,
        1 + 2 + 1,
        "the business, two templates, one broadcast"
    );
    for i in 0..count {
        let view = session.app.state.metrics.clone();
        let row = &view.scopes[i];
        assert_eq!(
            view.figures,
            s.read(|db| db.metrics(row.scope)),
            "{}",
            row.label
        );
        let days = s.read(|db| db.daily(row.scope, today - 29, today));
        assert_eq!(view.days, days, "{}", row.label);
        let args: Vec<String> = match row.scope {
            MetricScope::Business(_) => vec![],
            MetricScope::Template(t) => {
                vec!["--template".into(), s.read(|db| db.template(t)).name]
            }
            MetricScope::Broadcast(b) => vec!["--broadcast".into(), b.0.to_string()],
        };
        let mut cli = vec!["metrics"];
        cli.extend(args.iter().map(String::as_str));
        let report: MetricsReport = s.cli(&cli);
        assert_eq!(report.metrics, view.figures, "{}", row.label);
        keys(session, config, "j");
    }
    let view = &session.app.state.metrics;
    let (policy, clock) = (Assets::built_in().policy, session.app.state.clock);
    let quality = s.read(|db| db.quality_points(business, &policy, clock));
    assert_eq!(view.quality, quality);
    let total: Metrics = s.read(|db| db.metrics(MetricScope::Business(business)));
    assert_eq!((total.sent, total.credits > 0), (30, true));
}

/// The Standing screen equals the store's report, and its advice reads the same from the
/// server's rules as from the whole policy.
fn standing_matches(
    s: &Scene,
    session: &mut RemoteSession,
    config: &UiConfig,
    business: BusinessId,
    policy: &parley::policy::PolicyConfig,
) {
    keys(session, config, "4");
    let clock = session.app.state.clock;
    let view = session.app.state.standing.clone().expect("the standing");
    let report = s.read(|db| db.standing_report(business, policy, clock));
    assert_eq!(view.report, report);
    let templates = s.read(|db| db.templates(business));
    let refs: Vec<&Template> = templates.iter().collect();
    assert_eq!(
        view.recovery,
        parley::i18n::sentences::advice(&recovery::advice(&report, &refs, policy, clock))
    );
    let cli: StatusReport = s.cli(&["status"]);
    assert_eq!(
        cli.advice, view.recovery,
        "`business status` and the console give the same advice"
    );
    assert_eq!(
        parley::i18n::sentences::advice(&cli.steps),
        cli.advice,
        "`business status` carries the steps as codes, which read the same as its sentences"
    );
    assert_eq!(
        (cli.quality, cli.budget, cli.strikes.len()),
        (
            report.business.quality,
            report.business.budget,
            report.strikes.len()
        )
    );
}

on_both_backends!(fn a_refused_broadcast_names_the_shortfall_and_sends_nothing);
fn a_refused_broadcast_names_the_shortfall_and_sends_nothing(dir: ServerDir) {
    let s = scene_in(dir, 6, 100, &[SALE], &[]);
    let business = s.subscribe_all(0);
    let config = UiConfig::defaults(true);
    let mut session = s.console((80, 24));
    dry_run(&mut session, &config, "20%");
    let BroadcastStage::Refused(refusal) = session.app.state.compose.stage.clone() else {
        panic!("refused, got {:?}", session.app.state.compose.stage);
    };
    assert_eq!(
        (
            refusal.eligible,
            refusal.needed,
            refusal.available,
            refusal.shortfall
        ),
        (6, 150, 100, 50)
    );
    let text = screen(&session, &config);
    assert!(text.contains("Shortfall    50 cr"), "{text}");
    assert_eq!(s.read(|db| db.business(business)).budget, 100);
    assert_eq!(
        s.read(|db| db.metrics(MetricScope::Business(business)))
            .sent,
        0
    );
    assert!(s.read(|db| db.broadcasts(business)).is_empty());
}

on_both_backends!(fn a_paused_template_cannot_be_sent_and_standing_shows_why);
fn a_paused_template_cannot_be_sent_and_standing_shows_why(dir: ServerDir) {
    let s = scene_in(dir, 25, 1_000, &[SALE], &["--review-every", "1s"]);
    let business = s.subscribe_all(0);
    let config = UiConfig::defaults(true);
    let mut session = s.console((100, 30));
    dry_run(&mut session, &config, "20%");
    keys(&mut session, &config, "enter");
    assert!(matches!(
        session.app.state.compose.stage,
        BroadcastStage::Done(_)
    ));
    for user in &s.users[..2] {
        let block = WireAction::Block {
            business,
            reason: BlockReason::Spam,
        };
        let results = block_on(act(&s.server.api(user), vec![("block", block)]));
        assert!(results.results[0].ok, "{results:?}");
    }
    keys(&mut session, &config, "1");
    until(&mut session, "the template's pause", |session| {
        let state = &session.app.state;
        let card = &state.templates.rows[0].template;
        card.status_at(state.clock) == TemplateStatus::Paused
    });
    let items = footer(&config.keymap, &session.app.state);
    match items.first() {
        Some(FooterItem::Notice(notice)) => {
            assert!(
                notice.starts_with("⊘ cannot send: paused until"),
                "{notice}"
            )
        }
        other => panic!("the reason shows where the send key would be, got {other:?}"),
    }
    keys(&mut session, &config, "enter");
    assert_eq!(session.app.state.screen, ConsoleScreen::Templates);
    assert!(status(&session).contains("'spring_sale' cannot be sent: paused until"));
    keys(&mut session, &config, "2");
    assert!(session.app.state.compose.sendable.is_empty());
    let mut all = vec!["business", "--server", &s.server.url, "--token", &s.token];
    all.extend(["broadcast", "--template", "spring_sale", "--dry-run"]);
    let ran = run(&all);
    assert_eq!(ran.code, 1, "the server refuses it too: {ran:?}");
    assert!(ran.stderr.contains("paused"), "{}", ran.stderr);
    keys(&mut session, &config, "4");
    let view = session.app.state.standing.clone().unwrap();
    let policy = Assets::built_in().policy;
    let clock = session.app.state.clock;
    let report = s.read(|db| db.standing_report(business, &policy, clock));
    assert_eq!(view.report, report);
    assert!(!report.strikes.is_empty(), "the pause is a strike");
    assert!(
        view.recovery
            .iter()
            .any(|l| l.contains("'spring_sale' is paused until"))
    );
}

/// Where a broadcast stands in the server's store.
fn stored(s: &Scene, id: BroadcastId) -> parley::store::BroadcastState {
    s.read(|db| db.broadcast_state(id)).unwrap()
}

fn running_id(session: &RemoteSession) -> BroadcastId {
    match &session.app.state.compose.stage {
        BroadcastStage::Running(run) => run.id,
        other => panic!("a running broadcast, got {other:?}"),
    }
}

#[test]
fn an_unfinished_broadcast_is_settled_when_another_starts_and_at_a_restart() {
    let s = scene(30, 2_000, &[SALE], &["--broadcast-idle", "0"]);
    let (business, next, budget) = settled_when_another_starts(&s);
    let Scene {
        dir, mut server, ..
    } = s;
    server.kill();
    let restarted = TestServer::start(dir.path(), &[]);
    let state = read_in(&dir, |db| db.broadcast_state(next)).unwrap();
    assert!(!state.running, "a restart settles what was left running");
    assert_eq!((state.charged, state.refunded), (0, 750));
    assert_eq!(
        read_in(&dir, |db| db.business(business)).budget,
        budget + 750
    );
    drop(restarted);
}

/// On a store several servers share, a restart leaves running broadcasts to the leader's
/// settling of idle ones: another server's may be in progress.
#[test]
fn an_unfinished_broadcast_is_settled_when_another_starts_on_postgres() {
    let s = scene_in(
        ServerDir::postgres(),
        30,
        2_000,
        &[SALE],
        &["--broadcast-idle", "0"],
    );
    settled_when_another_starts(&s);
}

/// A broadcast left running is settled when the business starts another; returns the
/// business, the new broadcast (left running) and the budget then.
fn settled_when_another_starts(s: &Scene) -> (BusinessId, BroadcastId, i64) {
    let business = s.subscribe_all(0);
    let config = UiConfig::defaults(true);
    let mut first = s.console((100, 30));
    dry_run(&mut first, &config, "20%");
    first.update(Action::Confirm);
    first.tick();
    let left = running_id(&first);
    let state = stored(s, left);
    assert!(state.running && state.remaining == 5, "{state:?}");
    let delivered = s.read(|db| db.metrics(MetricScope::Broadcast(left)));
    assert_eq!(s.read(|db| db.business(business)).budget, 2_000 - 750);

    let mut second = s.console((100, 30));
    dry_run(&mut second, &config, "30%");
    let state = stored(s, left);
    assert!(!state.running, "starting another settles the idle one");
    assert_eq!(
        (state.charged, state.refunded, state.remaining),
        (delivered.credits, 750 - delivered.credits, 0)
    );
    second.update(Action::Confirm);
    let next = running_id(&second);
    let budget = 2_000 - delivered.credits - 750;
    assert_eq!(s.read(|db| db.business(business)).budget, budget);

    first.tick();
    let BroadcastStage::Done(run) = &first.app.state.compose.stage else {
        panic!("the first console learns it was settled");
    };
    assert_eq!(
        run.settlement.map(|s| (s.charged, s.refunded)),
        Some((delivered.credits, 750 - delivered.credits))
    );

    (business, next, budget)
}

on_both_backends!(fn the_remote_console_differs_from_the_offline_one_only_where_it_should);
fn the_remote_console_differs_from_the_offline_one_only_where_it_should(dir: ServerDir) {
    let s = scene_in(dir, 0, 500, &[], &[]);
    let config = UiConfig::defaults(true);
    let mut session = s.console((80, 24));
    keys(&mut session, &config, "t");
    insta::assert_snapshot!("remote_clock_key_80x24", screen(&session, &config));
    keys(&mut session, &config, "b");
    assert!(
        session.app.state.dialog.is_none(),
        "one business, no switcher"
    );
    assert!(status(&session).contains("no other to switch to"));
    assert_eq!(session.app.state.business.as_ref().unwrap().name, SHOP);
}

on_both_backends!(fn the_consoles_routes_keep_to_the_tokens_business_and_answer_json_errors);
fn the_consoles_routes_keep_to_the_tokens_business_and_answer_json_errors(dir: ServerDir) {
    let s = scene_in(dir, 3, 1_000, &[SALE], &[]);
    s.subscribe_all(0);
    let other = support::server::add_business(s.dir.path(), "Otra", &["--budget", "10"]);
    let shop = s.shop();
    let theirs = BusinessClient::new(&s.server.url, &other).unwrap();
    block_on(async {
        let sale = shop.templates().await.unwrap()[0].id;
        let start = BroadcastStart {
            template: "spring_sale".into(),
            params: vec!["20%".into()],
            to: None,
        };
        let started = shop.start_broadcast(&start).await.unwrap();
        assert_eq!(started.remaining, 3);
        let (code, error) = status_of(theirs.template_history(sale).await);
        assert_eq!((code, error.error.as_str()), (404, "not_found"));
        let (code, _) = status_of(theirs.broadcast_part(started.id, 5).await);
        assert_eq!(code, 404, "another business cannot send its broadcast");
        let (code, _) = status_of(theirs.finish_broadcast(started.id).await);
        assert_eq!(code, 404, "nor settle it");
        let scope = parley::sync::business_client::MetricsScope::Broadcast(started.id.0);
        let (code, _) = status_of(theirs.daily(&scope, 0, 1).await);
        assert_eq!(code, 404, "nor read its figures");
        let (code, error) = status_of(theirs.start_broadcast(&start).await);
        assert_eq!(
            (code, error.error.as_str()),
            (404, "not_found"),
            "{error:?}"
        );
        let (code, _) = status_of(shop.broadcast_part(started.id, 0).await);
        assert_eq!(code, 422, "a part sends to at least one person");
        let business = parley::sync::business_client::MetricsScope::Business;
        let days = shop.daily(&business, 10, 1_000).await.unwrap();
        assert_eq!(
            (
                days.len(),
                days.first().map(|d| d.day),
                days.last().map(|d| d.day)
            ),
            (400, Some(10), Some(409)),
            "a long range is answered 400 days at a time, from its first"
        );
        let none = shop.daily(&business, 5, 4).await.unwrap();
        assert!(none.is_empty(), "no day lies in a reversed range: {none:?}");
        let user = s.server.api(&s.users[0]);
        let (code, error) = status_of(user.get::<BusinessAccount>("business/account", &[]).await);
        assert_eq!((code, error.error.as_str()), (401, "unauthorized"));
        let bad = s.server.api(&s.token);
        let (code, error) = status_of(
            bad.get::<Vec<TemplateEvent>>("business/templates/abc/history", &[])
                .await,
        );
        assert_eq!((code, error.error.as_str()), (422, "invalid"));
        let part = shop.broadcast_part(started.id, 500).await.unwrap();
        assert_eq!(
            (part.tally.sent, part.remaining, part.settlement),
            (3, 0, None)
        );
        let settled = shop.finish_broadcast(started.id).await.unwrap();
        assert_eq!(settled.charged + settled.refunded, started.quote.reserved);
        assert_eq!(
            shop.finish_broadcast(started.id).await.unwrap(),
            settled,
            "idempotent"
        );
        let after = shop.broadcast_part(started.id, 5).await.unwrap();
        assert_eq!(after.settlement, Some(settled));
        assert_eq!(
            shop.account().await.unwrap().business.budget,
            settled.budget_after
        );
        let listed = shop.broadcasts().await.unwrap();
        assert_eq!((listed.len(), listed[0].charged), (1, settled.charged));
        assert!(theirs.broadcasts().await.unwrap().is_empty());
    });
}

#[test]
fn parley_business_with_a_server_opens_the_console_in_a_terminal() {
    let s = scene(3, 1_000, &[SALE], &[]);
    s.subscribe_all(0);
    let command = format!(
        "exec env -u PARLEY_ASSETS -u PARLEY_SERVER -u PARLEY_TOKEN TERM=xterm-256color {} \
         --data-dir {} --config {} business --server {} --token {}",
        support::tmux::shell_quote(env!("CARGO_BIN_EXE_parley")),
        support::tmux::shell_quote(&s.dir.path().join("client").display().to_string()),
        support::tmux::shell_quote(
            &support::tmux::default_config(s.dir.path())
                .display()
                .to_string(),
        ),
        support::tmux::shell_quote(&s.server.url),
        support::tmux::shell_quote(&s.token),
    );
    let term = support::tmux::Tmux::start("remote-console", 120, 40, &command);
    term.wait_text(&[SHOP, "spring_sale", "online · 127.0.0.1:"]);
    block_on(s.shop().submit_template(&TemplateSubmission {
        name: "order_ready".into(),
        category: Category::Utility,
        body: "Your order {{1}} is ready".into(),
        allow_recategorise: false,
    }))
    .unwrap();
    term.wait_text(&["order_ready"]);
    term.press("2");
    term.press("Tab");
    term.type_text("20%");
    term.press("Enter");
    term.wait_text(&["Dry run: nothing sent yet", "3 people, 3 eligible"]);
    term.press("y");
    let done = term.wait_text(&["Broadcast #1 sent: 75 cr charged, 0 cr returned"]);
    assert!(done.contains("925 cr"), "{}", support::tmux::framed(&done));
    term.press("t");
    term.wait_text(&["Server clock, the real time"]);
    term.press("q");
    assert_eq!(term.wait_exit(), support::tmux::Ended::Exit(0));
}

on_both_backends!(fn the_conversations_screen_shows_what_users_write_and_reading_it_marks_it_read);
fn the_conversations_screen_shows_what_users_write_and_reading_it_marks_it_read(dir: ServerDir) {
    let s = scene_in(dir, 2, 500, &[], &[]);
    let business = block_on(s.shop().account()).unwrap().business.id;
    let api = s.server.api(&s.users[1]);
    let question = WireAction::Reply {
        business,
        text: "Is the sale on in Centro too?".into(),
    };
    assert!(block_on(act(&api, vec![("q", question)])).results[0].ok);
    let mut console = s.console((120, 40));
    keys(&mut console, &UiConfig::defaults(true), "5");
    let rows = &console.app.state.conversations.rows;
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0].user.as_str(), rows[0].unread), ("user01", 1));
    assert!(rows[0].window.is_some(), "user01 opened the window");

    keys(&mut console, &UiConfig::defaults(true), "enter");
    let open = console.app.state.conversations.open.clone().unwrap();
    assert_eq!(open.messages[0].body, "Is the sale on in Centro too?");
    let mine = block_on(all_changes(&api)).messages;
    assert!(
        mine[0].seen_at.is_some(),
        "the read reaches the user: {mine:?}"
    );

    // What the user writes next shows in the open conversation as the console refreshes.
    let again = WireAction::Reply {
        business,
        text: "And online?".into(),
    };
    assert!(block_on(act(&api, vec![("a", again)])).results[0].ok);
    until(&mut console, "the second message", |console| {
        let open = console.app.state.conversations.open.as_ref();
        open.is_some_and(|open| open.messages.len() >= 2)
    });
    let open = console.app.state.conversations.open.clone().unwrap();
    assert_eq!(open.messages[1].body, "And online?");
}

on_both_backends!(fn the_remote_console_edits_and_deletes_a_template_on_the_server);
fn the_remote_console_edits_and_deletes_a_template_on_the_server(dir: ServerDir) {
    let s = scene_in(dir, 1, 1_000, &[SALE], &[]);
    let config = UiConfig::defaults(true);
    let mut session = s.console((100, 30));
    let id = session
        .app
        .state
        .templates
        .selected_card()
        .unwrap()
        .template
        .id;
    keys(&mut session, &config, "e \" this weekend\" enter");
    let Some(parley::tui::console::state::ConsoleDialog::Review { card }) =
        session.app.state.dialog.clone()
    else {
        panic!("the new version's review shows: {}", status(&session))
    };
    assert_eq!(
        card.template.body,
        "Spring sale: {{1}} off everything this weekend"
    );
    let versions = s.read(|db| db.template_versions(id));
    assert_eq!(
        versions.iter().map(|v| v.body.as_str()).collect::<Vec<_>>(),
        [SALE.2, "Spring sale: {{1}} off everything this weekend"],
        "the server keeps both versions"
    );
    keys(&mut session, &config, "enter d enter");
    assert_eq!(
        s.read(|db| db.template(id)).status,
        TemplateStatus::Deleted,
        "{}",
        status(&session)
    );
    let shown = session.app.state.templates.selected_card().unwrap();
    assert_eq!(shown.template.status, TemplateStatus::Deleted);
    let sent = block_on(s.shop().send(&SendRequest {
        to: "user00".into(),
        template: Some(SALE.0.into()),
        params: vec!["10%".into()],
        text: None,
        key: None,
    }))
    .unwrap();
    assert_eq!(sent.decision.reason, Reason::TemplateDeleted);
}
