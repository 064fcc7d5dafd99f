//! The demo world's first week, on a real database file: the story `assets/world.toml` tells,
//! checked on the fields of `parley::world::summary` (and the store where the summary does not
//! reach), with expectations worked out from the script and the rules rather than copied from
//! a run. And the world is deterministic, however the week is cut into steps.

use parley::model::MetricScope;
use parley::model::number::credits;
use parley::model::*;
use parley::store::{BroadcastRequest, Store, StoreError};
use parley::world::{self, Assets, Event, Source, Summary, Target};
use tempfile::TempDir;

// --- helpers ---------------------------------------------------------------------------------

fn assets() -> Assets {
    Assets::built_in()
}

fn open_world() -> (TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("parley.db")).unwrap();
    (dir, store)
}

/// Moves the world's clock forward by `span` from wherever it stands.
fn advance_by(store: &mut Store, assets: &Assets, span: Span) -> Timestamp {
    let now = store.db().clock().unwrap().unwrap_or(assets.world.start);
    world::advance(store, assets, now + span, |_| {}).unwrap()
}

/// A fresh world advanced through the given steps, with its summary.
fn world_after(steps: &[Span]) -> (TempDir, Store, Summary) {
    let assets = assets();
    let (dir, mut store) = open_world();
    for step in steps {
        advance_by(&mut store, &assets, *step);
    }
    let summary = world::summary(&store, &assets).unwrap();
    (dir, store, summary)
}

fn week() -> (TempDir, Store, Summary) {
    world_after(&[Span::days(7)])
}

/// The position of the business with this key in the world file.
fn index_of(assets: &Assets, key: &str) -> usize {
    assets
        .world
        .def
        .businesses
        .iter()
        .position(|b| b.key == key)
        .unwrap_or_else(|| panic!("no business {key} in the world file"))
}

/// The name of the business with this key in the world file.
fn name_of(assets: &Assets, key: &str) -> String {
    assets.world.def.businesses[index_of(assets, key)]
        .name
        .clone()
}

/// The script's events sent by the business with this key.
fn events_from<'a>(assets: &'a Assets, key: &str) -> Vec<&'a Event> {
    let index = index_of(assets, key);
    assets
        .world
        .events
        .iter()
        .filter(|e| e.from == Source::Business(index))
        .collect()
}

/// Whether an event is addressed to the user (directly, or to everyone).
fn to_me(event: &Event) -> bool {
    matches!(event.to, Target::Me | Target::Everyone)
}

fn me(store: &Store) -> UserId {
    store.db().me().unwrap().unwrap()
}

fn template<'a>(summary: &'a Summary, business: &str, name: &str) -> &'a Template {
    &summary
        .business(business)
        .unwrap()
        .templates
        .iter()
        .find(|(t, _)| t.name == name)
        .unwrap_or_else(|| panic!("{business} has no template {name}"))
        .0
}

// --- the story -------------------------------------------------------------------------------

