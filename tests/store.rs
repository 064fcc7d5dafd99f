//! The store on real SQLite files: every entity written through the store's API reads back the
//! same after the file is closed and opened again; files that are not Parley's are refused and
//! left as they were; a message and its decision land in one transaction.

use parley::i18n::{Catalogues, sentences};
use parley::model::*;
use parley::policy::enforcement::Change;
use parley::policy::{PolicyConfig, Pricing, Reach, SignalConfig};
use parley::store::{
    Attempt, BroadcastOutcome, BroadcastRequest, NewBusiness, NewTemplate, SendResult, Store,
    StoreError,
};
use parley::world::{self, Assets};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// The report and attribution rules of POLICY.md.
const RULES: SignalConfig = SignalConfig::POLICY;

// --- helpers ---------------------------------------------------------------------------------

fn t0() -> Timestamp {
    Timestamp::from_civil(2026, 11, 23, 9, 0)
}

fn at(minutes: i64) -> Timestamp {
    t0() + Span::minutes(minutes)
}

fn policy() -> PolicyConfig {
    PolicyConfig::default()
}

fn db_file(dir: &TempDir) -> PathBuf {
    dir.path().join("parley.db")
}

fn prefs(daily: u32, weekly: u32) -> UserPrefs {
    UserPrefs {
        all_offers: true,
        daily_marketing_cap: daily,
        weekly_business_cap: weekly,
        quiet_hours: None,
        time_zone: None,
    }
}

/// The shop of the scene, as it registers.
fn tienda() -> NewBusiness<'static> {
    NewBusiness {
        name: "Tienda Sol",
        verified: true,
        kind: BusinessKind::Shop,
        budget: 1000,
    }
}

fn reply(store: &mut Store, user: UserId, business: BusinessId, text: &str, when: Timestamp) {
    store
        .write(|tx| tx.reply(user, Counterpart::Business(business), text, when))
        .unwrap();
}

fn template_send(
    business: BusinessId,
    user: UserId,
    template: TemplateId,
    when: Timestamp,
) -> Attempt {
    Attempt {
        business,
        user,
        template: Some(template),
        params: vec!["Black Week".into(), "30%".into()],
        text: None,
        broadcast: None,
        at: when,
    }
}

/// The lender's reminder ("Your application {{1}} is waiting.") with its one value.
fn reminder_send(
    business: BusinessId,
    user: UserId,
    template: TemplateId,
    when: Timestamp,
) -> Attempt {
    Attempt {
        params: vec!["QC-00412".into()],
        ..template_send(business, user, template, when)
    }
}

fn text_send(business: BusinessId, user: UserId, text: &str, when: Timestamp) -> Attempt {
    Attempt {
        business,
        user,
        template: None,
        params: Vec::new(),
        text: Some(text.into()),
        broadcast: None,
        at: when,
    }
}

fn send(store: &mut Store, attempt: &Attempt) -> SendResult {
    store
        .write(|tx| tx.send(attempt, &policy(), &Pricing::default()))
        .unwrap()
}

/// Every file in a directory with its bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().into_string().unwrap(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// Asserts that opening the file was refused and changed nothing: the same files are there
/// (none deleted, none left behind) and the database and its WAL, when there is one, have the
/// same bytes.
fn assert_refused_untouched(path: &Path, expect: impl Fn(&StoreError) -> bool) -> StoreError {
    let dir = path.parent().unwrap();
    let before = files(dir);
    let err = Store::open(path).err().expect("the file must be refused");
    assert!(expect(&err), "unexpected error: {err:?}");
    let after = files(dir);
    assert_eq!(
        after.keys().collect::<Vec<_>>(),
        before.keys().collect::<Vec<_>>(),
        "the files next to the database"
    );
    for (name, bytes) in &before {
        // The -shm file is SQLite's shared-memory index, rebuilt by every reader.
        if !name.ends_with("-shm") {
            assert!(after[name] == *bytes, "{name} was changed");
        }
    }
    let message = err.to_string();
    assert!(
        message.contains(&path.display().to_string()),
        "the message must name the file: {message}"
    );
    assert!(
        message.contains("--data-dir") && message.contains("untouched"),
        "the message must say the file was left alone and what to do: {message}"
    );
    err
}

