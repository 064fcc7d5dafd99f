//! The server's answers as the console's data: templates, dry runs, the rules, and scopes
//! named the way the server's routes name them.

use super::super::source::{Audience, BroadcastTally, DryRun};
use crate::model::*;
use crate::policy::PolicyConfig;
use crate::policy::config::TemplateConfig;
use crate::protocol::{BroadcastReport, BusinessRules, WireTemplate};

/// A template as the console keeps it.
pub fn template(w: WireTemplate, business: BusinessId) -> Template {
    Template {
        id: w.id,
        business,
        name: w.name,
        requested_category: w.requested_category,
        category: w.category,
        body: w.body,
        status: w.status,
        review: w.review_rule,
        review_note: w.review_note,
        allow_recategorise: w.allow_recategorise,
        submitted_at: w.submitted_at,
        approved_at: w.approved_at,
        paused_until: w.paused_until,
        pause_count: w.pause_count,
        quality: w.quality,
        quality_since: w.quality_since,
    }
}

/// The server's rules as a policy: what standing is judged by; the rest keeps its defaults,
/// which the console does not read.
pub fn policy(rules: BusinessRules) -> PolicyConfig {
    PolicyConfig {
        quality: rules.quality,
        tiers: rules.tiers,
        enforcement: rules.enforcement,
        templates: TemplateConfig {
            pause_hours: rules.pause_hours,
            ..TemplateConfig::default()
        },
        ..PolicyConfig::default()
    }
}

/// A dry run as the server priced and decided it.
pub fn dry_run(report: BroadcastReport) -> DryRun {
    let sent = report.delivered
        + report.held.values().sum::<u32>()
        + report.rejected.values().sum::<u32>();
    DryRun {
        quote: report.quote,
        tally: BroadcastTally {
            sent,
            delivered: report.delivered,
            held: report.held,
            rejected: report.rejected,
            charged: report.settlement.charged,
        },
        settlement: report.settlement,
    }
}

/// The names a broadcast goes to (`None`: every subscriber).
pub fn audience(audience: &Audience) -> Option<Vec<String>> {
    match audience {
        Audience::Subscribers => None,
        Audience::Named(names) => Some(names.iter().map(|n| n.trim().to_string()).collect()),
    }
}

/// Where the status bar says the console's data comes from: the server's host and port.
pub fn server_label(server: &str) -> String {
    let host = server
        .split("://")
        .nth(1)
        .unwrap_or(server)
        .trim_end_matches('/');
    text::clean_line(host, 48)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_status_bar_names_the_host_cleanly() {
        assert_eq!(server_label("http://127.0.0.1:8787/"), "127.0.0.1:8787");
        assert_eq!(
            server_label("https://chat.example\u{1b}[2J"),
            "chat.example"
        );
    }
}