#[test]
fn the_lender_climbs_the_ladder_to_a_sending_suspension_and_no_further_while_suspended() {
    let assets = assets();
    let (_dir, store, s) = week();
    let lender = s.business(&name_of(&assets, "quickcash")).unwrap();

    assert_eq!(lender.business.quality, Quality::Low);
    assert!(!lender.standing.disabled, "{:?}", lender.restrictions);
    let suspended = lender
        .restrictions
        .iter()
        .find(|r| r.kind == RestrictionKind::SendingSuspended)
        .expect("a SendingSuspended restriction");
    assert!(suspended.active_at(s.now), "{suspended:?}");

    // Strikes in time order; the n-th one brings the n-th step of the ladder, at its moment.
    let strikes = &lender.strikes;
    assert!(
        strikes.windows(2).all(|w| w[0].at <= w[1].at),
        "{strikes:?}"
    );
    let ladder: Vec<RestrictionKind> = lender.restrictions.iter().map(|r| r.kind).collect();
    let expected: Vec<RestrictionKind> = (1..=4).filter_map(RestrictionKind::for_strikes).collect();
    assert_eq!(
        ladder, expected,
        "one restriction per strike, up to the sending suspension"
    );
    for (strike, restriction) in strikes.iter().zip(&lender.restrictions) {
        assert_eq!(restriction.start, strike.at);
        assert!(
            restriction.reason.contains(&strike.detail),
            "{restriction:?}"
        );
    }
    assert!(strikes.len() >= ladder.len());

    // Template strikes match the templates' own histories: each pause and each disabling.
    let events: Vec<&TemplateEvent> = lender.templates.iter().flat_map(|(_, log)| log).collect();
    for (cause, status) in [
        (StrikeCause::TemplatePaused, TemplateStatus::Paused),
        (StrikeCause::TemplateDisabled, TemplateStatus::Disabled),
    ] {
        let mut strike_times: Vec<Timestamp> = strikes
            .iter()
            .filter(|s| s.cause == cause)
            .map(|s| s.at)
            .collect();
        let mut log_times: Vec<Timestamp> = events
            .iter()
            .filter(|e| e.status == status)
            .map(|e| e.at)
            .collect();
        strike_times.sort();
        log_times.sort();
        assert_eq!(strike_times, log_times, "{cause} strikes");
    }
    // The template pushed hardest went through every pause before it was disabled.
    let pauses = assets.policy.templates.pause_hours.len();
    let worn_out = lender
        .templates
        .iter()
        .find(|(t, _)| t.status == TemplateStatus::Disabled)
        .expect("a disabled template");
    assert_eq!(worn_out.0.pause_count as usize, pauses);
    let statuses: Vec<TemplateStatus> = worn_out.1.iter().map(|e| e.status).collect();
    let mut history = vec![TemplateStatus::Approved];
    for _ in 0..pauses {
        history.extend([TemplateStatus::Paused, TemplateStatus::Approved]);
    }
    history.push(TemplateStatus::Disabled);
    assert_eq!(
        statuses, history,
        "review, pause and resume {pauses} times, then disabled"
    );

    // Suspended, it delivers nothing and earns no low-quality strike, however long it stays
    // at Low: the ladder stops at the suspension.
    assert!(
        s.now - suspended.start > Span::days(assets.policy.enforcement.low_quality_strike_days),
        "the week runs past a spell's strike time"
    );
    assert!(
        strikes.iter().all(|s| s.at <= suspended.start),
        "{strikes:?}"
    );

    // Once suspended, nothing it sends reaches the user, and every template it tries is
    // refused for the suspension (its free-form text is a service reply, refused only because
    // no service window is open).
    let db = store.db();
    let me = me(&store);
    let chat = db
        .chat_with(me, Counterpart::Business(lender.business.id))
        .unwrap()
        .unwrap();
    for m in db.last_messages(chat.id, 1000).unwrap() {
        assert!(
            m.sent_at <= suspended.start,
            "delivered after the suspension: {m:?}"
        );
    }
    let after: Vec<_> = db
        .rejected(me, lender.business.id, 1000)
        .unwrap()
        .into_iter()
        .filter(|r| r.at > suspended.start && r.template.is_some())
        .collect();
    assert!(!after.is_empty(), "the script has the lender keep trying");
    assert!(
        after
            .iter()
            .all(|r| r.decision.reason == Reason::BusinessSuspended),
        "{after:?}"
    );
}