fn pseudo_random_bytes(n: usize) -> Vec<u8> {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

/// What the store's readers show about these users and businesses, one entry per query.
fn readable_state(store: &Store, users: &[UserId], businesses: &[BusinessId]) -> Vec<String> {
    let db = store.db();
    let mut out = vec![
        format!("{:?}", db.users().unwrap()),
        format!("{:?}", db.businesses().unwrap()),
        format!("{:?} {:?}", db.clock().unwrap(), db.me().unwrap()),
    ];
    for &business in businesses {
        for t in db.templates(business).unwrap() {
            out.push(format!("{t:?} {:?}", db.template_log(t.id).unwrap()));
        }
        out.push(format!("{:?}", db.strikes(business).unwrap()));
        out.push(format!("{:?}", db.restrictions(business).unwrap()));
        out.push(format!("{:?}", db.quality_log(business).unwrap()));
        out.push(format!("{:?}", db.broadcasts(business).unwrap()));
        out.push(format!("{:?}", db.decision_counts(business).unwrap()));
        out.push(format!("{:?}", db.subscribers(business).unwrap()));
        out.push(format!(
            "{:?}",
            db.metrics(MetricScope::Business(business)).unwrap()
        ));
        for &user in users {
            out.push(format!(
                "{:?} {:?} {:?}",
                db.relation(user, business).unwrap(),
                db.rejected(user, business, 100).unwrap(),
                db.sent_to_user(user, business).unwrap()
            ));
        }
    }
    for &user in users {
        out.push(format!("{:?}", db.contacts(user).unwrap()));
        out.push(format!("{:?}", db.held(user).unwrap()));
        out.push(format!("{:?}", db.filter_counts(user).unwrap()));
        for chat in db
            .chats(user, ChatFilter::All, ChatOrder::Recent, 0, 100)
            .unwrap()
        {
            out.push(format!(
                "{chat:?} {:?}",
                db.last_messages(chat.id, 100).unwrap()
            ));
        }
    }
    out
}

// --- a populated store -----------------------------------------------------------------------

/// Everything the scene wrote, with what the write API answered, to compare with what a
/// reopened store reads.
struct Scene {
    dir: TempDir,
    alex: UserId,
    alex_prefs: UserPrefs,
    bea: UserId,
    crowd: Vec<UserId>,
    marta: ContactId,
    shop: BusinessId,
    lender: BusinessId,
    offer: (TemplateId, Review),
    notice: (TemplateId, Review),
    promo: (TemplateId, Review),
    reminder: TemplateId,
    lender_relation: Relation,
    delivered: SendResult,
    held: SendResult,
    outside_window: SendResult,
    from_blocked: SendResult,
    shop_sends: Vec<SendResult>,
    evidence: Vec<EvidenceLine>,
    chat_before_report: Vec<Message>,
    enforcement: Vec<Change>,
    broadcast: BroadcastOutcome,
    shop_budget: i64,
    /// What the writing connection showed just before the file was closed.
    before_close: Vec<String>,
}

impl Scene {
    fn reopen(&self) -> Store {
        Store::open(&db_file(&self.dir)).unwrap()
    }

    fn users(&self) -> Vec<UserId> {
        [self.alex, self.bea]
            .into_iter()
            .chain(self.crowd.iter().copied())
            .collect()
    }
}

/// Builds the scene in a new database file and closes it.
fn scene() -> Scene {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&db_file(&dir)).unwrap();
    let config = policy();
    let pricing = Pricing::default();
    let alex_prefs = UserPrefs {
        all_offers: true,
        daily_marketing_cap: 3,
        weekly_business_cap: 2,
        quiet_hours: Some(QuietHours { start: 22, end: 7 }),
        time_zone: None,
    };
    let (alex, bea, crowd, marta, shop, lender) = store
        .write(|tx| {
            let alex = tx.add_user("Alex", &alex_prefs)?;
            let bea = tx.add_user("Bea", &prefs(4, 2))?;
            let crowd = (0..24)
                .map(|i| tx.add_user(&format!("Person {i}"), &prefs(4, 2)))
                .collect::<Result<Vec<_>, _>>()?;
            let marta = tx.add_contact(alex, "Marta")?;
            let joined = t0() - Span::days(30);
            let shop = tx.add_business(&tienda(), joined)?;
            let lender = tx.add_business(
                &NewBusiness {
                    name: "Presto",
                    verified: false,
                    kind: BusinessKind::Finance,
                    budget: 0,
                },
                joined,
            )?;
            tx.set_clock(t0())?;
            Ok((alex, bea, crowd, marta, shop, lender))
        })
        .unwrap();

    let submitted = t0() - Span::days(7);
    let submit = |store: &mut Store, business, name: &str, category, body: &str, allow| {
        store
            .write(|tx| {
                tx.submit_template(
                    &NewTemplate {
                        business,
                        name,
                        category,
                        body,
                        allow_recategorise: allow,
                    },
                    &config,
                    submitted,
                )
            })
            .unwrap()
    };
    let offer = submit(
        &mut store,
        shop,
        "weekly_offer",
        Category::Marketing,
        "{{1}} at Tienda Sol: {{2}} off everything.",
        true,
    );
    let notice = submit(
        &mut store,
        shop,
        "notice",
        Category::Utility,
        "Your order {{1}} is ready. Special offer inside!",
        true,
    );
    let promo = submit(
        &mut store,
        shop,
        "promo",
        Category::Utility,
        "Winter sale: 20% off coats.",
        false,
    );
    let reminder = submit(
        &mut store,
        lender,
        "reminder",
        Category::Utility,
        "Your application {{1}} is waiting.",
        true,
    )
    .0;

    // Alex knows the lender, told it off and blocked it; subscribes to the shop.
    let lender_relation = Relation {
        subscribed: false,
        blocked: Some(BlockReason::Spam),
        blocked_at: Some(at(-60)),
        not_interested_at: Some(at(-120)),
        interested_at: Some(at(-180)),
        last_user_message_at: Some(at(-240)),
        known: true,
    };
    store
        .write(|tx| {
            tx.put_relation(alex, lender, &lender_relation)?;
            tx.set_subscribed(alex, shop, true)?;
            tx.receive_personal(alex, marta, "Coffee later? ☕", at(1))?;
            tx.set_muted(
                tx.db()
                    .chat_with(alex, Counterpart::Contact(marta))?
                    .unwrap()
                    .id,
                true,
            )
        })
        .unwrap();

    let mut shop_sends = Vec::new();
    let delivered = send(&mut store, &template_send(shop, alex, offer.0, at(60)));
    let held = send(&mut store, &template_send(shop, bea, offer.0, at(61)));
    let outside_window = send(&mut store, &text_send(shop, bea, "Are you there?", at(62)));
    let from_blocked = send(&mut store, &reminder_send(lender, alex, reminder, at(63)));
    shop_sends.extend([delivered.clone(), held.clone(), outside_window.clone()]);

    // A conversation longer than the evidence a report keeps, in both directions.
    reply(&mut store, alex, shop, "Do you have size M?", at(70));
    let answer = text_send(shop, alex, "Yes, in blue and red.", at(71));
    shop_sends.push(send(&mut store, &answer));
    reply(&mut store, alex, shop, "Please stop writing", at(72));
    for (i, text) in ["But the sale!", "Last chance!!", "Answer us"]
        .iter()
        .enumerate()
    {
        let pushy = text_send(shop, alex, text, at(73 + i as i64));
        shop_sends.push(send(&mut store, &pushy));
    }
    let chat = store
        .db()
        .chat_with(alex, Counterpart::Business(shop))
        .unwrap()
        .unwrap();
    let chat_before_report = store.db().last_messages(chat.id, 100).unwrap();
    let evidence = store
        .write(|tx| tx.report(alex, shop, ReportReason::Spam, false, at(80), &RULES))
        .unwrap();
    store
        .write(|tx| {
            tx.feedback(
                alex,
                delivered.message.unwrap(),
                Feedback::Interested,
                at(81),
            )?;
            tx.mark_read(chat.id, at(82))
        })
        .unwrap();

    // The lender reaches the crowd; a quarter of them block it; the platform reviews it.
    for user in &crowd {
        send(&mut store, &reminder_send(lender, *user, reminder, at(120)));
    }
    for user in crowd.iter().take(6) {
        store
            .write(|tx| tx.block(*user, lender, BlockReason::DidntSignUp, at(150), &RULES))
            .unwrap();
    }
    let enforcement = store
        .write(|tx| tx.review_business(lender, &config, at(180)))
        .unwrap();

    // Ten of the crowd subscribe to the shop; one of them turned all offers off.
    store
        .write(|tx| {
            for user in crowd.iter().take(10) {
                tx.set_subscribed(*user, shop, true)?;
            }
            tx.set_prefs(
                crowd[0],
                &UserPrefs {
                    all_offers: false,
                    ..prefs(4, 2)
                },
            )
        })
        .unwrap();
    let shop_budget = store.db().business(shop).unwrap().budget;
    let broadcast = store
        .write(|tx| {
            tx.broadcast(
                &BroadcastRequest {
                    business: shop,
                    template: offer.0,
                    params: vec!["Sunday".into(), "40%".into()],
                    audience: None,
                },
                &config,
                &pricing,
                at(240),
            )
        })
        .unwrap();
    shop_sends.extend(broadcast.results.iter().map(|(_, r)| r.clone()));
    store.write(|tx| tx.set_clock(at(300))).unwrap();
    let everyone: Vec<UserId> = [alex, bea]
        .into_iter()
        .chain(crowd.iter().copied())
        .collect();
    let before_close = readable_state(&store, &everyone, &[shop, lender]);
    drop(store);

    Scene {
        dir,
        alex,
        alex_prefs,
        bea,
        crowd,
        marta,
        shop,
        lender,
        offer,
        notice,
        promo,
        reminder,
        lender_relation,
        delivered,
        held,
        outside_window,
        from_blocked,
        shop_sends,
        evidence,
        chat_before_report,
        enforcement,
        broadcast,
        shop_budget,
        before_close,
    }
}

// --- round trips -----------------------------------------------------------------------------

#[test]
fn users_contacts_businesses_and_relations_read_back_after_reopening() {
    let s = scene();
    let store = s.reopen();
    let db = store.db();

    let alex = db.user(s.alex).unwrap();
    assert_eq!(alex.name, "Alex");
    assert_eq!(alex.prefs, s.alex_prefs);
    let turned_off = db.user(s.crowd[0]).unwrap().prefs;
    assert!(!turned_off.all_offers);
    assert_eq!(db.users().unwrap().len(), 2 + s.crowd.len());

    let contacts = db.contacts(s.alex).unwrap();
    assert_eq!(
        contacts,
        vec![Contact {
            id: s.marta,
            user: s.alex,
            name: "Marta".into()
        }]
    );

    let shop = db.business(s.shop).unwrap();
    let registered = tienda();
    assert_eq!(
        (shop.name.as_str(), shop.verified, shop.kind),
        (registered.name, registered.verified, registered.kind)
    );
    assert_eq!(shop.quality, Quality::High, "a new business starts High");
    assert_eq!(shop.tier, 0, "a new business starts in the first tier");
    assert_eq!(
        shop.budget,
        registered.budget - s.broadcast.settlement.charged,
        "the broadcast was paid from the budget"
    );
    assert_eq!(db.business_named(registered.name).unwrap(), Some(shop));

    assert_eq!(db.relation(s.alex, s.lender).unwrap(), s.lender_relation);
    let with_shop = db.relation(s.alex, s.shop).unwrap();
    assert!(with_shop.subscribed && with_shop.known && with_shop.blocked.is_none());
    assert_eq!(
        with_shop.last_user_message_at,
        Some(at(72)),
        "writing to the business opens the service window"
    );
    assert_eq!(with_shop.interested_at, Some(at(81)));
    assert_eq!(
        db.relation(s.bea, s.lender).unwrap(),
        Relation::default(),
        "no relation reads as the default"
    );
    assert_eq!(db.clock().unwrap(), Some(at(300)));
}

