//! End to end with a server, as a person tries it in two terminals: `parley serve` as a child
//! process on 127.0.0.1, the inbox (`parley --server URL --token T`) in tmux, and the business
//! tool (`parley business ...`) run as a command. Nothing waits a fixed time: each step polls
//! the screen, or the business tool's dry run, until it shows what the user should see.

mod support;

use support::server::{
    Ran, TestServer, add_business, add_user, all_changes, business_tool, eventually, poll_tool, row,
};
use support::synced::{
    inbox_command, submit_template, subscribe_from_directory, wait_for_audience,
};
use support::tmux::{Ended, Tmux, framed};

/// The shipped-order template every scene submits.
const SHIPPED: &str =
    "name = \"shipped\"\ncategory = \"utility\"\nbody = \"Your order {{1}} has shipped.\"\n";

/// A server with the user alice and the business Moda Lola, whose "shipped" template is approved.
struct Scene {
    /// Declared first, so the server stops before its directory goes.
    server: TestServer,
    url: String,
    alice: String,
    shop: String,
    dir: tempfile::TempDir,
}

impl Scene {
    /// Starts the server; `extra` are more `add-business` options for Moda Lola.
    fn new(extra: &[&str]) -> Scene {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let server_dir = dir.path().join("server");
        let alice = add_user(&server_dir, "alice");
        let options: Vec<&str> = ["--verified", "--kind", "shop"]
            .into_iter()
            .chain(extra.iter().copied())
            .collect();
        let shop = add_business(&server_dir, "Moda Lola", &options);
        let server = TestServer::start(&server_dir, &[]);
        let url = server.url.clone();
        let scene = Scene {
            server,
            url,
            alice,
            shop,
            dir,
        };
        scene.submit("shipped", SHIPPED);
        scene
    }

    /// Runs the business tool as Moda Lola.
    fn tool(&self, args: &[&str]) -> Ran {
        business_tool(&self.url, &self.shop, args)
    }

    /// Submits a template from its TOML text; the server approves it.
    fn submit(&self, name: &str, text: &str) {
        submit_template(&self.url, &self.shop, self.dir.path(), name, text);
    }

    /// Sends alice the "shipped" update for `order`.
    fn ship(&self, order: &str) -> Ran {
        let args = [
            "send",
            "--to",
            "alice",
            "--template",
            "shipped",
            "--param",
            order,
        ];
        self.tool(&args)
    }

    /// The inbox in tmux as alice (or with another `token`), its local copy in `client`.
    fn inbox(&self, name: &str, token: &str) -> Tmux {
        let data = self.dir.path().join("client");
        Tmux::start(name, 120, 32, &inbox_command(&self.url, token, &data, ""))
    }
}

