//! A business's conversations through `parley serve` (the real binary on 127.0.0.1): the
//! inbox with what it has not read and each window's time left, reading a conversation
//! (which gives the user read ticks), and free-form replies inside and outside the window,
//! driven through `parley business` itself.

mod support;

use parley::model::*;
use parley::protocol::*;
use parley::sync::business_client::BusinessClient;
use parley::sync::http::Api;
use support::server::*;

/// A server (with a movable clock) with users ana and bob and the shop Tienda Sol, which
/// has an approved utility template and has sent it to both.
struct Scene {
    server: TestServer,
    ana: String,
    shop: String,
    /// Declared last: dropped after the server.
    _dir: ServerDir,
}

async fn scene(dir: ServerDir) -> Scene {
    let ana = add_user(dir.path(), "ana");
    add_user(dir.path(), "bob");
    let shop = add_business(dir.path(), "Tienda Sol", &["--kind", "shop"]);
    let server = TestServer::start(dir.path(), &["--movable-clock"]);
    let client = BusinessClient::new(&server.url, &shop).unwrap();
    let template = TemplateSubmission {
        name: "order_ready".into(),
        category: Category::Utility,
        body: "Your order {{1}} is ready".into(),
        allow_recategorise: false,
    };
    let t = client.submit_template(&template).await.unwrap();
    assert_eq!(t.status, TemplateStatus::Approved, "{}", t.review_note);
    for user in ["ana", "bob"] {
        let request = SendRequest {
            to: user.into(),
            template: Some("order_ready".into()),
            params: vec!["A-17".into()],
            text: None,
            key: None,
        };
        let sent = client.send(&request).await.unwrap();
        assert_eq!(sent.decision.outcome, Outcome::Deliver, "{sent:?}");
    }
    Scene {
        _dir: dir,
        server,
        ana,
        shop,
    }
}

impl Scene {
    fn tool(&self, args: &[&str]) -> Ran {
        business_tool(&self.server.url, &self.shop, args)
    }

    fn json<T: serde::de::DeserializeOwned>(&self, args: &[&str]) -> T {
        let mut all = args.to_vec();
        all.push("--json");
        let ran = self.tool(&all);
        serde_json::from_str(&ran.stdout)
            .unwrap_or_else(|e| panic!("{args:?} printed no JSON ({e}): {ran:?}"))
    }

    fn ana(&self) -> Api {
        self.server.api(&self.ana)
    }

    /// Moves the server's clock on.
    async fn later(&self, seconds: i64) {
        let clock = self.server.api("");
        let _: ClockMoved = clock
            .post("test/clock", &ClockAdvance { seconds })
            .await
            .unwrap();
    }

    /// A minute later, ana writes to the shop.
    async fn ana_writes(&self, text: &str) {
        self.later(60).await;
        let api = self.ana();
        let business = all_changes(&api).await.businesses[0].id;
        let reply = WireAction::Reply {
            business,
            text: text.into(),
        };
        let key = format!("reply-{}", text.len());
        assert!(act(&api, vec![(key.as_str(), reply)]).await.results[0].ok);
    }

    /// Ana's own messages, as her devices receive them.
    async fn anas_messages(&self) -> Vec<SyncedMessage> {
        let changes = all_changes(&self.ana()).await;
        changes
            .messages
            .into_iter()
            .filter(|m| m.direction == Direction::Outbound)
            .collect()
    }
}

on_both_backends!(async fn the_inbox_lists_each_user_with_unread_messages_the_last_one_and_the_window_left);
async fn the_inbox_lists_each_user_with_unread_messages_the_last_one_and_the_window_left(
    dir: ServerDir,
) {
    let s = scene(dir).await;
    s.ana_writes("Is it at the Centro branch?").await;

    let ran = s.tool(&["inbox"]);
    assert_eq!(ran.code, 0, "{ran:?}");
    let lines: Vec<&str> = ran.stdout.lines().collect();
    assert!(
        lines[0].starts_with("USER") && lines[0].contains("WINDOW LEFT"),
        "{ran:?}"
    );
    assert!(
        lines[1].starts_with("ana") && lines[1].contains("Is it at the Centro branch?"),
        "ana wrote last, so she comes first: {ran:?}"
    );
    assert!(
        lines[1].contains(" 23 h 59 min") || lines[1].contains(" 24 h"),
        "{ran:?}"
    );
    assert!(
        lines[2].starts_with("bob") && lines[2].contains("you: Your order A-17 is ready"),
        "{ran:?}"
    );
    assert!(lines[2].ends_with("closed"), "bob never wrote: {ran:?}");

    let list: ConversationList = s.json(&["inbox"]);
    assert_eq!(list.total, 2);
    let ana = &list.conversations[0];
    assert_eq!((ana.user.as_str(), ana.unread), ("ana", 1));
    assert_eq!(ana.last.as_ref().unwrap().from, Author::User);
    let window = ana.window.expect("ana's window is open");
    assert!(window.seconds_left > 23 * 3600 && window.seconds_left <= 24 * 3600);
    assert_eq!(list.conversations[1].window, None);
}