#[test]
fn templates_keep_their_review_and_history() {
    let s = scene();
    let store = s.reopen();
    let db = store.db();
    for (id, review) in [&s.offer, &s.notice, &s.promo] {
        let t = db.template(*id).unwrap();
        assert_eq!(t.business, s.shop);
        assert_eq!(
            (t.status, t.category, t.review, &t.review_note),
            (review.status, review.category, review.rule, &review.note),
            "template '{}'",
            t.name
        );
        let log = db.template_log(*id).unwrap();
        assert_eq!(log.first().map(|e| e.status), Some(review.status));
        assert!(log[0].note.contains(review.rule.as_str()), "{:?}", log[0]);
    }
    let notice = db.template(s.notice.0).unwrap();
    assert_eq!(
        (notice.requested_category, notice.category, notice.review),
        (
            Category::Utility,
            Category::Marketing,
            ReviewRule::PromotionalRecategorised
        ),
        "promotional utility is re-categorised when allowed"
    );
    let promo = db.template(s.promo.0).unwrap();
    assert_eq!(
        (promo.status, promo.review),
        (TemplateStatus::Rejected, ReviewRule::PromotionalForbidden),
        "promotional utility is rejected when re-categorisation is not allowed"
    );
    assert_eq!(
        db.template_named(s.shop, "weekly_offer")
            .unwrap()
            .map(|t| t.id),
        Some(s.offer.0)
    );
    let names: Vec<String> = db
        .templates(s.shop)
        .unwrap()
        .into_iter()
        .map(|t| t.name)
        .collect();
    assert_eq!(names, ["weekly_offer", "notice", "promo"]);
}

#[test]
fn delivered_held_and_rejected_messages_read_back_with_their_decisions() {
    let s = scene();
    let store = s.reopen();
    let db = store.db();
    let offer = db.template(s.offer.0).unwrap();

    assert_eq!(s.delivered.decision.outcome, Outcome::Deliver);
    let m = db.message(s.delivered.message.unwrap()).unwrap();
    assert_eq!(m.decision, s.delivered.decision);
    assert_eq!(
        (m.user, m.direction, m.category, m.template, m.broadcast),
        (
            s.alex,
            Direction::Inbound,
            Some(Category::Marketing),
            Some(offer.id),
            None
        )
    );
    assert_eq!(m.body, offer.render(&["Black Week".into(), "30%".into()]));
    assert_eq!((m.sent_at, m.delivered_at), (at(60), Some(at(60))));
    assert_eq!(
        m.read_at,
        Some(at(70)),
        "writing in a chat reads what is in it"
    );
    assert_eq!(m.feedback, Some(Feedback::Interested));

    // Held: stored, listed in Held with its reason, not shown in the chat.
    assert_eq!(
        (s.held.decision.outcome, s.held.decision.reason),
        (Outcome::Hold, Reason::NotSubscribed)
    );
    let held = db.held(s.bea).unwrap();
    assert_eq!(held.len(), 1);
    assert_eq!(held[0].message.id, s.held.message.unwrap());
    assert_eq!(held[0].message.decision, s.held.decision);
    assert_eq!(held[0].message.delivered_at, None);
    assert_eq!(
        (held[0].business, held[0].business_name.as_str()),
        (s.shop, "Tienda Sol")
    );
    let bea_chat = db
        .chat_with(s.bea, Counterpart::Business(s.shop))
        .unwrap()
        .unwrap();
    assert!(db.last_messages(bea_chat.id, 10).unwrap().is_empty());
    assert_eq!(db.filter_counts(s.bea).unwrap().held, 1);

    // Rejected: no message, but the decision log keeps who, when, why and the body...
    assert_eq!(
        (s.outside_window.decision.reason, s.outside_window.message),
        (Reason::OutsideServiceWindow, None)
    );
    let rejected = db.rejected(s.bea, s.shop, 10).unwrap();
    assert_eq!(rejected.len(), 1);
    assert_eq!(rejected[0].decision, s.outside_window.decision);
    assert_eq!(
        (rejected[0].at, rejected[0].category, rejected[0].template),
        (at(62), Category::Service, None)
    );
    assert_eq!(rejected[0].body.as_deref(), Some("Are you there?"));
    // ...except the body of a message from a business the user blocked.
    assert_eq!(s.from_blocked.decision.reason, Reason::BlockedByUser);
    let blocked = db.rejected(s.alex, s.lender, 10).unwrap();
    assert_eq!(blocked.len(), 1);
    assert_eq!(blocked[0].decision, s.from_blocked.decision);
    assert_eq!(blocked[0].template, Some(s.reminder));
    assert_eq!(blocked[0].body, None);
}

#[test]
fn chats_read_back_with_their_list_state() {
    let s = scene();
    let store = s.reopen();
    let db = store.db();
    let shop_chat = db
        .chat_with(s.alex, Counterpart::Business(s.shop))
        .unwrap()
        .unwrap();
    assert_eq!(shop_chat.title, "Tienda Sol");
    assert!(shop_chat.verified && shop_chat.is_business() && shop_chat.has_offers);
    let shown = db.last_messages(shop_chat.id, 100).unwrap();
    let last = shown.last().unwrap();
    assert_eq!(shop_chat.last_at, last.delivered_at);
    assert_eq!(shop_chat.preview, last.body);
    let unread_inbound = shown
        .iter()
        .filter(|m| m.direction == Direction::Inbound && m.read_at.is_none())
        .count();
    assert_eq!(shop_chat.unread as usize, unread_inbound);

    let marta = db
        .chat_with(s.alex, Counterpart::Contact(s.marta))
        .unwrap()
        .unwrap();
    assert_eq!(marta.title, "Marta");
    assert!(marta.muted && !marta.is_business() && !marta.has_offers);
    assert_eq!(marta.unread, 1);
    assert_eq!(db.chat(marta.id).unwrap(), marta);

    let all = db
        .chats(s.alex, ChatFilter::All, ChatOrder::Recent, 0, 50)
        .unwrap();
    assert_eq!(all.len(), 2);
    let offers = db
        .chats(s.alex, ChatFilter::Offers, ChatOrder::Recent, 0, 50)
        .unwrap();
    assert_eq!(
        offers.iter().map(|c| c.id).collect::<Vec<_>>(),
        [shop_chat.id]
    );
    let counts = db.filter_counts(s.alex).unwrap();
    assert_eq!(
        (counts.all, counts.personal, counts.business, counts.offers),
        (2, 1, 1, 1)
    );
}

