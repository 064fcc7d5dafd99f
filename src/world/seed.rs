//! Creating the demo world in an empty store: the user, the audience, friends and their
//! earlier conversations, businesses with reviewed templates, subscriptions.

use super::def::{Acquaintance, parse_at};
use super::{Assets, WorldError};
use crate::model::*;
use crate::store::{NewBusiness, NewTemplate, Store, Tx};

const FIRST_NAMES: [&str; 20] = [
    "Ana", "Bruno", "Carla", "Diego", "Elena", "Fran", "Gloria", "Hugo", "Irene", "Jorge", "Karim",
    "Laura", "Mario", "Nuria", "Óscar", "Paula", "Raúl", "Sara", "Tomás", "Vera",
];
const INITIALS: [&str; 5] = ["G.", "M.", "R.", "S.", "T."];

/// Whether the store already holds the demo world.
pub fn is_seeded(store: &Store) -> Result<bool, WorldError> {
    Ok(store.db().meta("world")?.is_some())
}

/// Writes the demo world into an empty store, in one transaction (the script not yet run).
pub fn write_world(store: &mut Store, assets: &Assets) -> Result<(), WorldError> {
    store.write(|tx| seed_in(tx, assets))?;
    Ok(())
}

fn seed_in(tx: &Tx, assets: &Assets) -> crate::store::Result<()> {
    let world = &assets.world;
    let start = world.start;
    let prefs = UserPrefs {
        time_zone: Some(world.def.world.time_zone.clone()),
        ..assets.policy.new_user_prefs()
    };
    let me = tx.add_user(&world.def.world.me, &prefs)?;
    tx.set_meta("me", &me.0.to_string())?;
    let audience: Vec<UserId> = (0..world.def.world.audience as usize)
        .map(|i| tx.add_user(&audience_name(i), &prefs))
        .collect::<Result<_, _>>()?;
    for friend in &world.def.friends {
        let contact = tx.add_contact(me, &friend.name)?;
        for line in &friend.history {
            let at = parse_at(start, line.at.get_ref()).unwrap_or(start);
            if line.from.get_ref() == "me" {
                tx.reply(me, Counterpart::Contact(contact), &line.text, at)?;
            } else {
                tx.receive_personal(me, contact, &line.text, at)?;
            }
        }
    }
    for b in &world.def.businesses {
        seed_business(tx, assets, b, me, &audience)?;
    }
    tx.set_clock(start)?;
    tx.set_meta("world_tick", &start.0.to_string())?;
    tx.set_meta("script_done", "0")?;
    tx.set_meta("world", "demo")
}

fn seed_business(
    tx: &Tx,
    assets: &Assets,
    b: &super::def::BusinessDef,
    me: UserId,
    audience: &[UserId],
) -> crate::store::Result<()> {
    let joined = assets.world.start - Span::days(30);
    let new = NewBusiness {
        name: &b.name,
        verified: b.verified,
        kind: b.kind,
        budget: b.budget,
    };
    let id = tx.add_business(&new, joined)?;
    let submitted = assets.world.start - Span::days(7);
    for t in &b.templates {
        let template = NewTemplate {
            business: id,
            name: &t.name,
            category: t.category,
            body: &t.body,
            allow_recategorise: t.allow_recategorise,
        };
        tx.submit_template(&template, &assets.policy, submitted)?;
    }
    if b.me != Acquaintance::Stranger {
        let subscribed = b.me == Acquaintance::Subscribed;
        tx.update_relation(me, id, |r| {
            r.known = true;
            r.subscribed = subscribed;
        })?;
    }
    for user in audience.iter().take(b.audience_subscribed as usize) {
        tx.update_relation(*user, id, |r| {
            r.known = true;
            r.subscribed = true;
        })?;
    }
    Ok(())
}

/// "Ana G.", "Bruno G."... a name for each simulated person.
fn audience_name(i: usize) -> String {
    let first = FIRST_NAMES[i % FIRST_NAMES.len()];
    let initial = INITIALS[(i / FIRST_NAMES.len()) % INITIALS.len()];
    format!("{first} {initial}")
}
