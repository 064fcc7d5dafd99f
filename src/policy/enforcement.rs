//! Template pauses, business quality and tiers, strikes and the restriction ladder. One pure
//! evaluation of a business at `now` returns the changes to apply; the store applies them.

use super::quality::{QualitySignals, rate};
use super::{PolicyConfig, Standing};
use crate::model::{
    Business, Quality, Restriction, RestrictionCause, RestrictionKind, Span, Strike, StrikeCause,
    StrikeFacts, Template, TemplateId, TemplateStatus, TierReason, Timestamp, UserId,
};

/// Everything the evaluation of one business needs.
#[derive(Debug, Clone)]
pub struct EnforcementInput<'a> {
    pub business: &'a Business,
    /// The business's signals over the quality window.
    pub signals: QualitySignals,
    /// Each live template with its signals since its quality window began.
    pub templates: Vec<(&'a Template, QualitySignals)>,
    /// The business's strikes (older ones are ignored).
    pub strikes: &'a [Strike],
    /// Reports of the business in the reporters window: when, and by whom.
    pub reports: &'a [(Timestamp, UserId)],
    /// Deliveries of business-initiated messages over the tier review window: when, to whom.
    pub deliveries: &'a [(Timestamp, UserId)],
    /// Whether the business's tier is lowered as a restriction now (it may not climb meanwhile).
    pub tier_lowered: bool,
    /// Whether the business is already disabled (strikes still count, the step is not repeated).
    pub disabled: bool,
    /// Whether all business-initiated sending is suspended now.
    pub sending_suspended: bool,
}

/// One change the evaluation asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Quality {
        from: Quality,
        to: Quality,
    },
    LowSince(Option<Timestamp>),
    TemplateQuality {
        template: TemplateId,
        quality: Quality,
    },
    TemplatePaused {
        template: TemplateId,
        until: Timestamp,
        pause_number: u32,
    },
    TemplateDisabled {
        template: TemplateId,
    },
    TemplateResumed {
        template: TemplateId,
    },
    Strike(Strike),
    Restriction(Restriction),
    Tier {
        from: usize,
        to: usize,
        reason: TierReason,
    },
}

/// Evaluates one business at `now`.
pub fn evaluate(input: &EnforcementInput, config: &PolicyConfig, now: Timestamp) -> Vec<Change> {
    let mut changes = Vec::new();
    for (template, signals) in &input.templates {
        template_changes(input.business, template, signals, config, now, &mut changes);
    }
    business_changes(input, config, now, &mut changes);
    if let Some(strike) = reports_strike(input, config, now) {
        changes.push(Change::Strike(strike));
    }
    add_restrictions(input, config, now, &mut changes);
    changes
}

fn template_changes(
    business: &Business,
    template: &Template,
    signals: &QualitySignals,
    config: &PolicyConfig,
    now: Timestamp,
    changes: &mut Vec<Change>,
) {
    let id = template.id;
    if template.status == TemplateStatus::Paused
        && template.status_at(now) == TemplateStatus::Approved
    {
        changes.push(Change::TemplateResumed { template: id });
        return;
    }
    if template.status != TemplateStatus::Approved {
        return;
    }
    let quality = rate(signals, template.quality, &config.quality);
    if quality != template.quality {
        changes.push(Change::TemplateQuality {
            template: id,
            quality,
        });
    }
    if quality != Quality::Low {
        return;
    }
    let strike = |cause, facts: StrikeFacts| {
        Change::Strike(Strike {
            business: business.id,
            at: now,
            cause,
            detail: String::new(),
            facts: Some(Box::new(facts)),
        })
    };
    match config
        .templates
        .pause_hours
        .get(template.pause_count as usize)
    {
        Some(hours) => {
            let until = now + Span::hours(*hours);
            changes.push(Change::TemplatePaused {
                template: id,
                until,
                pause_number: template.pause_count + 1,
            });
            let facts = StrikeFacts {
                template: Some(template.name.clone()),
                hours: Some(*hours),
                ..StrikeFacts::default()
            };
            changes.push(strike(StrikeCause::TemplatePaused, facts));
        }
        None => {
            changes.push(Change::TemplateDisabled { template: id });
            let facts = StrikeFacts {
                template: Some(template.name.clone()),
                ..StrikeFacts::default()
            };
            changes.push(strike(StrikeCause::TemplateDisabled, facts));
        }
    }
}