#[test]
fn a_report_keeps_the_last_messages_of_the_chat_as_evidence() {
    let s = scene();
    assert!(
        s.chat_before_report.len() > RULES.evidence_messages,
        "the chat must be longer than the evidence for this test to mean anything"
    );
    let expected: Vec<(String, Timestamp, String)> = s.chat_before_report
        [s.chat_before_report.len() - RULES.evidence_messages..]
        .iter()
        .map(|m| {
            let from = match m.direction {
                Direction::Outbound => "Alex",
                Direction::Inbound => "Tienda Sol",
            };
            (from.to_string(), m.sent_at, m.body.clone())
        })
        .collect();
    let got: Vec<(String, Timestamp, String)> = s
        .evidence
        .iter()
        .map(|e| (e.from.clone(), e.at, e.body.clone()))
        .collect();
    assert_eq!(
        got, expected,
        "the last {} messages, oldest first",
        RULES.evidence_messages
    );
    assert!(
        got.iter().any(|(from, ..)| from == "Alex") && got.iter().any(|(from, ..)| from != "Alex"),
        "the evidence holds both sides of the conversation"
    );

    let store = s.reopen();
    let db = store.db();
    assert_eq!(
        db.reports_since(s.shop, t0()).unwrap(),
        vec![(at(80), s.alex)]
    );
    let signals = db.business_signals(s.shop, t0()).unwrap();
    assert_eq!((signals.reports, signals.blocks), (1, 0));
    drop(store);

    // The store has no reader for the stored evidence; read the row as SQLite keeps it.
    let conn = rusqlite::Connection::open(db_file(&s.dir)).unwrap();
    let (json, reason, also_block): (String, String, bool) = conn
        .query_row(
            "SELECT evidence, reason, also_block FROM reports WHERE business_id = ?1",
            [s.shop.0],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    let stored: Vec<EvidenceLine> = serde_json::from_str(&json).unwrap();
    assert_eq!(stored, s.evidence);
    assert_eq!(
        (reason.as_str(), also_block),
        (ReportReason::Spam.as_str(), false)
    );
}

#[test]
fn strikes_and_restrictions_from_a_review_read_back_as_applied() {
    let s = scene();
    let strikes: Vec<Strike> = s
        .enforcement
        .iter()
        .filter_map(|c| match c {
            Change::Strike(st) => Some(st.clone()),
            _ => None,
        })
        .collect();
    let restrictions: Vec<Restriction> = s
        .enforcement
        .iter()
        .filter_map(|c| match c {
            Change::Restriction(r) => Some(r.clone()),
            _ => None,
        })
        .collect();
    assert!(
        !strikes.is_empty() && !restrictions.is_empty(),
        "a quarter of the people reached blocking the lender must earn it a strike: {:?}",
        s.enforcement
    );

    let store = s.reopen();
    let db = store.db();
    assert_eq!(db.strikes(s.lender).unwrap(), strikes);
    assert_eq!(db.restrictions(s.lender).unwrap(), restrictions);
    assert_eq!(restrictions[0].kind, RestrictionKind::Warning);

    let lender = db.business(s.lender).unwrap();
    assert_eq!(lender.quality, Quality::Low);
    assert_eq!(lender.low_since, Some(at(180)));
    assert_eq!(
        db.quality_log(s.lender).unwrap().last().map(|q| q.1),
        Some(Quality::Low)
    );
    let reminder = db.template(s.reminder).unwrap();
    assert_eq!(reminder.status, TemplateStatus::Paused);
    assert_eq!(reminder.pause_count, 1);
    let pause = Span::hours(policy().templates.pause_hours[0]);
    assert_eq!(reminder.paused_until, Some(at(180) + pause));
    assert_eq!(
        db.template_log(s.reminder)
            .unwrap()
            .last()
            .map(|e| e.status),
        Some(TemplateStatus::Paused)
    );
    let signals = db.business_signals(s.lender, t0()).unwrap();
    assert_eq!(
        (signals.blocks, signals.users_reached),
        (6, s.crowd.len() as u32)
    );
}

#[test]
fn a_broadcast_reads_back_with_its_charge_and_the_budget_it_used() {
    let s = scene();
    let b = &s.broadcast;
    assert!(b.delivered > 0 && !b.held.is_empty(), "{b:?}");
    let store = s.reopen();
    let db = store.db();
    assert_eq!(
        db.broadcasts(s.shop).unwrap(),
        vec![BroadcastRecord {
            id: b.id,
            template: s.offer.0,
            category: Category::Marketing,
            created_at: at(240),
            audience: b.quote.audience,
            unit_price: b.quote.unit_price,
            reserved: b.quote.reserved,
            charged: b.settlement.charged,
            refunded: b.settlement.refunded,
            refused: None,
        }]
    );
    let price = Pricing::default().price(Category::Marketing);
    assert_eq!(
        b.settlement.charged,
        i64::from(b.delivered) * price,
        "only deliveries are charged"
    );
    assert_eq!(
        b.settlement.charged + b.settlement.refunded,
        b.quote.reserved
    );
    assert_eq!(
        db.business(s.shop).unwrap().budget,
        s.shop_budget - b.settlement.charged
    );
    assert_eq!(
        db.subscribers(s.shop).unwrap().len() as u32,
        b.quote.audience
    );
}

#[test]
fn metrics_count_what_the_decisions_said() {
    let s = scene();
    let store = s.reopen();
    let db = store.db();

    let mut expected = parley::policy::Metrics::default();
    for r in &s.shop_sends {
        expected.sent += 1;
        match r.decision.outcome {
            Outcome::Deliver => expected.delivered += 1,
            Outcome::Hold => expected.held += 1,
            Outcome::Reject => *expected.rejected.entry(r.decision.reason).or_default() += 1,
        }
        expected.credits += r.charge;
    }
    let shop = db.metrics(MetricScope::Business(s.shop)).unwrap();
    assert_eq!(
        (
            shop.sent,
            shop.delivered,
            shop.held,
            &shop.rejected,
            shop.credits
        ),
        (
            expected.sent,
            expected.delivered,
            expected.held,
            &expected.rejected,
            expected.credits
        )
    );
    // Only Alex reads, and Alex read the whole chat.
    let chat = db
        .chat_with(s.alex, Counterpart::Business(s.shop))
        .unwrap()
        .unwrap();
    let read_by_alex = db
        .last_messages(chat.id, 100)
        .unwrap()
        .iter()
        .filter(|m| m.direction == Direction::Inbound && m.read_at.is_some())
        .count() as u64;
    assert!(read_by_alex > 0);
    assert_eq!(shop.read, read_by_alex);
    assert_eq!((shop.interested, shop.reports), (1, 1));

    let b = &s.broadcast;
    let broadcast = db.metrics(MetricScope::Broadcast(b.id)).unwrap();
    assert_eq!(broadcast.sent, u64::from(b.quote.audience));
    assert_eq!(broadcast.delivered, u64::from(b.delivered));
    assert_eq!(
        broadcast.held,
        b.held.values().map(|n| u64::from(*n)).sum::<u64>()
    );
    assert_eq!(broadcast.credits, b.settlement.charged);

    let offer = db.metrics(MetricScope::Template(s.offer.0)).unwrap();
    // Sent to Alex, to Bea, then broadcast.
    assert_eq!(offer.sent, 2 + u64::from(b.quote.audience));
    assert_eq!(offer.interested, 1);

    let lender = db.metrics(MetricScope::Business(s.lender)).unwrap();
    assert_eq!(lender.blocks, 6);
    assert_eq!(lender.rejected.get(&Reason::BlockedByUser), Some(&1));
    assert_eq!(lender.delivered, s.crowd.len() as u64);

    let days = db
        .daily(
            MetricScope::Business(s.shop),
            t0().day_number() - 1,
            t0().day_number(),
        )
        .unwrap();
    assert_eq!(days.len(), 2);
    assert_eq!(days[0].sent, 0, "a day without events counts zero");
    assert_eq!(days[1].sent, expected.sent);
}

#[test]
fn a_reopened_file_shows_what_the_writer_saw_before_closing() {
    let s = scene();
    let after = readable_state(&s.reopen(), &s.users(), &[s.shop, s.lender]);
    assert_eq!(after.len(), s.before_close.len());
    for (before, after) in s.before_close.iter().zip(&after) {
        assert_eq!(before, after);
    }
    assert!(after.iter().any(|q| q.contains("Coffee later")));
}

// --- opening files ---------------------------------------------------------------------------

#[test]
fn an_empty_file_becomes_a_parley_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_file(&dir);
    std::fs::File::create(&path).unwrap();
    let mut store = Store::open(&path).unwrap();
    let id = store.write(|tx| tx.add_user("Alex", &prefs(4, 2))).unwrap();
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.db().user(id).unwrap().name, "Alex");
    assert!(std::fs::metadata(&path).unwrap().len() > 0);
}

#[test]
fn a_file_of_random_bytes_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_file(&dir);
    std::fs::write(&path, pseudo_random_bytes(8192)).unwrap();
    assert_refused_untouched(
        &path,
        |e| matches!(e, StoreError::NotADatabase { path: p } if *p == path),
    );
}

#[test]
fn a_short_text_file_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_file(&dir);
    std::fs::write(&path, "my shopping list: eggs, milk\n").unwrap();
    assert_refused_untouched(&path, |e| matches!(e, StoreError::NotADatabase { .. }));
}

#[test]
fn another_programs_database_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_file(&dir);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me');")
        .unwrap();
    drop(conn);
    assert_refused_untouched(
        &path,
        |e| matches!(e, StoreError::Foreign { path: p } if *p == path),
    );
    let conn = rusqlite::Connection::open(&path).unwrap();
    let body: String = conn
        .query_row("SELECT body FROM notes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(body, "keep me");
}

/// A database in WAL mode as a program that stopped without a checkpoint leaves it: its last
/// writes (made by `write`) still in the -wal file. Returns the directory and the database.
fn with_pending_wal(write: impl FnOnce(&rusqlite::Connection)) -> (TempDir, PathBuf) {
    let elsewhere = tempfile::tempdir().unwrap();
    let source = elsewhere.path().join("running.db");
    let conn = rusqlite::Connection::open(&source).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
    write(&conn);
    // Copied while the program still has it open: as a crash leaves it.
    let dir = tempfile::tempdir().unwrap();
    let path = db_file(&dir);
    for suffix in ["", "-wal", "-shm"] {
        let from = format!("{}{suffix}", source.display());
        std::fs::copy(from, format!("{}{suffix}", path.display())).unwrap();
    }
    drop(conn);
    let wal = std::fs::metadata(format!("{}-wal", path.display())).unwrap();
    assert!(wal.len() > 0, "the writes wait in the -wal file");
    (dir, path)
}

