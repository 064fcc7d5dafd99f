//! `parley business` in Spanish through the real binary against `parley serve` on 127.0.0.1:
//! under LANG=es_ES.UTF-8 its headings, numbers, percentages and errors are Spanish, while
//! `--json` prints exactly what it prints in English.

mod support;

use parley::protocol::WireAction;
use std::process::Command;
use support::server::*;
use tempfile::TempDir;

/// Tienda Sol (5,000 credits), with an approved utility template sent to ana, ben and eva;
/// ana has read hers.
struct Scene {
    server: TestServer,
    shop: String,
    reviewer: String,
    _dir: TempDir,
}

async fn scene() -> Scene {
    let dir = TempDir::new().unwrap();
    let shop = add_business(dir.path(), "Tienda Sol", &["--budget", "5000"]);
    let reviewer = add_reviewer(dir.path(), "Rosa");
    let users: Vec<String> = ["ana", "ben", "eva"]
        .iter()
        .map(|name| add_user(dir.path(), name))
        .collect();
    let server = TestServer::start(dir.path(), &[]);
    let file = dir.path().join("order_ready.toml");
    std::fs::write(
        &file,
        "name = \"order_ready\"\ncategory = \"utility\"\nbody = \"Your order {{1}} is ready\"\n",
    )
    .unwrap();
    let submitted = business_tool(
        &server.url,
        &shop,
        &["templates", "submit", file.to_str().unwrap()],
    );
    assert_eq!(submitted.code, 0, "{submitted:?}");
    for name in ["ana", "ben", "eva"] {
        let args = ["send", "--to", name, "--template", "order_ready"];
        let sent = business_tool(
            &server.url,
            &shop,
            &[&args[..], &["--param", "A1"]].concat(),
        );
        assert_eq!(sent.code, 0, "{sent:?}");
    }
    let ana = server.api(&users[0]);
    let business = all_changes(&ana).await.businesses[0].id;
    let read = act(&ana, vec![("read-1", WireAction::Read { business })]).await;
    assert!(read.results[0].ok, "ana reads the shop's message");
    Scene {
        server,
        shop,
        reviewer,
        _dir: dir,
    }
}

/// Runs `parley business --server URL --token T` with `args` in the locale `lang`.
fn business_in(lang: &str, scene: &Scene, args: &[&str]) -> Ran {
    tool_in(lang, scene, "business", &scene.shop, args)
}