#[test]
fn the_shops_offers_beyond_the_weekly_cap_are_held() {
    let assets = assets();
    let (_dir, store, s) = week();
    let me = me(&store);
    let cap = store.db().user(me).unwrap().prefs.weekly_business_cap;
    let shop = s.business(&name_of(&assets, "modalola")).unwrap();
    let offers: Vec<&Event> = events_from(&assets, "modalola")
        .into_iter()
        .filter(|e| to_me(e))
        .collect();
    let first = offers.first().unwrap().at;
    assert!(
        offers.iter().all(|e| e.at < first + Span::days(7)),
        "all offers fall in one weekly window"
    );
    let surplus = offers.len() as u32 - cap;
    assert!(surplus > 0, "the script sends more offers than the cap");

    assert_eq!(
        shop.to_me.reason(Outcome::Deliver, Reason::SubscribedOffer),
        cap
    );
    assert_eq!(shop.to_me.count(Outcome::Deliver), cap);
    assert_eq!(
        shop.to_me.reason(Outcome::Hold, Reason::UserMarketingCap),
        surplus
    );
    assert_eq!(shop.to_me.count(Outcome::Hold), surplus);
    assert_eq!(shop.to_me.count(Outcome::Reject), 0);

    // The surplus is the later offers: the cap holds back what comes after it is reached.
    let db = store.db();
    let chat = db
        .chat_with(me, Counterpart::Business(shop.business.id))
        .unwrap()
        .unwrap();
    let last_delivered = db
        .last_messages(chat.id, 100)
        .unwrap()
        .iter()
        .filter_map(|m| m.delivered_at)
        .max()
        .unwrap();
    let held: Vec<_> = db
        .held(me)
        .unwrap()
        .into_iter()
        .filter(|h| h.business == shop.business.id)
        .collect();
    assert!(held.iter().all(|h| h.message.sent_at > last_delivered));
}

fn is_utility_or_code(category: Category) -> bool {
    matches!(category, Category::Utility | Category::Authentication)
}

#[test]
fn utility_and_codes_reach_the_user_unless_their_template_failed_review() {
    let assets = assets();
    let (_dir, store, s) = week();
    let db = store.db();
    let me = me(&store);
    let (mut utility_delivered, mut codes_delivered) = (0, 0);

    for def in &assets.world.def.businesses {
        let b = s.business(&def.name).unwrap();
        // What the script sends the user, by the category its template was approved in.
        let (mut deliverable, mut failed_review) = (0u32, 0u32);
        for e in events_from(&assets, &def.key)
            .into_iter()
            .filter(|e| to_me(e))
        {
            let Some(name) = &e.template else { continue };
            let t = template(&s, &def.name, name);
            if is_utility_or_code(t.category) {
                match t.status {
                    TemplateStatus::Rejected => failed_review += 1,
                    _ => deliverable += 1,
                }
            }
        }

        // Each rejection is a failed review, or enforcement against a business with strikes;
        // never a cap.
        let mut rejected_at_review = 0;
        for r in db.rejected(me, b.business.id, 1000).unwrap() {
            if !is_utility_or_code(r.category) {
                continue;
            }
            let t = db
                .template(r.template.expect("utility and codes use templates"))
                .unwrap();
            if t.status == TemplateStatus::Rejected {
                assert_eq!(r.decision.reason, Reason::TemplateNotApproved, "{r:?}");
                rejected_at_review += 1;
            } else {
                let first_strike = b.strikes.first().map(|s| s.at);
                assert!(
                    first_strike.is_some_and(|at| at <= r.at)
                        && matches!(
                            r.decision.reason,
                            Reason::BusinessSuspended
                                | Reason::TemplatePaused
                                | Reason::TemplateDisabled
                        ),
                    "{}: {r:?}",
                    def.name
                );
            }
        }
        assert_eq!(rejected_at_review, failed_review, "{}", def.name);

        let delivered = b.to_me.reason(Outcome::Deliver, Reason::UtilityUpdate)
            + b.to_me.reason(Outcome::Deliver, Reason::AuthenticationCode);
        if b.strikes.is_empty() {
            assert_eq!(
                delivered, deliverable,
                "{}: every utility and code delivered",
                def.name
            );
        } else {
            assert!(delivered > 0 && delivered <= deliverable, "{}", def.name);
        }
        utility_delivered += b.to_me.reason(Outcome::Deliver, Reason::UtilityUpdate);
        codes_delivered += b.to_me.reason(Outcome::Deliver, Reason::AuthenticationCode);
    }
    assert!(utility_delivered > 0 && codes_delivered > 0);
    for h in db.held(me).unwrap() {
        assert_eq!(h.message.category, Some(Category::Marketing), "held: {h:?}");
    }
}