on_both_backends!(async fn reading_a_conversation_marks_the_users_messages_read_and_she_sees_the_ticks);
async fn reading_a_conversation_marks_the_users_messages_read_and_she_sees_the_ticks(
    dir: ServerDir,
) {
    let s = scene(dir).await;
    s.ana_writes("Is it at the Centro branch?").await;
    assert_eq!(s.anas_messages().await[0].seen_at, None);

    let ran = s.tool(&["read", "--with", "ana"]);
    assert_eq!(ran.code, 0, "{ran:?}");
    assert!(
        ran.stdout.contains("you: Your order A-17 is ready"),
        "{ran:?}"
    );
    assert!(
        ran.stdout.contains("ana: Is it at the Centro branch?"),
        "{ran:?}"
    );
    assert!(
        ran.stdout
            .contains("Marked 1 message read; ana sees the read ticks."),
        "{ran:?}"
    );
    let before_ana = ran.stdout.find("you: Your order").unwrap();
    assert!(
        before_ana < ran.stdout.find("ana: Is it").unwrap(),
        "newest last"
    );

    let seen = s.anas_messages().await;
    assert!(
        seen[0].seen_at.is_some(),
        "the read time reaches ana: {seen:?}"
    );
    let list: ConversationList = s.json(&["inbox"]);
    assert_eq!(list.conversations[0].unread, 0);
    let again: ConversationPage = s.json(&["read", "--with", "ana"]);
    assert_eq!(again.marked_read, 0, "nothing new to mark");
    assert!(again.messages[1].read_at.is_some());
}

on_both_backends!(async fn a_reply_inside_the_window_is_delivered_and_outside_it_is_refused_with_the_templates);
async fn a_reply_inside_the_window_is_delivered_and_outside_it_is_refused_with_the_templates(
    dir: ServerDir,
) {
    let s = scene(dir).await;
    s.ana_writes("Is it at the Centro branch?").await;

    let ran = s.tool(&["reply", "--to", "ana", "Yes, at Centro until 8 pm."]);
    assert_eq!(ran.code, 0, "{ran:?}");
    assert!(
        ran.stdout
            .starts_with("Delivered to ana (service, service_reply)"),
        "{ran:?}"
    );
    let changes = all_changes(&s.ana()).await;
    assert!(
        changes
            .messages
            .iter()
            .any(|m| m.body == "Yes, at Centro until 8 pm."
                && m.decision.outcome == Outcome::Deliver),
        "ana receives the reply"
    );

    let refused = s.tool(&["reply", "--to", "bob", "Hello"]);
    assert_eq!(refused.code, 1, "refused by the rules: {refused:?}");
    assert!(
        refused.stdout.contains("outside_service_window"),
        "{refused:?}"
    );
    assert!(
        refused.stdout.contains("Instead: bob has not written in the last 24 hours, so only an approved template reaches them: order_ready (utility)."),
        "{refused:?}"
    );

    s.later(24 * 3600).await;
    let late: ReplyResponse = s.json(&["reply", "--to", "ana", "Still there?"]);
    assert_eq!(late.decision.reason, Reason::OutsideServiceWindow);
    assert!(late.alternative.unwrap().contains("order_ready"));
    let list: ConversationList = s.json(&["inbox"]);
    assert_eq!(list.conversations[0].window, None, "ana's window closed");
}

on_both_backends!(async fn unknown_people_bad_values_and_no_server_end_with_the_right_exit_codes);
async fn unknown_people_bad_values_and_no_server_end_with_the_right_exit_codes(dir: ServerDir) {
    let s = scene(dir).await;
    let unknown = s.tool(&["read", "--with", "zoe"]);
    assert_eq!(unknown.code, 1, "{unknown:?}");
    assert!(unknown.stderr.contains("no user named zoe"), "{unknown:?}");
    let too_many = s.tool(&["read", "--with", "ana", "--limit", "0"]);
    assert_eq!(too_many.code, 2, "{too_many:?}");
    let empty = s.tool(&["reply", "--to", "ana", "   "]);
    assert_eq!(empty.code, 1, "{empty:?}");
    assert!(empty.stderr.contains("the reply is empty"), "{empty:?}");
    let nowhere = business_tool("http://127.0.0.1:9", &s.shop, &["inbox"]);
    assert_eq!(nowhere.code, 2, "{nowhere:?}");
    for command in ["inbox", "read", "reply"] {
        let help = s.tool(&[command, "--help"]);
        assert_eq!(help.code, 0);
        for line in help
            .stdout
            .lines()
            .filter(|l| l.trim_start().starts_with("--"))
        {
            let described = line
                .trim_start()
                .split("  ")
                .filter(|p| !p.trim().is_empty())
                .count()
                > 1;
            assert!(described, "{command}: every option has help text: {line:?}");
        }
    }
}

on_both_backends!(async fn the_openapi_document_carries_the_constraints_of_the_conversation_routes);
async fn the_openapi_document_carries_the_constraints_of_the_conversation_routes(dir: ServerDir) {
    let s = scene(dir).await;
    let document: serde_json::Value = s.server.api("").get("openapi.json", &[]).await.unwrap();
    let schemas = &document["components"]["schemas"];
    assert_eq!(
        schemas["ReplyRequest"]["properties"]["text"]["maxLength"],
        4096
    );
    assert_eq!(schemas["ReplyRequest"]["properties"]["to"]["maxLength"], 64);
    assert_eq!(
        schemas["ReadRequest"]["properties"]["limit"]["maximum"],
        200
    );
    let list = &document["paths"]["/v1/business/conversations"]["get"]["parameters"];
    let limit = list
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "limit")
        .expect("a limit parameter");
    assert_eq!(limit["schema"]["maximum"], 200);
}
