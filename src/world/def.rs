//! The demo world as written in `assets/world.toml`, checked on load so that a mistake names
//! its file, line and field.

use crate::config_file::{ConfigError, line_column, parse_toml};
use crate::model::{BusinessKind, Category, Span, Timestamp, Zone};
use serde::Deserialize;
use toml::Spanned;

/// The whole world file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorldDef {
    pub world: WorldHeader,
    #[serde(default)]
    pub friends: Vec<FriendDef>,
    #[serde(default)]
    pub businesses: Vec<BusinessDef>,
    #[serde(default)]
    pub script: Vec<ScriptEntry>,
}

/// Start date, the user's name and the size of the simulated audience.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorldHeader {
    pub start: Spanned<String>,
    pub me: String,
    #[serde(default)]
    pub audience: u32,
    /// The IANA time zone of the user and the audience; the demo is set in Spain.
    #[serde(default = "spain")]
    pub time_zone: Zone,
}

fn spain() -> Zone {
    Zone::named("Europe/Madrid").unwrap_or_default()
}

/// A friend and the conversation from before the clock starts.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FriendDef {
    pub name: String,
    #[serde(default)]
    pub history: Vec<HistoryLine>,
}

/// One message of a friend's earlier conversation.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryLine {
    pub at: Spanned<String>,
    pub from: Spanned<String>,
    pub text: String,
}

/// How the user knows a business when the world starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Acquaintance {
    Known,
    Subscribed,
    Stranger,
}

/// What the simulated audience does with a business's deliveries.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Reactions {
    pub read_every: u32,
    pub interested_every: u32,
    pub not_interested_every: u32,
    pub block_every: u32,
    pub report_every: u32,
}

/// A business of the demo world.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BusinessDef {
    pub key: String,
    pub name: String,
    pub kind: BusinessKind,
    #[serde(default)]
    pub verified: bool,
    #[serde(default)]
    pub budget: i64,
    pub me: Acquaintance,
    #[serde(default)]
    pub audience_subscribed: u32,
    #[serde(default)]
    pub reactions: Reactions,
    #[serde(default)]
    pub templates: Vec<TemplateDef>,
}

/// A template a business submits when the world starts.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateDef {
    pub name: String,
    pub category: Category,
    pub body: String,
    #[serde(default = "yes")]
    pub allow_recategorise: bool,
}

fn yes() -> bool {
    true
}

/// Something that happens at a moment of the simulation.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScriptEntry {
    pub at: Spanned<String>,
    pub from: Spanned<String>,
    pub template: Option<Spanned<String>>,
    #[serde(default)]
    pub params: Vec<String>,
    pub text: Option<String>,
    pub to: Option<Spanned<String>>,
    #[serde(default)]
    pub broadcast: bool,
}

/// Where a script entry's message goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Me,
    Audience,
    Everyone,
    Friend(usize),
    Business(usize),
}

/// Who a script entry's message comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Me,
    Friend(usize),
    Business(usize),
}

/// A script entry, resolved and checked.
#[derive(Debug, Clone)]
pub struct Event {
    pub at: Timestamp,
    pub from: Source,
    pub template: Option<String>,
    pub params: Vec<String>,
    pub text: Option<String>,
    pub to: Target,
    pub broadcast: bool,
}

/// A checked world: the definition, its start and its events in time order.
#[derive(Debug, Clone)]
pub struct World {
    pub def: WorldDef,
    pub start: Timestamp,
    pub events: Vec<Event>,
}

/// Parses a "dN HH:MM" time relative to the world's start day.
pub fn parse_at(start: Timestamp, text: &str) -> Option<Timestamp> {
    let (day, clock) = text.trim().strip_prefix('d')?.split_once(' ')?;
    let day: i64 = day.parse().ok()?;
    let (h, m) = clock.split_once(':')?;
    let (h, m): (i64, i64) = (h.parse().ok()?, m.parse().ok()?);
    if !(0..24).contains(&h) || !(0..60).contains(&m) {
        return None;
    }
    let midnight = Timestamp(start.0 - start.0.rem_euclid(86_400));
    Some(midnight + Span::days(day) + Span::hours(h) + Span::minutes(m))
}

impl World {
    /// Parses and checks a world file.
    pub fn from_toml(file: &str, text: &str) -> Result<World, ConfigError> {
        let def: WorldDef = parse_toml(file, text)?;
        let check = Checker {
            file,
            text,
            def: &def,
        };
        let start = Timestamp::parse(def.world.start.get_ref()).ok_or_else(|| {
            check.error(
                &def.world.start,
                "world.start",
                "expected a date like \"2026-11-23 08:00\"",
            )
        })?;
        check.unique_names()?;
        check.templates()?;
        let mut events = Vec::with_capacity(def.script.len());
        for entry in &def.script {
            events.push(check.event(start, entry)?);
        }
        for friend in &def.friends {
            for line in &friend.history {
                check.time(start, &line.at, "friends.history.at")?;
                check.history_from(friend, &line.from)?;
            }
        }
        events.sort_by_key(|e| e.at);
        Ok(World { def, start, events })
    }