#[test]
fn rejected_templates_carry_the_rule_that_rejected_them() {
    let assets = assets();
    let (_dir, store, s) = week();
    for (key, name, rule) in [
        ("quickcash", "guaranteed", ReviewRule::ForbiddenContent),
        ("bancoclaro", "otp_link", ReviewRule::AuthenticationContent),
        ("luzverde", "winter_tips", ReviewRule::PromotionalForbidden),
    ] {
        let t = template(&s, &name_of(&assets, key), name);
        assert_eq!(
            (t.status, t.review),
            (TemplateStatus::Rejected, rule),
            "{name}"
        );
        assert!(!t.review_note.is_empty(), "{name} says why");
        // The script still tries it; nobody receives it.
        let m = store.db().metrics(MetricScope::Template(t.id)).unwrap();
        assert!(m.sent > 0, "{name} is used by the script");
        assert_eq!((m.delivered, m.held), (0, 0), "{name}");
        assert_eq!(m.rejected.get(&Reason::TemplateNotApproved), Some(&m.sent));
    }
    let notice = template(&s, &name_of(&assets, "quickcash"), "account_notice");
    assert_eq!(notice.review, ReviewRule::PromotionalRecategorised);
    assert_ne!(notice.status, TemplateStatus::Rejected);
    assert_eq!(
        (notice.requested_category, notice.category),
        (Category::Utility, Category::Marketing)
    );
}

#[test]
fn the_supermarkets_offers_wait_in_held_because_the_user_never_subscribed() {
    let assets = assets();
    let (_dir, store, s) = week();
    let name = name_of(&assets, "freshmart");
    let shop = s.business(&name).unwrap();
    let offers = events_from(&assets, "freshmart")
        .into_iter()
        .filter(|e| to_me(e))
        .count() as u32;
    assert!(offers > 0);
    assert_eq!(
        shop.to_me.reason(Outcome::Hold, Reason::NotSubscribed),
        offers
    );
    assert_eq!(shop.to_me.count(Outcome::Hold), offers);
    assert_eq!(shop.to_me.count(Outcome::Deliver), 0);
    assert_eq!(shop.to_me.count(Outcome::Reject), 0);
    let relation = store.db().relation(me(&store), shop.business.id).unwrap();
    assert!(!relation.subscribed);
}

#[test]
fn the_bus_companys_winter_broadcast_is_refused_for_its_budget() {
    let assets = assets();
    let (_dir, mut store, s) = week();
    let def = &assets.world.def.businesses[index_of(&assets, "rutas")];
    let rutas = s.business(&def.name).unwrap();
    let winter = events_from(&assets, "rutas")
        .into_iter()
        .find(|e| e.broadcast)
        .expect("the script has the bus company broadcast");
    let template = template(&s, &def.name, winter.template.as_deref().unwrap()).clone();
    assert_eq!(
        template.status,
        TemplateStatus::Approved,
        "the template is not the problem"
    );

    assert_eq!(
        rutas.business.budget, def.budget,
        "nothing reserved, nothing charged"
    );
    let db = store.db();
    let kept = db.broadcasts(rutas.business.id).unwrap();
    assert_eq!(kept.len(), 1, "the refusal is kept: {kept:?}");
    let short = kept[0].refused.expect("kept as refused");
    assert_eq!((kept[0].reserved, kept[0].charged), (0, 0));
    assert_eq!(short.available, def.budget);
    assert!(short.needed > short.available, "{short:?}");
    assert_eq!(rutas.refused, kept);
    let text = s.to_string();
    let line = format!(
        "needed {} for {} eligible people, the budget held {}",
        credits(short.needed),
        kept[0].audience,
        credits(short.available)
    );
    assert!(text.contains(&line), "{text}");
    assert_eq!(
        db.metrics(MetricScope::Template(template.id)).unwrap().sent,
        0
    );
    assert_eq!(
        rutas
            .to_all
            .reason(Outcome::Deliver, Reason::SubscribedOffer),
        0
    );

    // Quoted for its subscribers, the broadcast needs more than the budget holds.
    let req = BroadcastRequest {
        business: rutas.business.id,
        template: template.id,
        params: winter.params.clone(),
        audience: None,
    };
    let err = store
        .dry_run(|tx| tx.quote_broadcast(&req, &assets.pricing, winter.at))
        .unwrap_err();
    let StoreError::Budget(refusal) = err else {
        panic!("expected insufficient budget, got {err:?}")
    };
    assert_eq!(refusal.available, def.budget);
    assert_eq!(refusal.eligible, def.audience_subscribed);
    assert_eq!(
        refusal.needed,
        i64::from(def.audience_subscribed) * assets.pricing.price(Category::Marketing)
    );
    assert!(refusal.needed > refusal.available);
}