#[test]
fn a_business_and_a_user_meet_through_the_server() {
    let mut scene = Scene::new(&["--budget", "1000"]);
    let (url, shop) = (scene.url.clone(), scene.shop.clone());

    // The business's marketing template, reviewed by the server.
    scene.submit(
        "weekly",
        "name = \"weekly\"\ncategory = \"marketing\"\nbody = \"This week at Moda Lola: {{1}} off coats.\"\n",
    );

    // The inbox, synced: the user's name, online, nothing yet.
    let inbox = scene.inbox("sync", &scene.alice);
    inbox.wait_text(&["alice · 0 held", "online", "Messages appear here"]);

    // One update, delivered, on the screen.
    let ran = scene.ship("A-1001");
    assert_eq!(ran.code, 0, "{ran:?}");
    assert!(ran.stdout.contains("Delivered to alice"), "{ran:?}");
    inbox.wait_text(&[
        "Moda Lola [biz] ✓",
        "Your order A-1001 has shipped.",
        "Unread 1",
    ]);

    // The user subscribes; once the server has it, a broadcast is priced for one person and sent.
    inbox.press("s");
    inbox.wait_text(&["Subscribed to Moda Lola"]);
    let dry_run = [
        "broadcast",
        "--template",
        "weekly",
        "--param",
        "30%",
        "--dry-run",
    ];
    poll_tool(&url, &shop, &dry_run, "an audience of one", |ran| {
        ran.code == 0 && row(ran, "audience") == "audience 1 person"
    });
    let ran = scene.tool(&dry_run[..5]);
    assert_eq!(ran.code, 0, "{ran:?}");
    assert_eq!(row(&ran, "delivered"), "delivered 1", "{ran:?}");
    assert!(row(&ran, "charged").starts_with("charged"), "{ran:?}");
    let text = inbox.wait_text(&["This week at Moda Lola: 30% off coats.", "Offers 1"]);
    assert!(!text.contains("Offers 0"), "{}", framed(&text));

    // The user blocks the business; its next send is rejected, with the reason on both sides.
    inbox.press("b");
    inbox.wait_text(&["Block Moda Lola?", "Why are you blocking it?"]);
    inbox.press("Enter");
    inbox.wait_text(&["Blocked Moda Lola", "⊘blocked"]);
    poll_tool(&url, &shop, &dry_run, "the block on the server", |ran| {
        row(ran, "delivered") == "delivered 0"
    });
    let ran = scene.ship("A-1002");
    assert_eq!(ran.code, 1, "a rejected send exits 1: {ran:?}");
    assert!(ran.stdout.contains("blocked_by_user"), "{ran:?}");
    inbox.press("p");
    inbox.wait_text(&[
        "Business profile",
        "Latest rejected attempts",
        "you blocked",
    ]);
    inbox.press("Escape");
    inbox.wait_text(&["All · 1"]);

    // The server goes away: the inbox says so and keeps working; the unblock waits for it.
    let port = url.rsplit(':').next().expect("a port").to_string();
    scene.server.kill();
    inbox.wait_text(&["offline"]);
    inbox.press("b");
    inbox.wait_text(&["Unblocked Moda Lola"]);
    let text = inbox.screen().text;
    assert!(!text.contains("⊘blocked"), "{}", framed(&text));

    // Back on the same address: the outbox drains and the business reaches the user again.
    let server_dir = scene.dir.path().join("server");
    let server = TestServer::start_at(&server_dir, &format!("127.0.0.1:{port}"), &[]);
    inbox.wait_text(&["online"]);
    poll_tool(&url, &shop, &dry_run, "the unblock on the server", |ran| {
        row(ran, "delivered") == "delivered 1"
    });
    let ran = scene.ship("A-1003");
    assert_eq!(ran.code, 0, "{ran:?}");
    inbox.wait_text(&["Your order A-1003 has shipped."]);

    inbox.press("q");
    assert_eq!(inbox.wait_exit(), Ended::Exit(0));
    drop(server);
}

#[test]
fn a_user_finds_a_business_in_the_directory_and_subscribes_before_it_writes() {
    let scene = Scene::new(&["--budget", "1000"]);
    let server_dir = scene.dir.path().join("server");
    add_business(
        &server_dir,
        "Banco Claro",
        &["--verified", "--kind", "bank"],
    );
    scene.submit(
        "weekly",
        "name = \"weekly\"\ncategory = \"marketing\"\nbody = \"This week at Moda Lola: {{1}} off coats.\"\n",
    );

    // Nobody has written to alice, yet Subscriptions lists the server's directory.
    let inbox = scene.inbox("directory", &scene.alice);
    inbox.wait_text(&["alice · 0 held", "online", "Messages appear here"]);
    inbox.press("S");
    inbox.wait_text(&["Businesses and their offers", "Banco Claro", "Moda Lola"]);

    // Found by name as it is typed, case aside, and subscribed to.
    let text = subscribe_from_directory(&inbox, "MODA", "Moda Lola");
    assert!(!text.contains("Banco Claro"), "{}", framed(&text));

    // Once the server has the subscription, the business's broadcast to its subscribers
    // reaches alice, who never heard from it before.
    wait_for_audience(&scene.url, &scene.shop, "weekly", "30%", 1);
    let ran = scene.tool(&["broadcast", "--template", "weekly", "--param", "30%"]);
    assert_eq!(row(&ran, "delivered"), "delivered 1", "{ran:?}");
    inbox.press("Escape");
    inbox.wait_text(&["/ finds a business by name", "Banco Claro"]);
    inbox.press("Escape");
    inbox.wait_text(&[
        "Moda Lola [biz] ✓",
        "This week at Moda Lola: 30% off coats.",
    ]);
    inbox.press("C-c");
    assert_eq!(inbox.wait_exit(), Ended::Exit(0));
}