#[test]
fn another_programs_database_with_a_pending_wal_is_not_checkpointed() {
    let (_dir, path) = with_pending_wal(|conn| {
        conn.execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me');")
            .unwrap()
    });
    assert_refused_untouched(&path, |e| matches!(e, StoreError::Foreign { .. }));
}

#[test]
fn a_newer_parleys_database_with_a_pending_wal_is_not_checkpointed() {
    let (_dir, path) = with_pending_wal(|conn| {
        let dir = tempfile::tempdir().unwrap();
        // A real Parley database, copied in, then written as a newer Parley would.
        let parley = db_file(&dir);
        drop(Store::open(&parley).unwrap());
        conn.execute("ATTACH DATABASE ?1 AS parley", [parley.to_str().unwrap()])
            .unwrap();
        let app_id: i64 = conn
            .query_row("PRAGMA parley.application_id", [], |r| r.get(0))
            .unwrap();
        conn.execute_batch("DETACH DATABASE parley").unwrap();
        conn.pragma_update(None, "application_id", app_id).unwrap();
        conn.execute_batch("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
            .unwrap();
        conn.pragma_update(None, "user_version", 1000).unwrap();
    });
    assert_refused_untouched(&path, |e| {
        matches!(e, StoreError::NewerSchema { found: 1000, .. })
    });
}

#[test]
fn a_database_from_a_newer_parley_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_file(&dir);
    let mut store = Store::open(&path).unwrap();
    store.write(|tx| tx.add_user("Alex", &prefs(4, 2))).unwrap();
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let known: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert!(known > 0, "a Parley database records its schema version");
    conn.pragma_update(None, "user_version", known + 1).unwrap();
    drop(conn);
    let err = assert_refused_untouched(&path, |e| matches!(e, StoreError::NewerSchema { .. }));
    let StoreError::NewerSchema {
        found, known: k, ..
    } = err
    else {
        unreachable!()
    };
    assert_eq!((found, k), (known + 1, known));
}

// --- transactions ----------------------------------------------------------------------------

/// A store with Alex subscribed to a shop that has an approved offer template.
fn shop_store(dir: &TempDir) -> (Store, UserId, BusinessId, TemplateId) {
    let mut store = Store::open(&db_file(dir)).unwrap();
    let ids = store
        .write(|tx| {
            let alex = tx.add_user("Alex", &prefs(4, 2))?;
            let shop = tx.add_business(
                &NewBusiness {
                    name: "Tienda Sol",
                    verified: true,
                    kind: BusinessKind::Shop,
                    budget: 100,
                },
                t0() - Span::days(30),
            )?;
            let (offer, review) = tx.submit_template(
                &NewTemplate {
                    business: shop,
                    name: "weekly_offer",
                    category: Category::Marketing,
                    body: "{{1}}: {{2}} off.",
                    allow_recategorise: true,
                },
                &policy(),
                t0() - Span::days(7),
            )?;
            assert_eq!(review.status, TemplateStatus::Approved);
            tx.set_subscribed(alex, shop, true)?;
            Ok((alex, shop, offer))
        })
        .unwrap();
    (store, ids.0, ids.1, ids.2)
}

#[test]
fn a_message_and_its_decision_are_written_together_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, alex, shop, offer) = shop_store(&dir);
    let attempts = [
        template_send(shop, alex, offer, at(10)),
        text_send(shop, alex, "outside any window", at(11)),
    ];
    for attempt in &attempts {
        let failed = store.write(|tx| {
            tx.send(attempt, &policy(), &Pricing::default())?;
            Err::<(), _>(StoreError::Invalid(
                "something after the send failed".into(),
            ))
        });
        assert!(matches!(failed, Err(StoreError::Invalid(_))));
    }
    drop(store);

    let store = Store::open(&db_file(&dir)).unwrap();
    let db = store.db();
    assert!(
        db.decision_counts(shop).unwrap().is_empty(),
        "no decision was logged"
    );
    assert!(db.rejected(alex, shop, 10).unwrap().is_empty());
    assert!(db.held(alex).unwrap().is_empty());
    assert_eq!(
        db.chat_with(alex, Counterpart::Business(shop)).unwrap(),
        None,
        "no message, no chat"
    );
    assert_eq!(
        db.metrics(MetricScope::Business(shop)).unwrap(),
        Default::default()
    );
    drop(store);

    // The same attempts, committed: each leaves its decision, and the delivery its message.
    let mut store = Store::open(&db_file(&dir)).unwrap();
    let results: Vec<SendResult> = attempts.iter().map(|a| send(&mut store, a)).collect();
    drop(store);
    let store = Store::open(&db_file(&dir)).unwrap();
    let db = store.db();
    let logged: u32 = db.decision_counts(shop).unwrap().iter().map(|c| c.2).sum();
    assert_eq!(logged as usize, results.len());
    let delivered = db.message(results[0].message.unwrap()).unwrap();
    assert_eq!(delivered.decision, results[0].decision);
    assert_eq!(
        db.rejected(alex, shop, 10).unwrap()[0].decision,
        results[1].decision
    );
}

#[test]
fn a_failed_broadcast_leaves_the_budget_and_the_logs_as_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _alex, shop, offer) = shop_store(&dir);
    let before = store.db().business(shop).unwrap().budget;
    let failed = store.write(|tx| {
        tx.broadcast(
            &BroadcastRequest {
                business: shop,
                template: offer,
                params: vec!["Sale".into(), "10%".into()],
                audience: None,
            },
            &policy(),
            &Pricing::default(),
            at(10),
        )?;
        Err::<(), _>(StoreError::Invalid("interrupted".into()))
    });
    assert!(failed.is_err());
    drop(store);
    let store = Store::open(&db_file(&dir)).unwrap();
    let db = store.db();
    assert_eq!(db.business(shop).unwrap().budget, before);
    assert!(db.broadcasts(shop).unwrap().is_empty());
    assert!(db.decision_counts(shop).unwrap().is_empty());
}

#[test]
fn a_chats_position_is_its_place_in_the_list_for_every_filter_and_order() {
    let assets = parley::world::Assets::built_in();
    let mut store = Store::open_in_memory().unwrap();
    parley::world::seed(&mut store, &assets).unwrap();
    let until = assets.world.start + Span::parse("1d4h").unwrap();
    parley::world::advance(&mut store, &assets, until, |_| {}).unwrap();
    let me = store.db().me().unwrap().unwrap();
    let chats = store
        .db()
        .chats(me, ChatFilter::All, ChatOrder::Recent, 0, 100)
        .unwrap();
    assert!(chats.len() >= 8, "the demo world has chats to order");
    // Some read, one muted, one archived, so that every filter leaves some chats out.
    store
        .write(|tx| {
            tx.mark_read(chats[0].id, until)?;
            tx.mark_read(chats[3].id, until)?;
            tx.set_muted(chats[1].id, true)?;
            tx.set_archived(chats[2].id, true)
        })
        .unwrap();
    let db = store.db();
    for &filter in ChatFilter::ALL {
        for &order in ChatOrder::ALL {
            let listed = db.chats(me, filter, order, 0, 100).unwrap();
            for chat in &chats {
                let expected = listed.iter().position(|c| c.id == chat.id);
                assert_eq!(
                    db.chat_position(me, filter, order, chat.id).unwrap(),
                    expected,
                    "{} in {filter:?}, {order:?}",
                    chat.title
                );
            }
        }
    }
}

/// A user's filter counts found by listing every chat, to check the kept counts against.
fn counted(store: &Store, user: UserId) -> FilterCounts {
    let db = store.db();
    let listed = |filter| {
        db.chats(user, filter, ChatOrder::Recent, 0, 100_000)
            .unwrap()
    };
    let count = |filter| listed(filter).len() as u32;
    let every: Vec<Chat> = [ChatFilter::All, ChatFilter::Archived]
        .into_iter()
        .flat_map(listed)
        .collect();
    FilterCounts {
        all: count(ChatFilter::All),
        unread: count(ChatFilter::Unread),
        personal: count(ChatFilter::Personal),
        business: count(ChatFilter::Business),
        offers: count(ChatFilter::Offers),
        archived: count(ChatFilter::Archived),
        held: db.held(user).unwrap().len() as u32,
        unread_messages: every.iter().filter(|c| !c.muted).map(|c| c.unread).sum(),
    }
}

