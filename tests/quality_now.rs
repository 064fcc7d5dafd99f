//! Quality is computed when it is read: every place that shows a business's quality (the
//! console's status bar, chooser, Standing and Metrics, `business status`, `world summary`)
//! or a template's (the console's Templates, `business templates list`) shows the value the
//! signals give now, not the one the last hourly review recorded.

mod support;

use parley::model::*;
use parley::protocol::*;
use parley::tui::UiConfig;
use parley::tui::console::{RemoteSession, RemoteSource};
use parley::tui::render::{buffer_text, render};
use support::console::*;
use support::server::*;
use tempfile::TempDir;

const LENDER: &str = "QuickCash Loans";
const SHOP: &str = "Prestamos Ya";

/// The screen's lines trimmed and joined, so a wrapped sentence reads whole.
fn squeezed(screen: &str) -> String {
    screen.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_demo_lender_reads_low_everywhere_as_soon_as_its_blocks_come_in() {
    let (mut session, config) = console("3h10m", None, (120, 40));
    let id = business(session.store(), LENDER);
    let recorded = session.store().db().business(id).unwrap().quality;
    assert_eq!(
        recorded,
        Quality::High,
        "no review has rated the blocks yet"
    );

    keys(&mut session, &config, "4");
    let standing = squeezed(&console_screen(&session, &config));
    assert!(standing.contains("Quality Low"), "{standing}");
    assert!(standing.contains("25 blocks"), "{standing}");
    assert!(
        standing.contains(&format!("{LENDER} · quality Low")),
        "the status bar: {standing}"
    );

    keys(&mut session, &config, "3");
    let metrics = squeezed(&console_screen(&session, &config));
    assert!(metrics.contains("Quality over time · now Low"), "{metrics}");

    keys(&mut session, &config, "b");
    let chooser = squeezed(&console_screen(&session, &config));
    assert!(
        chooser.contains(&format!("{LENDER} · Lending · quality Low")),
        "the chooser: {chooser}"
    );
    let listed = &session.app.state.businesses;
    let lender = listed.iter().find(|b| b.id == id).unwrap();
    assert_eq!(lender.quality, Quality::Low);
}

#[test]
fn the_demo_lenders_templates_read_their_quality_now_on_the_templates_screen() {
    let (mut session, config) = console("3h10m", None, (120, 40));
    let id = business(session.store(), LENDER);
    let stored: Vec<(String, Quality)> = session
        .store()
        .db()
        .templates(id)
        .unwrap()
        .into_iter()
        .map(|t| (t.name, t.quality))
        .collect();
    keys(&mut session, &config, "1");
    let shown: Vec<(String, Quality)> = session
        .app
        .state
        .templates
        .rows
        .iter()
        .map(|card| (card.template.name.clone(), card.template.quality))
        .collect();
    let (name, _) = shown
        .iter()
        .find(|(_, quality)| *quality == Quality::Low)
        .unwrap_or_else(|| panic!("a template rated Low by the blocks: {shown:?}"));
    assert!(
        stored.contains(&(name.clone(), Quality::High)),
        "no review has rated it yet: {stored:?}"
    );
    let row = shown.iter().position(|(n, _)| n == name).unwrap();
    for _ in 0..row {
        keys(&mut session, &config, "j");
    }
    let screen = squeezed(&console_screen(&session, &config));
    assert!(screen.contains("Quality Low"), "{screen}");
}

#[test]
fn world_summary_gives_the_quality_the_console_shows() {
    let dir = TempDir::new().unwrap();
    let data = dir.path().to_str().unwrap();
    let advanced = run(&["--data-dir", data, "world", "advance", "3h10m"]);
    assert_eq!(advanced.code, 0, "{}", advanced.stderr);
    let summary = run(&["--data-dir", data, "world", "summary"]);
    let lender = summary
        .stdout
        .split(&format!("{LENDER} ("))
        .nth(1)
        .and_then(|rest| rest.lines().find(|l| l.trim_start().starts_with("Quality")))
        .unwrap_or_else(|| panic!("the lender's quality line: {}", summary.stdout));
    assert!(lender.contains("Quality Low"), "{lender}");
}

/// A server whose rules judge quality from 3 people reached, with three users, a business
/// that sent each of them a utility message, and a movable clock that only the test moves.
struct Scene {
    server: TestServer,
    users: Vec<(&'static str, String)>,
    shop: String,
    /// Declared last: dropped after the server.
    dir: ServerDir,
}

fn scene(dir: ServerDir) -> Scene {
    let assets = dir.path().join("assets");
    std::fs::create_dir(&assets).unwrap();
    let policy = include_str!("../assets/policy.toml").replace("min_users = 20", "min_users = 3");
    assert!(policy.contains("min_users = 3"));
    std::fs::write(assets.join("policy.toml"), policy).unwrap();
    let users = ["ana", "bob", "cy"]
        .into_iter()
        .map(|n| (n, add_user(dir.path(), n)))
        .collect();
    let shop = add_business(dir.path(), SHOP, &["--kind", "finance"]);
    let server = TestServer::start(
        dir.path(),
        &[
            "--movable-clock",
            "--rate-limit",
            "0",
            "--assets",
            assets.to_str().unwrap(),
        ],
    );
    Scene {
        dir,
        server,
        users,
        shop,
    }
}

impl Scene {
    fn business(&self, args: &[&str]) -> Ran {
        business_tool(&self.server.url, &self.shop, args)
    }

    fn welcome_everyone(&self) {
        let template = self.dir.path().join("welcome.toml");
        std::fs::write(
            &template,
            "name = \"welcome\"\ncategory = \"utility\"\nbody = \"Your account {{1}} is open.\"\n",
        )
        .unwrap();
        let submitted = self.business(&["templates", "submit", template.to_str().unwrap()]);
        assert_eq!(submitted.code, 0, "{}", submitted.stderr);
        for (name, _) in &self.users {
            let sent = self.business(&[
                "send",
                "--to",
                name,
                "--template",
                "welcome",
                "--param",
                "7",
            ]);
            assert_eq!(sent.code, 0, "{}{}", sent.stdout, sent.stderr);
        }
    }

    fn status(&self) -> StatusReport {
        let ran = self.business(&["status", "--json"]);
        assert_eq!(ran.code, 0, "{}", ran.stderr);
        serde_json::from_str(&ran.stdout).unwrap()
    }

    async fn block(&self, user: usize) {
        let api = self.server.api(&self.users[user].1);
        let changes = all_changes(&api).await;
        let business = changes
            .businesses
            .iter()
            .find(|b| b.name == SHOP)
            .expect("the shop wrote to the user")
            .id;
        let block = WireAction::Block {
            business,
            reason: BlockReason::Spam,
        };
        assert!(act(&api, vec![("block", block)]).await.results[0].ok);
    }
}

/// The console's screens that show quality, as text: status bar and Standing, then Metrics.
fn console_screens(url: String, token: String) -> (String, String, Vec<Quality>) {
    let config = UiConfig::defaults(true);
    let source = RemoteSource::connect(&url, &token).unwrap();
    let mut session = RemoteSession::open(source, None, 120, 40).unwrap();
    keys(&mut session, &config, "4");
    let standing = buffer_text(&render(&session, &config.theme, &config.keymap));
    keys(&mut session, &config, "3");
    let metrics = buffer_text(&render(&session, &config.theme, &config.keymap));
    let chooser = session.app.state.businesses.iter().map(|b| b.quality);
    (squeezed(&standing), squeezed(&metrics), chooser.collect())
}

on_both_backends!(async fn a_block_lowers_the_quality_every_reader_shows_before_any_review);
async fn a_block_lowers_the_quality_every_reader_shows_before_any_review(dir: ServerDir) {
    let s = scene(dir);
    s.welcome_everyone();
    assert_eq!(s.status().quality, Quality::High);

    s.block(0).await;
    let status = s.status();
    assert_eq!(status.quality, Quality::Low, "2 of 3 people: {status:?}");
    assert!(status.strikes.is_empty(), "no review ran: {status:?}");
    let text = s.business(&["status"]);
    assert!(
        row(&text, "quality").contains("Low"),
        "business status: {}",
        text.stdout
    );
    let listed = s.business(&["--json", "templates", "list"]);
    let templates: Vec<WireTemplate> = serde_json::from_str(&listed.stdout).unwrap();
    assert_eq!(
        templates.iter().map(|t| t.quality).collect::<Vec<_>>(),
        [Quality::Low],
        "the welcome template, on its own signals: {}",
        listed.stdout
    );

    let (url, token) = (s.server.url.clone(), s.shop.clone());
    let (standing, metrics, chooser) =
        tokio::task::spawn_blocking(move || console_screens(url, token))
            .await
            .unwrap();
    assert!(standing.contains("Quality Low"), "{standing}");
    assert!(standing.contains("1 block,"), "{standing}");
    assert!(
        standing.contains(&format!("{SHOP} · quality Low")),
        "the status bar: {standing}"
    );
    assert!(metrics.contains("Quality over time · now Low"), "{metrics}");
    assert_eq!(chooser, [Quality::Low]);
}