// --- determinism -----------------------------------------------------------------------------

#[test]
fn two_fresh_worlds_tell_the_same_week() {
    let (_a, _sa, first) = week();
    let (_b, _sb, second) = week();
    assert_eq!(first.now, first.start + Span::days(7));
    assert_eq!(first, second);
}

#[test]
fn a_week_in_one_step_equals_seven_days_one_by_one() {
    let (_a, _sa, whole) = week();
    let (_b, _sb, daily) = world_after(&[Span::days(1); 7]);
    assert_eq!(whole, daily);
}

// --- the world in Spanish ----------------------------------------------------------------------

/// What a week does to each business, leaving out the words: outcomes and reasons, templates'
/// review results, strikes, restrictions and refused broadcasts.
fn story(summary: &Summary) -> Vec<String> {
    summary
        .businesses
        .iter()
        .map(|b| {
            let templates: Vec<_> = b
                .templates
                .iter()
                .map(|(t, _)| (t.name.clone(), t.status, t.category, t.review))
                .collect();
            let strikes: Vec<_> = b.strikes.iter().map(|s| (s.at, s.cause)).collect();
            let restrictions: Vec<_> = b.restrictions.iter().map(|r| (r.kind, r.start)).collect();
            format!(
                "{} {:?} {:?} {templates:?} {strikes:?} {restrictions:?} {} {:?}",
                b.business.name,
                b.to_me,
                b.to_all,
                b.refused.len(),
                b.business.quality
            )
        })
        .collect()
}

/// A week of the built-in world as Parley picks it when it speaks `language`.
fn week_in(language: &str) -> (TempDir, Store, Summary) {
    let catalogue = parley::i18n::Catalogues::embedded().get(language).unwrap();
    parley::i18n::scoped(catalogue, || {
        let assets = Assets::built_in();
        let (dir, mut store) = open_world();
        advance_by(&mut store, &assets, Span::days(7));
        let summary = world::summary(&store, &assets).unwrap();
        (dir, store, summary)
    })
}

#[test]
fn the_spanish_world_tells_the_same_week_in_spanish() {
    let (_e, _se, english) = week_in("en");
    let (_s, spanish_store, spanish) = week_in("es");
    assert_eq!(story(&spanish), story(&english));
    let me = me(&spanish_store);
    let bodies: Vec<String> = spanish_store
        .db()
        .chats(me, ChatFilter::All, ChatOrder::Recent, 0, 100)
        .unwrap()
        .iter()
        .flat_map(|c| spanish_store.db().last_messages(c.id, 100).unwrap())
        .map(|m| m.body)
        .collect();
    assert!(
        bodies
            .iter()
            .any(|b| b.contains("es tu código de Banco Claro")),
        "the bank's code reads in Spanish: {bodies:?}"
    );
    assert!(
        !bodies
            .iter()
            .any(|b| b.contains("is your Banco Claro code")),
        "no English message is left in the Spanish world"
    );
}