#[test]
fn kept_filter_counts_equal_the_listed_chats_through_every_change() {
    let assets = Assets::built_in();
    let mut store = Store::open_in_memory().unwrap();
    let days = |n| assets.world.start + Span::days(n);
    world::advance(&mut store, &assets, days(2), |_| {}).unwrap();
    let db = store.db();
    let me = db.me().unwrap().unwrap();
    let users: Vec<UserId> = db.users().unwrap().iter().map(|u| u.id).collect();
    let chats: Vec<ChatId> = db
        .chats(me, ChatFilter::All, ChatOrder::Recent, 0, 50)
        .unwrap()
        .iter()
        .map(|c| c.id)
        .collect();
    let check_all = |store: &Store| {
        for user in &users {
            let kept = store.db().filter_counts(*user).unwrap();
            assert_eq!(kept, counted(store, *user), "user {user}");
        }
    };
    check_all(&store);
    assert!(
        counted(&store, me).all > 3,
        "the demo user has chats to change"
    );
    let now = store.db().clock().unwrap().unwrap();
    for (i, chat) in chats.iter().enumerate() {
        store
            .write(|tx| match i % 4 {
                0 => tx.set_muted(*chat, true),
                1 => tx.set_archived(*chat, true),
                2 => tx.mark_read(*chat, now),
                _ => tx.mark_unread(*chat),
            })
            .unwrap();
        let kept = store.db().filter_counts(me).unwrap();
        assert_eq!(kept, counted(&store, me), "after change {i}");
    }
    world::advance(&mut store, &assets, days(4), |_| {}).unwrap();
    check_all(&store);
}

#[test]
fn each_user_counts_once_per_kind_of_signal_and_interested_withdraws_not_interested() {
    let dir = TempDir::new().unwrap();
    let (mut store, alex, shop, offer) = shop_store(&dir);
    let result = send(&mut store, &template_send(shop, alex, offer, at(0)));
    assert_eq!(result.decision.outcome, Outcome::Deliver);
    let message = result.message.unwrap();
    let since = t0() - Span::days(1);
    let not_interested = |store: &Store| {
        let signals = store.db().business_signals(shop, since).unwrap();
        let metrics = store.db().metrics(MetricScope::Business(shop)).unwrap();
        (signals.not_interested, metrics.not_interested)
    };

    let mut minute = 1;
    let mut give = |store: &mut Store, feedback| {
        minute += 1;
        let action = UserAction::Feedback { message, feedback };
        store
            .write(|tx| tx.apply(alex, &action, at(minute), &RULES))
            .unwrap();
    };
    give(&mut store, Feedback::NotInterested);
    give(&mut store, Feedback::Interested);
    assert_eq!(not_interested(&store), (0, 0), "Interested withdraws it");
    give(&mut store, Feedback::NotInterested);
    assert_eq!(not_interested(&store), (1, 1));

    for minute in 10..13 {
        store
            .write(|tx| tx.report(alex, shop, ReportReason::Spam, false, at(minute), &RULES))
            .unwrap();
    }
    let signals = store.db().business_signals(shop, since).unwrap();
    assert_eq!(
        signals.reports, 1,
        "one user reporting three times is one report"
    );
}

#[test]
fn a_send_or_broadcast_that_leaves_a_placeholder_unfilled_is_refused_before_any_decision() {
    let dir = TempDir::new().unwrap();
    let (mut store, alex, shop, offer) = shop_store(&dir);
    let before = store.db().metrics(MetricScope::Business(shop)).unwrap();
    let mut attempt = template_send(shop, alex, offer, t0());
    attempt.params = vec!["Black Week".into()];
    let refused = store.write(|tx| tx.send(&attempt, &policy(), &Pricing::default()));
    match refused {
        Err(StoreError::Conflict(why)) => {
            assert!(
                why.contains("needs 2 parameters ({{1}}, {{2}}) and 1 was given"),
                "{why}"
            )
        }
        other => panic!("an unfilled {{{{2}}}} must be refused, got {other:?}"),
    }
    let request = BroadcastRequest {
        business: shop,
        template: offer,
        params: vec![" ".into(), "30%".into()],
        audience: None,
    };
    let broadcast = store.write(|tx| tx.broadcast(&request, &policy(), &Pricing::default(), t0()));
    assert!(
        matches!(broadcast, Err(StoreError::Conflict(_))),
        "{broadcast:?}"
    );
    assert_eq!(
        store.db().metrics(MetricScope::Business(shop)).unwrap(),
        before,
        "nothing was decided, charged or counted"
    );
}

#[test]
fn a_send_or_broadcast_with_a_value_for_no_placeholder_is_refused_before_any_decision() {
    let dir = TempDir::new().unwrap();
    let (mut store, alex, shop, offer) = shop_store(&dir);
    let before = store.db().metrics(MetricScope::Business(shop)).unwrap();
    let three = vec!["Black Week".to_string(), "30%".into(), "oops".into()];
    let attempt = Attempt {
        params: three.clone(),
        ..template_send(shop, alex, offer, t0())
    };
    match store.write(|tx| tx.send(&attempt, &policy(), &Pricing::default())) {
        Err(StoreError::Conflict(why)) => assert!(
            why.contains("takes 2 parameters and 3 were given: leave out the extra values"),
            "{why}"
        ),
        other => panic!("a third value for two placeholders must be refused, got {other:?}"),
    }
    let request = BroadcastRequest {
        business: shop,
        template: offer,
        params: three,
        audience: None,
    };
    let broadcast = store.write(|tx| tx.broadcast(&request, &policy(), &Pricing::default(), t0()));
    assert!(
        matches!(broadcast, Err(StoreError::Conflict(_))),
        "{broadcast:?}"
    );
    assert_eq!(
        store.db().metrics(MetricScope::Business(shop)).unwrap(),
        before,
        "nothing was decided, charged or counted"
    );
}

/// Alex and four more people in Tienda Sol's offer list: Bea blocked the shop, Cai turned all
/// offers off, Dani has quiet hours all morning, Eva is plain. The shop's budget is 100 credits.
fn offer_list(store: &mut Store, alex: UserId, shop: BusinessId) -> Vec<UserId> {
    store
        .write(|tx| {
            let mut list = vec![alex];
            for (name, all_offers, quiet_hours) in [
                ("Bea", true, None),
                ("Cai", false, None),
                ("Dani", true, Some(QuietHours { start: 8, end: 12 })),
                ("Eva", true, None),
            ] {
                let person = UserPrefs {
                    all_offers,
                    quiet_hours,
                    ..prefs(4, 2)
                };
                let id = tx.add_user(name, &person)?;
                tx.set_subscribed(id, shop, true)?;
                list.push(id);
            }
            tx.block(list[1], shop, BlockReason::Spam, t0(), &RULES)?;
            Ok(list)
        })
        .unwrap()
}

#[test]
fn a_broadcast_reserves_for_its_eligible_audience_and_a_released_message_is_free() {
    let dir = TempDir::new().unwrap();
    let (mut store, alex, shop, offer) = shop_store(&dir);
    let list = offer_list(&mut store, alex, shop);
    let request = BroadcastRequest {
        business: shop,
        template: offer,
        params: vec!["Sale".into(), "10%".into()],
        audience: Some(list.clone()),
    };
    let pricing = Pricing::default();
    let outcome = store
        .write(|tx| tx.broadcast(&request, &policy(), &pricing, at(10)))
        .expect("5 people, 3 eligible (not Bea, not Cai): 75 credits fit a budget of 100");
    assert_eq!((outcome.quote.audience, outcome.quote.eligible), (5, 3));
    assert_eq!(outcome.quote.reserved, 3 * pricing.marketing);
    assert_eq!(outcome.delivered, 2, "Alex and Eva; Dani's is held");
    assert_eq!(outcome.settlement.charged, 2 * pricing.marketing);
    let budget = store.db().business(shop).unwrap().budget;
    assert_eq!(budget, 100 - 2 * pricing.marketing);

    let dani = list[3];
    let held = outcome
        .results
        .iter()
        .find(|(user, _)| *user == dani)
        .and_then(|(_, r)| r.message)
        .expect("Dani's message is held");
    store
        .write(|tx| tx.release_held(dani, held, at(20)))
        .unwrap();
    let db = store.db();
    assert_eq!(db.message(held).unwrap().decision.outcome, Outcome::Deliver);
    assert_eq!(
        db.business(shop).unwrap().budget,
        budget,
        "the user fetched it: the business pays nothing"
    );
}