fn business_changes(
    input: &EnforcementInput,
    config: &PolicyConfig,
    now: Timestamp,
    changes: &mut Vec<Change>,
) {
    let business = input.business;
    let quality = rate(&input.signals, business.quality, &config.quality);
    if quality != business.quality {
        changes.push(Change::Quality {
            from: business.quality,
            to: quality,
        });
    }
    // A rating on too few people has no consequence: no day at Low is counted.
    let judged = input.signals.enough_data(&config.quality);
    let low_since = match (judged, quality, business.low_since) {
        (true, Quality::Low, Some(since)) => Some(since),
        (true, Quality::Low, None) => Some(now),
        _ => None,
    };
    if low_since != business.low_since {
        changes.push(Change::LowSince(low_since));
    }
    if let Some(since) = low_since {
        low_quality_strike(input, since, config, now, changes);
    }
    if !judged {
        return;
    }
    if let Some(change) = tier_move(input, quality, low_since, config, now) {
        changes.push(change);
    }
}

/// One strike for a spell at Low once it has lasted `low_quality_strike_days`, unless the
/// business cannot send on its own initiative anyway (sending suspended or disabled).
fn low_quality_strike(
    input: &EnforcementInput,
    since: Timestamp,
    config: &PolicyConfig,
    now: Timestamp,
    changes: &mut Vec<Change>,
) {
    if input.disabled || input.sending_suspended {
        return;
    }
    let lasted = now - since >= Span::days(config.enforcement.low_quality_strike_days);
    let given = input
        .strikes
        .iter()
        .any(|s| s.cause == StrikeCause::LowQuality && s.at >= since);
    if lasted && !given {
        changes.push(Change::Strike(Strike {
            business: input.business.id,
            at: now,
            cause: StrikeCause::LowQuality,
            detail: String::new(),
            facts: Some(Box::new(StrikeFacts {
                days: Some((now - since).0 / 86_400),
                ..StrikeFacts::default()
            })),
        }));
    }
}

/// One tier step, or none. Down after `down_after_low_days` at Low since the spell began or the
/// last tier change, whichever is later. Up when, since the last change and within the review
/// window, some rolling tier window reached `up_fraction` of the tier, quality is not Low, the
/// tier is not lowered as a restriction, and the last change is at least a tier window old.
fn tier_move(
    input: &EnforcementInput,
    quality: Quality,
    low_since: Option<Timestamp>,
    config: &PolicyConfig,
    now: Timestamp,
) -> Option<Change> {
    let tiers = &config.tiers;
    let business = input.business;
    let from = business.tier;
    if let Some(since) = low_since {
        let counted_from = since.max(business.tier_since);
        if now - counted_from >= Span::days(tiers.down_after_low_days) {
            return (from > 0).then(|| Change::Tier {
                from,
                to: from - 1,
                reason: TierReason::LowSince(since),
            });
        }
    }
    let window = Span::hours(tiers.window_hours);
    if quality == Quality::Low || input.tier_lowered || now - business.tier_since < window {
        return None;
    }
    let limit = tiers.limit(from)?;
    let counted_from = business.tier_since.max(now - Span::days(tiers.review_days));
    let peak = peak_reach(input.deliveries, counted_from, now, window);
    (f64::from(peak) >= tiers.up_fraction * f64::from(limit)).then(|| Change::Tier {
        from,
        to: from + 1,
        reason: TierReason::Reached {
            people: peak,
            hours: tiers.window_hours,
            quality,
        },
    })
}

/// The most unique users reached within one rolling `window` (`(end - window, end]`), over the
/// deliveries in `(from, now]`.
pub fn peak_reach(
    deliveries: &[(Timestamp, UserId)],
    from: Timestamp,
    now: Timestamp,
    window: Span,
) -> u32 {
    let mut counted: Vec<(Timestamp, UserId)> = deliveries
        .iter()
        .copied()
        .filter(|(at, _)| *at > from && *at <= now)
        .collect();
    counted.sort_unstable();
    let mut in_window: std::collections::HashMap<UserId, u32> = Default::default();
    let (mut start, mut peak) = (0, 0);
    for &(at, user) in &counted {
        *in_window.entry(user).or_default() += 1;
        while counted[start].0 <= at - window {
            let left = counted[start].1;
            if let Some(n) = in_window.get_mut(&left) {
                *n -= 1;
                if *n == 0 {
                    in_window.remove(&left);
                }
            }
            start += 1;
        }
        peak = peak.max(in_window.len() as u32);
    }
    peak
}