/// Runs `parley TOOL --server URL --token T` with `args` in the locale `lang`.
fn tool_in(lang: &str, scene: &Scene, tool: &str, token: &str, args: &[&str]) -> Ran {
    let mut command: Command = parley();
    command
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .args([tool, "--server", &scene.server.url, "--token", token])
        .args(args);
    let out = command.output().expect("the parley binary runs");
    Ran {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

const SPANISH: &str = "es_ES.UTF-8";

#[tokio::test]
async fn status_templates_and_metrics_read_in_spanish_with_spanish_numbers() {
    let s = scene().await;
    let status = business_in(SPANISH, &s, &["status"]);
    assert_eq!(status.code, 0, "{status:?}");
    for (label, line) in [
        ("empresa", "empresa Tienda Sol"),
        ("verificada", "verificada no"),
        ("nivel de mensajes", "nivel de mensajes 250 personas al día"),
        ("saldo", "saldo 5.000 cr"),
    ] {
        assert_eq!(row(&status, label), line, "{}", status.stdout);
    }
    for heading in ["Faltas (últimos 90 días)", "Restricciones"] {
        assert!(status.stdout.contains(heading), "{}", status.stdout);
    }

    let list = business_in(SPANISH, &s, &["templates", "list"]);
    assert_eq!(list.code, 0, "{list:?}");
    assert_eq!(
        row(&list, "NOMBRE"),
        "NOMBRE ESTADO CATEGORÍA REGLA DE REVISIÓN CALIDAD"
    );
    assert_eq!(
        row(&list, "order_ready"),
        "order_ready aprobada utilidad passed Alta"
    );

    let metrics = business_in(SPANISH, &s, &["metrics"]);
    assert_eq!(row(&metrics, "entregados"), "entregados 3", "{metrics:?}");
    assert_eq!(row(&metrics, "tasa de lectura"), "tasa de lectura 33,3 %");
    let english = business_in("C", &s, &["metrics"]);
    assert_eq!(
        row(&english, "read rate"),
        "read rate 33.3 %",
        "{english:?}"
    );
    assert_eq!(
        row(&business_in("C", &s, &["status"]), "budget"),
        "budget 5,000 cr"
    );
}

#[tokio::test]
async fn mistakes_are_told_in_spanish_with_what_to_do() {
    let s = scene().await;
    let missing = business_in(SPANISH, &s, &["templates", "versions", "winter_deal"]);
    assert_eq!(missing.code, 1, "{missing:?}");
    assert!(
        missing.stderr.contains(
            "no tienes ninguna plantilla llamada winter_deal; \
             `parley business templates list` las muestra"
        ),
        "{missing:?}"
    );
    let mut command = parley();
    command
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", SPANISH)
        .args(["business", "status"]);
    let out = command.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("no se ha indicado el servidor: pasa --server URL o define PARLEY_SERVER"),
        "{stderr}"
    );
}

#[tokio::test]
async fn json_is_the_same_in_every_language() {
    let s = scene().await;
    for args in [
        &["status", "--json"][..],
        &["templates", "list", "--json"],
        &["metrics", "--json"],
        &["inbox", "--json"],
    ] {
        let spanish = business_in(SPANISH, &s, args);
        let english = business_in("C", &s, args);
        assert_eq!(spanish.code, 0, "{spanish:?}");
        assert!(spanish.stdout.starts_with('{') || spanish.stdout.starts_with('['));
        assert_eq!(spanish.stdout, english.stdout, "{args:?}");
    }
    let args = ["templates", "versions", "winter_deal", "--json"];
    let (spanish, english) = (business_in(SPANISH, &s, &args), business_in("C", &s, &args));
    assert_eq!(spanish.code, 1, "{spanish:?}");
    assert!(spanish.stdout.contains("winter_deal"), "{spanish:?}");
    assert_eq!(
        spanish.stdout, english.stdout,
        "a refusal's JSON is the same too"
    );
}

#[tokio::test]
async fn the_reviewer_reads_the_case_list_and_a_case_file_in_spanish() {
    let s = scene().await;
    let list = tool_in(SPANISH, &s, "review", &s.reviewer, &["list"]);
    assert_eq!(list.code, 0, "{list:?}");
    assert_eq!(
        list.stdout.trim(),
        "No hay nada que revisar: ninguna empresa está inhabilitada ni suspendida."
    );
    let file = tool_in(SPANISH, &s, "review", &s.reviewer, &["show", "Tienda Sol"]);
    assert_eq!(file.code, 0, "{file:?}");
    assert_eq!(
        row(&file, "empresa"),
        "empresa Tienda Sol",
        "{}",
        file.stdout
    );
    assert_eq!(row(&file, "reportes"), "reportes 0 en total");
    for line in ["Restricciones\nninguna", "Revisión\nnunca revisada"] {
        assert!(file.stdout.contains(line), "{line:?} in {}", file.stdout);
    }
}

#[test]
fn an_unreachable_server_and_a_wrong_token_are_told_in_spanish() {
    let dir = TempDir::new().unwrap();
    let _shop = add_business(dir.path(), "Tienda Sol", &[]);
    let server = TestServer::start(dir.path(), &[]);
    let ask_in = |lang: &str, url: &str, token: &str| {
        let mut command = parley();
        command
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", lang)
            .args(["business", "--server", url, "--token", token, "status"]);
        let out = command.output().unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let ask = |url: &str, token: &str| ask_in(SPANISH, url, token);
    let (code, stderr) = ask("http://127.0.0.1:9", "x");
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("no se puede contactar con el servidor en")
            && stderr.contains("¿Está `parley serve` en marcha allí?"),
        "{stderr}"
    );
    let (code, stderr) = ask(&server.url, "not-a-token");
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("(revisa --token o PARLEY_TOKEN) [401 "),
        "{stderr}"
    );
    let (_, english) = ask_in("C", &server.url, "not-a-token");
    assert!(
        english.contains("(check --token or PARLEY_TOKEN) [401 "),
        "{english}"
    );
}

/// `parley ARGS` on a fresh data directory under LANG=es_ES.UTF-8: (exit code, stdout, stderr).
fn parley_in_spanish(args: &[&str]) -> (i32, String, String) {
    let data = TempDir::new().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_parley"))
        .args(args)
        .env("PARLEY_DATA_DIR", data.path())
        .env("PARLEY_CONFIG_DIR", data.path().join("config"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "es_ES.UTF-8")
        .output()
        .unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (
        out.status.code().unwrap_or(-1),
        text(&out.stdout),
        text(&out.stderr),
    )
}

#[test]
fn the_demo_world_advances_and_refuses_a_bad_span_in_spanish() {
    let (code, out, _) = parley_in_spanish(&["world", "advance", "1h"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("lun 23 nov 09:00  Rutas Bus envía 'ticket' -> Alex: Entregado"),
        "{out}"
    );
    assert!(out.ends_with("Reloj: lun 23 nov 09:00\n"), "{out}");
    let (code, _, err) = parley_in_spanish(&["world", "advance", "soon"]);
    assert_ne!(code, 0);
    assert!(
        err.contains("`soon` no es un intervalo de tiempo; escríbelo como 30m, 1h, 1d o 7d"),
        "{err}"
    );
}
