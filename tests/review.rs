//! Review and reinstatement end to end: the real `parley serve` with a movable clock, users'
//! reports through the real client code, and the real `parley business` and `parley review`
//! commands a business and a platform reviewer run.

mod support;

use parley::model::*;
use parley::protocol::*;
use parley::tui::UiConfig;
use parley::tui::console::commands::{FooterItem, footer};
use parley::tui::console::{RemoteSession, RemoteSource};
use parley::tui::render::{buffer_text, render};
use support::console::keys;
use support::server::*;

const SHOP: &str = "Prestamos Ya";
const REASON: &str = "The reports came from one mistaken campaign; the list is cleaned.";

/// A server with three users, the lender, and the reviewer rita.
struct Scene {
    server: TestServer,
    users: Vec<(&'static str, String)>,
    shop: String,
    reviewer: String,
    /// Declared last: dropped after the server.
    _dir: ServerDir,
}

fn scene(dir: ServerDir) -> Scene {
    let users = ["ana", "bob", "cy"]
        .into_iter()
        .map(|n| (n, add_user(dir.path(), n)))
        .collect();
    let shop = add_business(dir.path(), SHOP, &["--kind", "finance"]);
    let reviewer = add_reviewer(dir.path(), "rita");
    assert!(reviewer.starts_with("r."), "a reviewer's token: {reviewer}");
    let server = TestServer::start(dir.path(), &["--movable-clock", "--rate-limit", "0"]);
    Scene {
        _dir: dir,
        server,
        users,
        shop,
        reviewer,
    }
}

impl Scene {
    fn business(&self, args: &[&str]) -> Ran {
        business_tool(&self.server.url, &self.shop, args)
    }

    fn review(&self, args: &[&str]) -> Ran {
        let mut all = vec![
            "review",
            "--server",
            &self.server.url,
            "--token",
            &self.reviewer,
        ];
        all.extend_from_slice(args);
        run(&all)
    }

    async fn advance(&self, seconds: i64) -> ClockMoved {
        self.server
            .api("")
            .post("test/clock", &ClockAdvance { seconds })
            .await
            .expect("the clock moves")
    }

    /// Every user reports the lender, each action under a fresh key.
    async fn everyone_reports(&self, round: u32) {
        for (_, token) in &self.users {
            let api = self.server.api(token);
            let business = lender(&all_changes(&api).await);
            let report = WireAction::Report {
                business,
                reason: ReportReason::Spam,
                also_block: false,
            };
            let key = format!("report-{round}");
            assert!(act(&api, vec![(&key, report)]).await.results[0].ok);
        }
    }
}

impl Scene {
    /// The lender sends a utility template to everyone, ana writes back, then five rounds of
    /// reports from three people, each its own strike, take it to the top of the ladder.
    async fn disable(&self) {
        self.strikes(5).await;
    }