    /// The index of the business with this key.
    pub fn business_index(&self, key: &str) -> Option<usize> {
        self.def.businesses.iter().position(|b| b.key == key)
    }
}

struct Checker<'a> {
    file: &'a str,
    text: &'a str,
    def: &'a WorldDef,
}

impl Checker<'_> {
    fn error<T>(&self, at: &Spanned<T>, field: &str, message: impl Into<String>) -> ConfigError {
        ConfigError {
            file: self.file.to_string(),
            location: Some(line_column(self.text, at.span().start)),
            field: Some(field.to_string()),
            message: message.into(),
        }
    }

    fn whole(&self, message: String) -> ConfigError {
        ConfigError::whole(self.file, message)
    }

    fn unique_names(&self) -> Result<(), ConfigError> {
        let mut keys: Vec<&str> = self.def.businesses.iter().map(|b| b.key.as_str()).collect();
        keys.extend(self.def.friends.iter().map(|f| f.name.as_str()));
        keys.sort_unstable();
        if let Some(w) = keys.windows(2).find(|w| w[0] == w[1]) {
            return Err(self.whole(format!(
                "the name `{}` is used twice among businesses and friends",
                w[0]
            )));
        }
        if keys.contains(&"me") {
            return Err(
                self.whole("`me` is reserved for the user; rename that business or friend".into())
            );
        }
        Ok(())
    }

    fn templates(&self) -> Result<(), ConfigError> {
        for b in &self.def.businesses {
            if b.audience_subscribed > self.def.world.audience {
                return Err(self.whole(format!(
                    "business `{}` has audience_subscribed = {} but the world has only {} audience people",
                    b.key, b.audience_subscribed, self.def.world.audience
                )));
            }
            let mut names: Vec<&str> = b.templates.iter().map(|t| t.name.as_str()).collect();
            names.sort_unstable();
            if let Some(w) = names.windows(2).find(|w| w[0] == w[1]) {
                return Err(self.whole(format!(
                    "business `{}` has two templates named `{}`",
                    b.key, w[0]
                )));
            }
        }
        Ok(())
    }

    fn time(
        &self,
        start: Timestamp,
        at: &Spanned<String>,
        field: &str,
    ) -> Result<Timestamp, ConfigError> {
        parse_at(start, at.get_ref()).ok_or_else(|| {
            self.error(
                at,
                field,
                format!("`{}` is not a time like \"d2 09:30\"", at.get_ref()),
            )
        })
    }

    fn history_from(&self, friend: &FriendDef, from: &Spanned<String>) -> Result<(), ConfigError> {
        let who = from.get_ref();
        if who == "me" || *who == friend.name {
            Ok(())
        } else {
            Err(self.error(
                from,
                "friends.history.from",
                format!("must be \"me\" or \"{}\", not `{who}`", friend.name),
            ))
        }
    }

    fn source(&self, from: &Spanned<String>) -> Result<Source, ConfigError> {
        let who = from.get_ref().as_str();
        if who == "me" {
            return Ok(Source::Me);
        }
        if let Some(i) = self.def.businesses.iter().position(|b| b.key == who) {
            return Ok(Source::Business(i));
        }
        if let Some(i) = self.def.friends.iter().position(|f| f.name == who) {
            return Ok(Source::Friend(i));
        }
        Err(self.error(
            from,
            "script.from",
            format!("no business key or friend named `{who}`"),
        ))
    }

    fn target(&self, to: &Spanned<String>) -> Result<Target, ConfigError> {
        let who = to.get_ref().as_str();
        Ok(match who {
            "me" => Target::Me,
            "audience" => Target::Audience,
            "everyone" => Target::Everyone,
            _ => match (
                self.def.businesses.iter().position(|b| b.key == who),
                self.def.friends.iter().position(|f| f.name == who),
            ) {
                (Some(b), _) => Target::Business(b),
                (None, Some(f)) => Target::Friend(f),
                _ => {
                    return Err(self.error(
                        to,
                        "script.to",
                        format!("no business key or friend named `{who}`"),
                    ));
                }
            },
        })
    }

    fn event(&self, start: Timestamp, entry: &ScriptEntry) -> Result<Event, ConfigError> {
        let at = self.time(start, &entry.at, "script.at")?;
        let from = self.source(&entry.from)?;
        let to = match &entry.to {
            Some(to) => self.target(to)?,
            None if entry.broadcast => Target::Audience,
            None => return Err(self.error(&entry.from, "script.to", "this entry needs a `to`")),
        };
        let shape_ok = matches!(
            (from, &to),
            (
                Source::Business(_),
                Target::Me | Target::Audience | Target::Everyone
            ) | (Source::Friend(_), Target::Me)
                | (Source::Me, Target::Friend(_) | Target::Business(_))
        );
        if !shape_ok {
            return Err(self.error(&entry.from, "script.to", "a business writes to me/audience/everyone, a friend to me, and I to a friend or business"));
        }
        let template = match (&entry.template, from) {
            (Some(name), Source::Business(b)) => {
                if !self.def.businesses[b]
                    .templates
                    .iter()
                    .any(|t| &t.name == name.get_ref())
                {
                    return Err(self.error(
                        name,
                        "script.template",
                        format!(
                            "business `{}` has no template `{}`",
                            self.def.businesses[b].key,
                            name.get_ref()
                        ),
                    ));
                }
                Some(name.get_ref().clone())
            }
            (Some(name), _) => {
                return Err(self.error(name, "script.template", "only businesses send templates"));
            }
            (None, _) => None,
        };
        if template.is_none() && entry.text.as_deref().is_none_or(|t| t.trim().is_empty()) {
            return Err(self.error(
                &entry.at,
                "script.text",
                "an entry needs a template or some text",
            ));
        }
        if entry.broadcast && template.is_none() {
            return Err(self.error(
                &entry.at,
                "script.broadcast",
                "a broadcast needs a template",
            ));
        }
        Ok(Event {
            at,
            from,
            template,
            params: entry.params.clone(),
            text: entry.text.clone(),
            to,
            broadcast: entry.broadcast,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_world_loads() {
        let w =
            World::from_toml("assets/world.toml", include_str!("../../assets/world.toml")).unwrap();
        assert!(w.def.friends.len() >= 4);
        assert!(w.events.windows(2).all(|p| p[0].at <= p[1].at));
        assert_eq!(w.start, Timestamp::from_civil(2026, 11, 23, 8, 0));
        assert_eq!(w.def.world.time_zone.name(), "Europe/Madrid");
    }

    #[test]
    fn the_time_zone_is_madrid_unless_the_world_names_another_it_knows() {
        let w = World::from_toml("w.toml", HEAD).unwrap();
        assert_eq!(w.def.world.time_zone.name(), "Europe/Madrid");
        let w = World::from_toml("w.toml", &format!("{HEAD}time_zone = \"asia/tokyo\"\n")).unwrap();
        assert_eq!(w.def.world.time_zone.name(), "Asia/Tokyo");
        let e = broken(&format!("{HEAD}time_zone = \"Mars/Olympus\"\n"));
        assert!(e.contains("line 4") && e.contains("world.time_zone"), "{e}");
        assert!(e.contains("'Mars/Olympus' is not a time zone"), "{e}");
    }

    #[test]
    fn relative_times_count_from_the_start_day() {
        let start = Timestamp::from_civil(2026, 11, 23, 8, 0);
        assert_eq!(
            parse_at(start, "d0 09:30"),
            Some(Timestamp::from_civil(2026, 11, 23, 9, 30))
        );
        assert_eq!(
            parse_at(start, "d-1 19:02"),
            Some(Timestamp::from_civil(2026, 11, 22, 19, 2))
        );
        assert_eq!(parse_at(start, "d2 25:00"), None);
        assert_eq!(parse_at(start, "2 09:00"), None);
    }

    fn broken(text: &str) -> String {
        World::from_toml("w.toml", text).unwrap_err().to_string()
    }

    const HEAD: &str = "[world]\nstart = \"2026-11-23 08:00\"\nme = \"A\"\n";

    #[test]
    fn mistakes_name_the_line_and_field() {
        let e = broken(&format!(
            "{HEAD}[[script]]\nat = \"d0 09:00\"\nfrom = \"nobody\"\ntext = \"x\"\nto = \"me\"\n"
        ));
        assert!(e.contains("w.toml, line 6"), "{e}");
        assert!(e.contains("script.from") && e.contains("nobody"), "{e}");
        let e = broken(&format!(
            "{HEAD}[[script]]\nat = \"tomorrow\"\nfrom = \"me\"\ntext = \"x\"\nto = \"me\"\n"
        ));
        assert!(e.contains("line 5") && e.contains("script.at"), "{e}");
        let e = broken("[world]\nstart = \"soon\"\nme = \"A\"\n");
        assert!(e.contains("line 2") && e.contains("world.start"), "{e}");
        let e = broken(&format!(
            "{HEAD}[[businesses]]\nkey = \"x\"\nname = \"X\"\nkind = \"bakery\"\nme = \"known\"\n"
        ));
        assert!(e.contains("line 7") && e.contains("bakery"), "{e}");
    }
}