/// A strike when enough distinct users reported the business since the last such strike.
fn reports_strike(
    input: &EnforcementInput,
    config: &PolicyConfig,
    now: Timestamp,
) -> Option<Strike> {
    let e = &config.enforcement;
    let window_start = now - Span::days(e.reporters_window_days);
    let last = input
        .strikes
        .iter()
        .filter(|s| s.cause == StrikeCause::Reports)
        .map(|s| s.at)
        .max();
    let since = last.map_or(window_start, |l| l.max(window_start));
    let mut reporters: Vec<UserId> = input
        .reports
        .iter()
        .filter(|(at, _)| *at > since && *at <= now)
        .map(|(_, user)| *user)
        .collect();
    reporters.sort_unstable();
    reporters.dedup();
    (reporters.len() as u32 >= e.reporters_for_strike).then(|| Strike {
        business: input.business.id,
        at: now,
        cause: StrikeCause::Reports,
        detail: String::new(),
        facts: Some(Box::new(StrikeFacts {
            people: Some(reporters.len() as u32),
            days: Some(e.reporters_window_days),
            ..StrikeFacts::default()
        })),
    })
}

/// One restriction per new strike: the step of the ladder its count reaches.
fn add_restrictions(
    input: &EnforcementInput,
    config: &PolicyConfig,
    now: Timestamp,
    changes: &mut Vec<Change>,
) {
    let window_start = now - Span::days(config.enforcement.strike_window_days);
    let mut count = input.strikes.iter().filter(|s| s.at > window_start).count();
    let new_strikes: Vec<Strike> = changes
        .iter()
        .filter_map(|c| match c {
            Change::Strike(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    for strike in new_strikes {
        count += 1;
        let kind = RestrictionKind::for_strikes(count);
        if kind == Some(RestrictionKind::Disabled) && input.disabled {
            continue;
        }
        if let Some(kind) = kind {
            changes.push(Change::Restriction(restriction(
                input.business,
                kind,
                count,
                &strike,
                config,
                now,
            )));
        }
    }
}

fn restriction(
    business: &Business,
    kind: RestrictionKind,
    count: usize,
    strike: &Strike,
    config: &PolicyConfig,
    now: Timestamp,
) -> Restriction {
    let e = &config.enforcement;
    let end = match kind {
        // A warning restricts nothing and stays in view as long as its strike counts.
        RestrictionKind::Warning => Some(now + Span::days(e.strike_window_days)),
        RestrictionKind::TierLowered => Some(now + Span::days(e.tier_lowered_days)),
        RestrictionKind::MarketingSuspended => Some(now + Span::days(e.marketing_suspended_days)),
        RestrictionKind::SendingSuspended => Some(now + Span::days(e.sending_suspended_days)),
        RestrictionKind::Disabled => None,
    };
    Restriction {
        business: business.id,
        kind,
        reason: String::new(),
        start: now,
        end,
        strike: Some(Box::new(RestrictionCause {
            count: count as u32,
            window_days: e.strike_window_days,
            cause: strike.cause,
            strike: strike.facts.as_deref().cloned().unwrap_or_default(),
        })),
    }
}

/// The restrictions in force at `now`, as the decision needs them.
pub fn standing(
    business: &Business,
    restrictions: &[Restriction],
    config: &PolicyConfig,
    now: Timestamp,
) -> Standing {
    let active = |kind: RestrictionKind| {
        restrictions
            .iter()
            .filter(move |r| r.business == business.id && r.kind == kind && r.active_at(now))
    };
    let latest_end = |kind| active(kind).filter_map(|r| r.end).max();
    let lowered = active(RestrictionKind::TierLowered).next().is_some();
    Standing {
        disabled: active(RestrictionKind::Disabled).next().is_some(),
        sending_suspended_until: latest_end(RestrictionKind::SendingSuspended),
        marketing_suspended_until: latest_end(RestrictionKind::MarketingSuspended),
        tier_limit: config.tiers.effective_limit(business.tier, lowered),
    }
}