    /// As `disable`, with `rounds` rounds of reports: one strike each.
    async fn strikes(&self, rounds: u32) {
        let template = self._dir.path().join("welcome.toml");
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
        let (_, ana) = &self.users[0];
        let api = self.server.api(ana);
        let business = lender(&all_changes(&api).await);
        let reply = WireAction::Reply {
            business,
            text: "stop writing \u{1b}[2J\u{202e} to me".into(),
        };
        assert!(act(&api, vec![("reply", reply)]).await.results[0].ok);

        for round in 1..=rounds {
            self.advance(600).await;
            self.everyone_reports(round).await;
            self.advance(3_600).await;
            let status = self.business(&["--json", "status"]);
            let status: StatusReport = serde_json::from_str(&status.stdout).unwrap();
            assert_eq!(status.strikes.len(), round as usize, "{status:?}");
        }
    }
}

fn lender(changes: &Changes) -> BusinessId {
    changes
        .businesses
        .iter()
        .find(|b| b.name == SHOP)
        .expect("the lender wrote to the user")
        .id
}

fn no_terminal_controls(text: &str) -> bool {
    !text
        .chars()
        .any(|c| c == '\u{1b}' || ('\u{80}'..='\u{9f}').contains(&c) || c == '\u{202e}')
}

on_both_backends!(async fn a_reviewer_reads_the_evidence_and_reinstates_a_disabled_business_which_sends_again);
async fn a_reviewer_reads_the_evidence_and_reinstates_a_disabled_business_which_sends_again(
    dir: ServerDir,
) {
    let s = scene(dir);
    s.disable().await;
    let refused = s.business(&[
        "send",
        "--to",
        "ana",
        "--template",
        "welcome",
        "--param",
        "8",
    ]);
    assert_eq!(refused.code, 1, "disabled: {}", refused.stdout);
    assert!(
        refused.stdout.contains("business_suspended"),
        "{}",
        refused.stdout
    );

    let asked = s.business(&["ask-review", "--note", "We cleaned our list"]);
    assert_eq!(asked.code, 0, "{}", asked.stderr);

    let list = s.review(&["list"]);
    assert_eq!(list.code, 0, "{}", list.stderr);
    assert!(list.stdout.contains(SHOP), "{}", list.stdout);
    assert!(list.stdout.contains("Business disabled"), "{}", list.stdout);
    assert!(
        list.stdout
            .contains("Prestamos Ya asks: We cleaned our list"),
        "the request and its note: {}",
        list.stdout
    );

    let shown = s.review(&["show", SHOP]);
    assert_eq!(shown.code, 0, "{}", shown.stderr);
    assert!(shown.stdout.contains("by ana: spam"), "{}", shown.stdout);
    assert!(
        shown.stdout.contains("Your account 7 is open."),
        "the evidence is the chat's last messages: {}",
        shown.stdout
    );
    assert!(shown.stdout.contains("stop writing"), "{}", shown.stdout);
    assert!(no_terminal_controls(&shown.stdout), "{:?}", shown.stdout);
    assert!(
        shown.stdout.contains("Reported by 3 people"),
        "{}",
        shown.stdout
    );

    let reinstated = s.review(&["reinstate", SHOP, "--reason", REASON]);
    assert_eq!(reinstated.code, 0, "{}", reinstated.stderr);
    assert!(
        reinstated.stdout.contains("Reinstated Prestamos Ya"),
        "{}",
        reinstated.stdout
    );

    // The hourly review that follows keeps it reinstated.
    s.advance(3_600).await;
    let status = s.business(&["status"]);
    assert_eq!(status.code, 0);
    assert!(status.stdout.contains(REASON), "{}", status.stdout);
    assert!(status.stdout.contains("rita"), "{}", status.stdout);
    let json = s.business(&["status", "--json"]);
    let json: StatusReport = serde_json::from_str(&json.stdout).unwrap();
    let decision = json.review.latest().expect("the decision is in the status");
    assert_eq!(
        (decision.verdict, decision.reason.as_str()),
        (Verdict::Reinstated, REASON)
    );
    assert!(
        json.review.waiting.is_none(),
        "the decision answered the request"
    );

    let sent = s.business(&[
        "send",
        "--to",
        "ana",
        "--template",
        "welcome",
        "--param",
        "9",
    ]);
    assert_eq!(
        sent.code, 0,
        "it sends again: {}{}",
        sent.stdout, sent.stderr
    );
    assert!(
        sent.stdout.starts_with("Delivered to ana"),
        "{}",
        sent.stdout
    );

    let list = s.review(&["list"]);
    assert!(
        list.stdout.starts_with("Nothing to review"),
        "{}",
        list.stdout
    );
    let again = s.review(&["reinstate", SHOP, "--reason", "twice"]);
    assert_eq!(again.code, 1, "nothing left to reinstate");
    assert!(
        again.stderr.contains("nothing to review"),
        "{}",
        again.stderr
    );
}

on_both_backends!(async fn a_confirmed_disable_stays_and_the_business_reads_why);
async fn a_confirmed_disable_stays_and_the_business_reads_why(dir: ServerDir) {
    let s = scene(dir);
    s.disable().await;
    let confirmed = s.review(&[
        "--json",
        "confirm",
        SHOP,
        "--reason",
        "Threats in the evidence",
    ]);
    assert_eq!(confirmed.code, 0, "{}", confirmed.stderr);
    let recorded: DecisionRecorded = serde_json::from_str(&confirmed.stdout).unwrap();
    assert!(recorded.lifted.is_empty());
    assert_eq!(recorded.decision.reviewer, "rita");

    let status = s.business(&["status"]);
    assert!(
        status.stdout.contains("Threats in the evidence"),
        "{}",
        status.stdout
    );
    assert!(
        status.stdout.contains("Restriction confirmed"),
        "{}",
        status.stdout
    );
    let refused = s.business(&[
        "send",
        "--to",
        "ana",
        "--template",
        "welcome",
        "--param",
        "2",
    ]);
    assert_eq!(refused.code, 1, "still disabled: {}", refused.stdout);

    let wordless = DecisionSubmission {
        business: SHOP.into(),
        verdict: Verdict::Reinstated,
        reason: "\u{1b}[2J\u{202e}".into(),
    };
    let refused = s
        .server
        .api(&s.reviewer)
        .post::<_, DecisionRecorded>("review/decisions", &wordless)
        .await;
    let (status, error) = status_of(refused);
    assert_eq!(status, 422, "a reason of nothing but controls: {error:?}");
    assert!(error.message.contains("reason in words"), "{error:?}");
    let empty = s.review(&["reinstate", SHOP, "--reason", "  "]);
    assert_eq!(empty.code, 2, "a reason is asked before anything is sent");
    let stranger = s.review(&["show", "Nobody Here"]);
    assert_eq!(stranger.code, 1);
    assert!(
        stranger.stderr.contains("no business named Nobody Here"),
        "{}",
        stranger.stderr
    );
}

on_both_backends!(async fn the_console_asks_for_a_review_on_standing_and_shows_the_decision);
async fn the_console_asks_for_a_review_on_standing_and_shows_the_decision(dir: ServerDir) {
    let s = scene(dir);
    s.disable().await;
    let (url, token) = (s.server.url.clone(), s.shop.clone());
    let console = move || {
        let source = RemoteSource::connect(&url, &token).unwrap();
        RemoteSession::open(source, None, 100, 40).unwrap()
    };
    let open = console.clone();
    let (asked, footer_before, screen) = tokio::task::spawn_blocking(move || {
        let config = UiConfig::defaults(true);
        let mut session = open();
        keys(&mut session, &config, "4");
        let before = footer_text(&session, &config);
        keys(&mut session, &config, "r");
        let status = session
            .app
            .state
            .status
            .clone()
            .expect("a line on what was asked");
        (status.text, before, screen_text(&session, &config))
    })
    .await
    .unwrap();
    assert!(
        footer_before.contains("ask for a review"),
        "{footer_before}"
    );
    assert!(asked.starts_with("Review asked on"), "{asked}");
    assert!(screen.contains("A review was asked on"), "{screen}");
    assert!(
        !screen.contains("Ask for a review;"),
        "asked once: {screen}"
    );

    let list = s.review(&["list"]);
    assert!(
        list.stdout.contains("asked "),
        "the reviewer sees the request: {}",
        list.stdout
    );
    let reinstated = s.review(&["reinstate", SHOP, "--reason", REASON]);
    assert_eq!(reinstated.code, 0, "{}", reinstated.stderr);

    let (footer_after, screen) = tokio::task::spawn_blocking(move || {
        let config = UiConfig::defaults(true);
        let mut session = console();
        keys(&mut session, &config, "4");
        (
            footer_text(&session, &config),
            screen_text(&session, &config),
        )
    })
    .await
    .unwrap();
    assert!(screen.contains("Reinstated by rita"), "{screen}");
    assert!(screen.contains("mistaken campaign"), "the reason: {screen}");
    assert!(
        !footer_after.contains("ask for a review"),
        "nothing left to review: {footer_after}"
    );
}

fn footer_text(session: &RemoteSession, config: &UiConfig) -> String {
    footer(&config.keymap, &session.app.state)
        .into_iter()
        .map(|item| match item {
            FooterItem::Key(key, label) => format!("{key} {label}"),
            FooterItem::Notice(notice) => notice,
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The screen's lines trimmed and joined, so a wrapped sentence reads whole.
fn screen_text(session: &RemoteSession, config: &UiConfig) -> String {
    let buffer = render(session, &config.theme, &config.keymap);
    buffer_text(&buffer)
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ")
}

on_both_backends!(async fn a_request_stops_waiting_when_the_suspension_it_asked_about_runs_out);
async fn a_request_stops_waiting_when_the_suspension_it_asked_about_runs_out(dir: ServerDir) {
    let s = scene(dir);
    s.strikes(3).await;
    let asked = s.business(&["ask-review"]);
    assert_eq!(asked.code, 0, "marketing suspended: {}", asked.stderr);
    let list = s.review(&["list"]);
    assert!(
        list.stdout.contains("Marketing suspended"),
        "{}",
        list.stdout
    );
    assert!(list.stdout.contains("asked "), "{}", list.stdout);

    s.advance(8 * 86_400).await;
    let list = s.review(&["list"]);
    assert!(
        list.stdout.starts_with("Nothing to review"),
        "the suspension ended: {}",
        list.stdout
    );
    let status = s.business(&["status", "--json"]);
    let status: StatusReport = serde_json::from_str(&status.stdout).unwrap();
    assert!(status.review.waiting.is_none(), "{:?}", status.review);
    let again = s.business(&["ask-review"]);
    assert_eq!(again.code, 1, "nothing left to review");
}
