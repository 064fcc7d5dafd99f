//! The Settings screen: marketing caps, quiet hours and the time zone they follow, the
//! all-offers switch, and the interface's own settings; every change is saved at once.

use super::super::state::*;
use super::{Action, App, SETTINGS_KEY};
use crate::model::{ChatOrder, QuietHours, UserAction, UserPrefs, Zone};
use crate::store::{Result, StoreError};
use crate::tui::kit::list::step;
use crate::tui::kit::notify::Notifications;

/// The highest cap the settings offer.
const MAX_CAP: u32 = 50;

impl App {
    pub(super) fn settings_action(&mut self, action: Action) -> Result<()> {
        let rows = SettingRow::ALL.len();
        let row = SettingRow::ALL[self.state.settings_row.min(rows - 1)];
        let delta: i32 = match action {
            Action::MoveDown | Action::MoveUp => {
                let by = if action == Action::MoveUp { -1 } else { 1 };
                let before = self.state.settings_row;
                self.state.settings_row = step(before, by, rows);
                if self.state.settings_row == before {
                    self.at_an_end(by, rows, "setting");
                }
                return Ok(());
            }
            Action::Back => {
                self.state.screen = Screen::Inbox;
                return Ok(());
            }
            Action::PageDown | Action::PageUp if row == SettingRow::TimeZone => {
                let forward = action == Action::PageDown;
                return self.change_zone(step_region(&self.state.prefs.zone(), forward));
            }
            Action::PageDown | Action::PageUp => {
                self.info(tr!("inbox-settings-pages-on-zone"));
                return Ok(());
            }
            Action::Decrease => -1,
            Action::Increase | Action::Toggle | Action::Confirm => 1,
            _ => return Ok(()),
        };
        self.change_setting(row, delta)
    }

    /// Gives the user this device's time zone when none is set yet: a new user, or one made
    /// on a server before any device said where it is.
    pub fn adopt_device_zone(&mut self, zone: Zone) {
        if self.state.prefs.time_zone.is_some() {
            return;
        }
        let prefs = UserPrefs {
            time_zone: Some(zone),
            ..self.state.prefs.clone()
        };
        let result = self
            .apply(&UserAction::SetPrefs { prefs })
            .and_then(|()| self.reload());
        if let Err(e) = result {
            self.error(e.to_string());
        }
    }

    fn change_zone(&mut self, zone: Zone) -> Result<()> {
        let prefs = UserPrefs {
            time_zone: Some(zone),
            ..self.state.prefs.clone()
        };
        self.apply(&UserAction::SetPrefs { prefs })
    }

    fn change_setting(&mut self, row: SettingRow, delta: i32) -> Result<()> {
        let mut prefs = self.state.prefs.clone();
        let mut ui = self.state.settings.clone();
        let bump = |v: u32| (v as i32 + delta).clamp(0, MAX_CAP as i32) as u32;
        match row {
            SettingRow::DailyCap => prefs.daily_marketing_cap = bump(prefs.daily_marketing_cap),
            SettingRow::WeeklyCap => prefs.weekly_business_cap = bump(prefs.weekly_business_cap),
            SettingRow::QuietStart | SettingRow::QuietEnd => {
                prefs.quiet_hours =
                    step_quiet(prefs.quiet_hours, row == SettingRow::QuietStart, delta)
            }
            SettingRow::TimeZone => prefs.time_zone = Some(step_zone(&prefs.zone(), delta)),
            SettingRow::AllOffers => prefs.all_offers = !prefs.all_offers,
            SettingRow::Notifications => {
                ui.notifications = cycle(Notifications::ALL, ui.notifications, delta)
            }
            SettingRow::Mouse => ui.mouse = !ui.mouse,
            SettingRow::Copy => ui.copy = !ui.copy,
            SettingRow::Order => {
                ui.order = cycle(ChatOrder::ALL, ui.order, delta);
                self.state.list.pinned.clear();
            }
            SettingRow::Language => {
                let tag = self.next_language(delta);
                self.switch_language(&tag);
                ui.language = Some(tag);
            }
        }
        if prefs == self.state.prefs && ui == self.state.settings {
            self.info(match delta < 0 {
                true => tr!("inbox-settings-lowest"),
                false => tr!("inbox-settings-highest"),
            });
            return Ok(());
        }
        if prefs != self.state.prefs {
            self.apply(&UserAction::SetPrefs { prefs })?;
        }
        if ui != self.state.settings {
            let json =
                serde_json::to_string(&ui).map_err(|e| StoreError::Invalid(e.to_string()))?;
            self.store.write(|tx| tx.set_meta(SETTINGS_KEY, &json))?;
            self.state.settings = ui;
        }
        Ok(())
    }
}

/// The zone `delta` places away from `current` in the tz database's sorted names.
fn step_zone(current: &Zone, delta: i32) -> Zone {
    let names = Zone::all_names();
    let i = names.iter().position(|n| n == current.name()).unwrap_or(0) as i32;
    let next = &names[(i + delta).rem_euclid(names.len() as i32) as usize];
    Zone::named(next).unwrap_or_default()
}

/// The first zone of the next (or previous) region after `current`'s: Africa, America, Asia...
fn step_region(current: &Zone, forward: bool) -> Zone {
    let names = Zone::all_names();
    let region = |name: &str| name.split('/').next().unwrap_or_default().to_string();
    let mut starts: Vec<&String> = Vec::new();
    for name in &names {
        if starts
            .last()
            .is_none_or(|last| region(last) != region(name))
        {
            starts.push(name);
        }
    }
    let here = region(current.name());
    let i = starts.iter().position(|s| region(s) == here).unwrap_or(0) as i32;
    let by = if forward { 1 } else { -1 };
    let next = starts[(i + by).rem_euclid(starts.len() as i32) as usize];
    Zone::named(next).unwrap_or_default()
}

/// Quiet hours move an hour at a time; below 0 on the start they turn off, and from off they
/// start at 22:00-07:00.
fn step_quiet(current: Option<QuietHours>, start: bool, delta: i32) -> Option<QuietHours> {
    let Some(mut q) = current else {
        return (delta > 0).then_some(QuietHours { start: 22, end: 7 });
    };
    let hour = if start { &mut q.start } else { &mut q.end };
    let next = *hour as i32 + delta;
    if start && next < 0 {
        return None;
    }
    *hour = next.rem_euclid(24) as u32;
    Some(q)
}

fn cycle<T: Copy + PartialEq>(all: &[T], current: T, delta: i32) -> T {
    let i = all.iter().position(|v| *v == current).unwrap_or(0) as i32;
    all[(i + delta).rem_euclid(all.len() as i32) as usize]
}