#[test]
fn a_refused_broadcast_is_kept_with_what_it_needed_and_what_there_was() {
    let dir = TempDir::new().unwrap();
    let (mut store, alex, shop, offer) = shop_store(&dir);
    let mut list = offer_list(&mut store, alex, shop);
    list.extend(
        store
            .write(|tx| {
                (0..3)
                    .map(|n| tx.add_user(&format!("Extra {n}"), &prefs(4, 2)))
                    .collect::<Result<Vec<_>, _>>()
            })
            .unwrap(),
    );
    for user in &list[5..] {
        store
            .write(|tx| tx.set_subscribed(*user, shop, true))
            .unwrap();
    }
    let request = BroadcastRequest {
        business: shop,
        template: offer,
        params: vec!["Sale".into(), "10%".into()],
        audience: Some(list),
    };
    let pricing = Pricing::default();
    let refusal = match store.write(|tx| tx.broadcast(&request, &policy(), &pricing, at(10))) {
        Err(StoreError::Budget(refusal)) => refusal,
        other => panic!("6 eligible people need 150 credits of 100: {other:?}"),
    };
    assert_eq!(
        (refusal.eligible, refusal.needed, refusal.available),
        (6, 150, 100)
    );
    store
        .write(|tx| tx.record_refused_broadcast(&request, &refusal, &pricing, at(10)))
        .unwrap();
    let db = store.db();
    let kept = db.broadcasts(shop).unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(
        (
            kept[0].audience,
            kept[0].reserved,
            kept[0].charged,
            kept[0].refused
        ),
        (
            6,
            0,
            0,
            Some(BudgetShortfall {
                needed: 150,
                available: 100
            })
        )
    );
    assert_eq!(
        db.business(shop).unwrap().budget,
        100,
        "nothing was reserved"
    );
}

/// Everything the store says about one business's standing: its signals, figures and quality.
fn business_standing(store: &Store, business: BusinessId) -> String {
    let db = store.db();
    format!(
        "{:?} {:?} {:?} {:?}",
        db.business_signals(business, Timestamp(0)).unwrap(),
        db.metrics(MetricScope::Business(business)).unwrap(),
        db.business(business).unwrap().quality,
        db.quality_log(business).unwrap()
    )
}

#[test]
fn reporting_and_blocking_a_friend_is_recorded_and_changes_no_business_standing() {
    let assets = Assets::built_in();
    let mut store = Store::open_in_memory().unwrap();
    world::seed(&mut store, &assets).unwrap();
    world::advance(
        &mut store,
        &assets,
        assets.world.start + Span::days(1),
        |_| {},
    )
    .unwrap();
    let me = store.db().me().unwrap().expect("the demo user");
    let marta = store.db().contacts(me).unwrap()[0].clone();
    assert_eq!(marta.name, "Marta");
    let businesses: Vec<BusinessId> = store
        .db()
        .businesses()
        .unwrap()
        .iter()
        .map(|b| b.id)
        .collect();
    let standing = |store: &Store| {
        businesses
            .iter()
            .map(|&b| business_standing(store, b))
            .collect::<Vec<_>>()
    };
    let before = standing(&store);
    let now = store.db().clock().unwrap().expect("the demo clock");
    let report = UserAction::ReportContact {
        contact: marta.id,
        reason: ReportReason::Spam,
        also_block: true,
    };
    store
        .write(|tx| tx.apply(me, &report, now, &RULES))
        .unwrap();
    assert_eq!(standing(&store), before, "no business's standing moves");
    let db = store.db();
    assert_eq!(
        db.last_contact_report(me, marta.id).unwrap(),
        Some((now, ReportReason::Spam))
    );
    assert_eq!(
        db.contact_block(me, marta.id).unwrap(),
        Some((now, BlockReason::Spam))
    );
}

#[test]
fn a_blocked_friends_messages_are_not_kept_until_unblocked() {
    let assets = Assets::built_in();
    let mut store = Store::open_in_memory().unwrap();
    world::seed(&mut store, &assets).unwrap();
    let me = store.db().me().unwrap().expect("the demo user");
    let marta = store.db().contacts(me).unwrap()[0].id;
    let now = store.db().clock().unwrap().expect("the demo clock");
    let block = UserAction::BlockContact {
        contact: marta,
        reason: BlockReason::NoLongerNeeded,
    };
    store.write(|tx| tx.apply(me, &block, now, &RULES)).unwrap();
    let kept = store
        .write(|tx| tx.receive_personal(me, marta, "Are you there?", now))
        .unwrap();
    assert_eq!(kept, None, "nothing from a blocked friend is kept");
    let unblock = UserAction::UnblockContact { contact: marta };
    store
        .write(|tx| tx.apply(me, &unblock, now, &RULES))
        .unwrap();
    let kept = store
        .write(|tx| tx.receive_personal(me, marta, "Hello again", now))
        .unwrap();
    assert!(kept.is_some(), "after unblocking their messages arrive");
}

// --- quiet hours in the user's time zone -----------------------------------------------------

#[test]
fn an_offer_held_for_quiet_hours_is_released_when_they_end_on_the_users_clocks() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, alex, shop, offer) = shop_store(&dir);
    let madrid = UserPrefs {
        quiet_hours: Some(QuietHours { start: 22, end: 7 }),
        time_zone: Some(Zone::named("Europe/Madrid").unwrap()),
        ..prefs(4, 2)
    };
    store.write(|tx| tx.set_prefs(alex, &madrid)).unwrap();
    // Saturday 28 March 2026, 23:00 in Madrid; that night the clocks skip from 02:00 to 03:00.
    let sent = send(
        &mut store,
        &template_send(shop, alex, offer, Timestamp::from_civil(2026, 3, 28, 22, 0)),
    );
    assert_eq!(sent.decision.reason, Reason::QuietHours);
    assert!(sent.decision.sentence.contains("Europe/Madrid"));
    let message = sent.message.expect("a held message is stored");
    let release = |store: &mut Store, at: Timestamp| {
        store
            .write(|tx| tx.release_after_quiet_hours(&policy(), at))
            .unwrap()
    };
    // 06:59 summer time in Madrid is 04:59 UTC: still quiet.
    assert_eq!(
        release(&mut store, Timestamp::from_civil(2026, 3, 29, 4, 59)),
        0
    );
    assert_eq!(store.db().held(alex).unwrap().len(), 1);
    // 07:00 summer time is 05:00 UTC, an hour earlier than it was the day before.
    assert_eq!(
        release(&mut store, Timestamp::from_civil(2026, 3, 29, 5, 0)),
        1
    );
    assert!(store.db().held(alex).unwrap().is_empty());
    let delivered = store.db().message(message).unwrap();
    assert_eq!(delivered.decision.outcome, Outcome::Deliver);
    assert!(delivered.decision.sentence.contains("quiet hours to end"));
}

#[test]
fn the_time_zone_is_stored_with_the_user() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, alex, _, _) = shop_store(&dir);
    assert_eq!(store.db().user(alex).unwrap().prefs.time_zone, None);
    let tokyo = UserPrefs {
        time_zone: Some(Zone::named("Asia/Tokyo").unwrap()),
        ..prefs(4, 2)
    };
    store.write(|tx| tx.set_prefs(alex, &tokyo)).unwrap();
    drop(store);
    let store = Store::open(&db_file(&dir)).unwrap();
    let zone = store.db().user(alex).unwrap().prefs.zone();
    assert_eq!(zone.name(), "Asia/Tokyo");
}

/// The report and attribution rules of a policy.toml holding `toml`, read as `--assets` reads
/// it.
fn signals_from_file(toml: &str) -> SignalConfig {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("policy.toml"), toml).unwrap();
    Assets::load(Some(dir.path())).unwrap().policy.signals
}

#[test]
fn a_policy_with_evidence_3_keeps_the_last_3_messages_as_evidence() {
    let dir = TempDir::new().unwrap();
    let (mut store, alex, shop, _) = shop_store(&dir);
    for i in 0..6 {
        reply(&mut store, alex, shop, &format!("message {i}"), at(i));
    }
    let rules = signals_from_file("[signals]\nevidence_messages = 3\n");
    let evidence = store
        .write(|tx| tx.report(alex, shop, ReportReason::Spam, false, at(10), &rules))
        .unwrap();
    let bodies: Vec<&str> = evidence.iter().map(|e| e.body.as_str()).collect();
    assert_eq!(bodies, ["message 3", "message 4", "message 5"]);
}

