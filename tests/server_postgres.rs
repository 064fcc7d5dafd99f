//! `parley serve --database`: the server's store on PostgreSQL (a throwaway cluster, or the
//! server `PARLEY_TEST_DATABASE_URL` names), through the real binary and the real client code.

mod support;

use parley::model::*;
use parley::protocol::*;
use parley::sync::business_client::BusinessClient;
use support::postgres::TestDatabase;
use support::server::*;
use tempfile::TempDir;

/// A server directory whose store is `database`.
fn directory_on(database: &TestDatabase) -> TempDir {
    let dir = TempDir::new().unwrap();
    keep_store_in(dir.path(), &database.url);
    dir
}

#[test]
fn the_schema_is_versioned_and_a_newer_one_is_left_untouched() {
    let database = TestDatabase::new();
    let dir = directory_on(&database);
    add_user(dir.path(), "ana");
    add_user(dir.path(), "bob");
    assert_eq!(
        database.query("SELECT count(*) || ' ' || max(version) FROM parley_schema"),
        ["1 1"],
        "version 1 applied once, by the first command"
    );

    database.query("INSERT INTO parley_schema (version) VALUES (99)");
    let ran = serve_tool(dir.path(), &["add-user", "carla"]);
    assert_eq!(ran.code, 1, "{}", ran.stderr);
    assert!(
        ran.stderr.contains("newer Parley") && ran.stderr.contains("untouched"),
        "{}",
        ran.stderr
    );
    assert_eq!(database.query("SELECT count(*) FROM users"), ["2"]);
}

#[test]
fn a_database_that_cannot_be_reached_is_named_without_its_password() {
    let dir = TempDir::new().unwrap();
    let ran = run(&[
        "serve",
        "--data-dir",
        dir.path().to_str().unwrap(),
        "--database",
        "postgres://ana:s3cret@127.0.0.1:1/parley",
        "add-user",
        "ana",
    ]);
    assert_eq!(ran.code, 1, "{}", ran.stderr);
    assert!(
        ran.stderr
            .contains("PostgreSQL database parley on 127.0.0.1")
            && ran.stderr.contains("--database"),
        "{}",
        ran.stderr
    );
    assert!(!ran.stderr.contains("s3cret"), "{}", ran.stderr);

    let ran = run(&["serve", "--database", "postgres://[oops", "add-user", "ana"]);
    assert_eq!(ran.code, 1, "{}", ran.stderr);
    assert!(
        ran.stderr.contains("not a PostgreSQL address"),
        "{}",
        ran.stderr
    );
}

#[tokio::test]
async fn tokens_made_on_postgres_sign_in_and_a_revoked_one_is_refused() {
    let database = TestDatabase::new();
    let dir = directory_on(&database);
    let token = add_user(dir.path(), "ana");
    let server = TestServer::start(dir.path(), &[]);
    let changes = all_changes(&server.api(&token)).await;
    assert_eq!(changes.me, "ana");
    assert!(changes.messages.is_empty() && changes.businesses.is_empty());

    let ran = serve_tool(dir.path(), &["revoke", "ana"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(ran.stderr.contains("PostgreSQL database"), "{}", ran.stderr);
    let (code, error) = status_of(server.api(&token).get::<Changes>("me/changes", &[]).await);
    assert_eq!(code, 401);
    assert!(error.message.contains("revoked"), "{}", error.message);

    let ran = serve_tool(dir.path(), &["reissue", "ana"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let reissued = ran.stdout.trim();
    assert_eq!(all_changes(&server.api(reissued)).await.me, "ana");
}

#[tokio::test]
async fn two_servers_on_one_database_answer_for_the_same_templates() {
    let database = TestDatabase::new();
    let dir = directory_on(&database);
    let token = add_business(dir.path(), "Tienda Sol", &["--kind", "shop"]);
    let first = TestServer::start(dir.path(), &[]);
    let second = TestServer::start(dir.path(), &[]);
    let through_first = BusinessClient::new(&first.url, &token).unwrap();
    let through_second = BusinessClient::new(&second.url, &token).unwrap();

    let submission = TemplateSubmission {
        name: "order_ready".into(),
        category: Category::Utility,
        body: "Your order is ready".into(),
        allow_recategorise: true,
    };
    let submitted = through_first.submit_template(&submission).await.unwrap();
    assert_eq!(submitted.status, TemplateStatus::Approved, "{submitted:?}");
    let listed = through_second.templates().await.unwrap();
    assert_eq!(
        listed.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(),
        ["order_ready"]
    );
    let (code, error) = status_of(through_second.submit_template(&submission).await);
    assert_eq!(code, 409, "{error:?}");
    assert!(
        error.message.contains("already has a template"),
        "{}",
        error.message
    );
}