#[test]
fn opening_a_chat_tells_the_server_it_was_read() {
    let scene = Scene::new(&[]);
    let sent = scene.ship("A-1");
    assert!(sent.stdout.contains("Delivered to alice"), "{sent:?}");
    let inbox = scene.inbox("read", &scene.alice);
    inbox.wait_text(&["online", "Your order A-1 has shipped.", "Unread 1"]);
    let metrics = ["metrics"];
    let before = scene.tool(&metrics);
    assert_eq!(row(&before, "read "), "read 0", "{before:?}");

    inbox.press("Enter");
    inbox.wait_text(&["Unread 0"]);
    poll_tool(
        &scene.url,
        &scene.shop,
        &metrics,
        "the read on the server",
        |ran| row(ran, "read ") == "read 1" && row(ran, "read rate") == "read rate 100 %",
    );
    inbox.press("C-c");
    assert_eq!(inbox.wait_exit(), Ended::Exit(0));
}

#[test]
fn a_server_without_a_token_exits_2_and_says_where_a_token_comes_from() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let config = support::tmux::default_config(dir.path())
        .display()
        .to_string();
    let data = dir.path().display().to_string();
    let args = [
        "--server",
        "http://127.0.0.1:9",
        "--data-dir",
        &data,
        "--config",
        &config,
    ];
    let ran = support::server::run(&args);
    assert_eq!(ran.code, 2, "{ran:?}");
    assert!(ran.stderr.contains("needs a token"), "{ran:?}");
    assert!(ran.stderr.contains("parley serve add-user"), "{ran:?}");
    assert!(ran.stderr.contains("--token"), "{ran:?}");
}

#[test]
fn a_refused_token_stops_the_sync_and_keeps_the_local_copy() {
    let scene = Scene::new(&[]);
    assert_eq!(scene.ship("A-7").code, 0);
    let inbox = scene.inbox("token", &scene.alice);
    inbox.wait_text(&["online", "Your order A-7 has shipped."]);
    inbox.press("C-c");
    assert_eq!(inbox.wait_exit(), Ended::Exit(0));
    drop(inbox);

    let refused = scene.inbox("token", "not-a-token");
    let text = refused.wait_text(&[
        "The server refused this token",
        "token refused · not syncing",
        "Your order A-7 has shipped.",
    ]);
    assert!(!text.contains("retry"), "{}", framed(&text));
    refused.press("L");
    let text = refused.wait_text(&["Notices", "parley serve add-user NAME", "--token T"]);
    assert!(!text.contains("retry"), "{}", framed(&text));
    refused.press("C-c");
    assert_eq!(refused.wait_exit(), Ended::Exit(0));
}

#[test]
fn the_inbox_gives_a_user_without_a_time_zone_the_devices_own() {
    let scene = Scene::new(&[]);
    let data = scene.dir.path().join("client");
    let command = inbox_command(&scene.url, &scene.alice, &data, "TZ=Asia/Tokyo");
    let inbox = Tmux::start("zone", 120, 32, &command);
    inbox.wait_text(&["alice · 0 held", "online"]);
    inbox.press(",");
    inbox.wait_text(&[
        "Time zone (quiet hours follow it) ‹ Asia/Tokyo ›",
        "Quiet hours are in your time zone (Asia/Tokyo).",
    ]);
    let api = scene.server.api(&scene.alice);
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    runtime.block_on(eventually("the device's zone on the server", || {
        let api = api.clone();
        async move {
            let prefs = all_changes(&api).await.prefs;
            prefs
                .and_then(|p| p.time_zone)
                .filter(|zone| zone.name() == "Asia/Tokyo")
                .map(|_| ())
        }
    }));
}