#[test]
fn a_policy_with_attribution_1_day_stops_attributing_a_block_to_an_older_message() {
    let one_day = "[signals]\nattribution_days = 1\n";
    let cases = [
        ("", Span::days(2), 1),
        (one_day, Span::hours(12), 1),
        (one_day, Span::days(2), 0),
    ];
    for (toml, later, expected) in cases {
        let dir = TempDir::new().unwrap();
        let (mut store, alex, shop, offer) = shop_store(&dir);
        let sent = send(&mut store, &template_send(shop, alex, offer, at(0)));
        assert_eq!(sent.decision.outcome, Outcome::Deliver);
        let rules = signals_from_file(toml);
        store
            .write(|tx| tx.block(alex, shop, BlockReason::Spam, at(0) + later, &rules))
            .unwrap();
        let template = store.db().metrics(MetricScope::Template(offer)).unwrap();
        let business = store.db().metrics(MetricScope::Business(shop)).unwrap();
        assert_eq!(
            (template.blocks, business.blocks),
            (expected, 1),
            "{toml:?}, blocked {later:?} after the offer: the template answers for it only \
             inside the attribution span, the business always"
        );
    }
}

#[test]
fn a_policy_with_an_impossible_evidence_or_attribution_is_refused_naming_the_field() {
    for (toml, field) in [
        (
            "[signals]\nevidence_messages = 0\n",
            "signals.evidence_messages",
        ),
        (
            "[signals]\nevidence_messages = 51\n",
            "signals.evidence_messages",
        ),
        (
            "[signals]\nattribution_days = 0\n",
            "signals.attribution_days",
        ),
        (
            "[signals]\nattribution_days = -3\n",
            "signals.attribution_days",
        ),
    ] {
        let dir = TempDir::new().unwrap();
        std::fs::write(dir.path().join("policy.toml"), toml).unwrap();
        let error = Assets::load(Some(dir.path())).unwrap_err().to_string();
        assert!(
            error.contains("policy.toml") && error.contains(field),
            "{toml:?}: {error}"
        );
    }
}

#[test]
fn the_tier_counts_each_person_a_template_reached_once_and_forgets_them_after_a_day() {
    let dir = TempDir::new().unwrap();
    let mut store = Store::open(&db_file(&dir)).unwrap();
    let (shop, parcel, users) = store
        .write(|tx| {
            let shop = tx.add_business(&tienda(), t0() - Span::days(30))?;
            let (parcel, review) = tx.submit_template(
                &NewTemplate {
                    business: shop,
                    name: "on_its_way",
                    category: Category::Utility,
                    body: "Your parcel {{1}} is on its way",
                    allow_recategorise: false,
                },
                &policy(),
                t0() - Span::days(7),
            )?;
            assert_eq!(review.status, TemplateStatus::Approved);
            let users = (0..251)
                .map(|n| tx.add_user(&format!("user{n}"), &prefs(4, 2)))
                .collect::<Result<Vec<_>, _>>()?;
            Ok((shop, parcel, users))
        })
        .unwrap();
    let (reached, newcomer) = users.split_at(250);
    for minute in 0..2 {
        for &user in reached {
            let sent = send(&mut store, &reminder_send(shop, user, parcel, at(minute)));
            assert_eq!(
                sent.decision.outcome,
                Outcome::Deliver,
                "{:?}",
                sent.decision
            );
        }
    }
    let refused = send(&mut store, &reminder_send(shop, newcomer[0], parcel, at(5)));
    assert_eq!(refused.decision.reason, Reason::TierLimitReached);
    let again = send(&mut store, &reminder_send(shop, reached[0], parcel, at(5)));
    assert_eq!(
        again.decision.outcome,
        Outcome::Deliver,
        "{:?}",
        again.decision
    );
    let next_day = at(5) + Span::hours(24);
    let welcome = send(
        &mut store,
        &reminder_send(shop, newcomer[0], parcel, next_day),
    );
    assert_eq!(
        welcome.decision.outcome,
        Outcome::Deliver,
        "{:?}",
        welcome.decision
    );
}

/// Takes a store back from schema 14 to 13: the facts of decisions and strikes dropped.
const UNDO_SCHEMA_14: &str = "
    ALTER TABLE messages DROP COLUMN facts; ALTER TABLE decisions DROP COLUMN facts;
    ALTER TABLE strikes DROP COLUMN facts; ALTER TABLE restrictions DROP COLUMN strike;
    ALTER TABLE templates DROP COLUMN review_finding;";

/// Takes a store back from schema 13 to 12: its triggers, indexes and columns dropped.
const UNDO_SCHEMA_13: &str = "
    DROP TRIGGER business_registered; DROP TRIGGER business_changed;
    DROP TRIGGER restriction_added; DROP TRIGGER restriction_changed;
    DROP TRIGGER restriction_removed; DROP TRIGGER relation_added;
    DROP TRIGGER relation_changed; DROP TRIGGER prefs_added; DROP TRIGGER prefs_changed;
    DROP INDEX businesses_changes; DROP INDEX relations_changes; DROP INDEX chats_changes;
    ALTER TABLE businesses DROP COLUMN change; ALTER TABLE relations DROP COLUMN change;
    ALTER TABLE chats DROP COLUMN change; ALTER TABLE users DROP COLUMN prefs_change;";

#[test]
fn a_store_from_before_schema_12_still_knows_whom_each_business_reached_today() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, alex, shop, offer) = shop_store(&dir);
    let sent = send(&mut store, &template_send(shop, alex, offer, at(10)));
    assert_eq!(
        sent.decision.outcome,
        Outcome::Deliver,
        "{:?}",
        sent.decision
    );
    drop(store);
    // The file as schema 11 left it: the messages, without the table of whom each reached
    // (nor schema 13's change numbers of businesses, relations and preferences).
    let raw = rusqlite::Connection::open(db_file(&dir)).unwrap();
    raw.execute_batch(UNDO_SCHEMA_14).unwrap();
    raw.execute_batch(UNDO_SCHEMA_13).unwrap();
    raw.execute_batch(
        "DROP TABLE template_reach; DROP TABLE applied_sends; PRAGMA user_version = 11;",
    )
    .unwrap();
    drop(raw);

    let store = Store::open(&db_file(&dir)).unwrap();
    let reach = store.db().reach(shop, alex, at(0)).unwrap();
    assert_eq!(
        reach,
        Reach {
            unique_users: 1,
            includes_recipient: true
        }
    );
    let after = store.db().reach(shop, alex, at(10)).unwrap();
    assert_eq!(
        after,
        Reach::default(),
        "a window that starts at the delivery leaves it out"
    );
}

#[test]
fn a_decision_stored_before_schema_14_shows_its_sentence_and_a_new_one_speaks_spanish() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, alex, shop, offer) = shop_store(&dir);
    let old = send(&mut store, &template_send(shop, alex, offer, at(10)));
    let english = old.decision.sentence.clone();
    assert!(
        english.starts_with("Delivered: an offer from Tienda Sol"),
        "{english}"
    );
    drop(store);
    // The file as schema 13 left it: decisions without their facts.
    let raw = rusqlite::Connection::open(db_file(&dir)).unwrap();
    raw.execute_batch(UNDO_SCHEMA_14).unwrap();
    raw.execute_batch("PRAGMA user_version = 13;").unwrap();
    drop(raw);

    let mut store = Store::open(&db_file(&dir)).unwrap();
    let kept = store.db().message(old.message.unwrap()).unwrap();
    assert_eq!(kept.decision.facts, None);
    let spanish = Catalogues::embedded().get("es").unwrap();
    let shown = parley::i18n::scoped(spanish.clone(), || sentences::decision(&kept.decision));
    assert_eq!(shown, english, "an old row shows its stored sentence");

    let new = send(&mut store, &template_send(shop, alex, offer, at(20)));
    let stored = store.db().message(new.message.unwrap()).unwrap();
    assert!(stored.decision.facts.is_some(), "{:?}", stored.decision);
    let shown = parley::i18n::scoped(spanish, || sentences::decision(&stored.decision));
    assert_eq!(
        shown,
        "Entregado: una oferta de Tienda Sol, a cuyas ofertas te suscribiste; \
         2 de tus 4 ofertas diarias y 2 de 2 semanales de esta empresa."
    );
}
