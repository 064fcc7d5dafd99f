//! Pre-aggregated figures per business, template, broadcast and day, updated in the same
//! transaction as the event they count.

use super::{Db, Result, Tx};
use crate::model::*;
use crate::policy::Metrics;
use rusqlite::params;

/// The SQL condition and id that select a scope's rows.
fn scope_condition(scope: MetricScope) -> (&'static str, i64) {
    match scope {
        MetricScope::Business(b) => ("business_id = ?1", b.0),
        MetricScope::Template(t) => ("template_id = ?1", t.0),
        MetricScope::Broadcast(b) => ("broadcast_id = ?1", b.0),
    }
}

/// Where one event is counted.
#[derive(Debug, Clone, Copy)]
pub(super) struct MetricKey {
    pub business: BusinessId,
    pub template: Option<TemplateId>,
    pub broadcast: Option<BroadcastId>,
    pub at: Timestamp,
}

impl MetricKey {
    /// The place of an event of `business` at `at`, by template and broadcast when it has them.
    pub fn new(
        business: BusinessId,
        template: Option<TemplateId>,
        broadcast: Option<BroadcastId>,
        at: Timestamp,
    ) -> MetricKey {
        MetricKey {
            business,
            template,
            broadcast,
            at,
        }
    }
}

/// A counter of the metric table.
#[derive(Debug, Clone, Copy)]
pub(super) enum Counter {
    Sent,
    Delivered,
    Held,
    Rejected,
    Read,
    Interested,
    NotInterested,
    Blocks,
    Reports,
    Credits,
}

impl Counter {
    fn column(self) -> &'static str {
        match self {
            Counter::Sent => "sent",
            Counter::Delivered => "delivered",
            Counter::Held => "held",
            Counter::Rejected => "rejected",
            Counter::Read => "read",
            Counter::Interested => "interested",
            Counter::NotInterested => "not_interested",
            Counter::Blocks => "blocks",
            Counter::Reports => "reports",
            Counter::Credits => "credits",
        }
    }
}

fn key_params(key: &MetricKey) -> (BusinessId, i64, i64, i64) {
    (
        key.business,
        key.template.map_or(0, |t| t.0),
        key.broadcast.map_or(0, |b| b.0),
        key.at.day_number(),
    )
}

impl Tx<'_> {
    /// Adds `n` to one counter.
    pub(super) fn bump(&self, key: &MetricKey, counter: Counter, n: i64) -> Result<()> {
        self.bump_each(key, &[(counter, n)])
    }

    /// Adds to several counters of one key in one statement; counters moved by 0 are left out.
    pub(super) fn bump_each(&self, key: &MetricKey, moves: &[(Counter, i64)]) -> Result<()> {
        let moves: Vec<(&str, i64)> = moves
            .iter()
            .filter(|(_, n)| *n != 0)
            .map(|(c, n)| (c.column(), *n))
            .collect();
        if moves.is_empty() {
            return Ok(());
        }
        let columns: Vec<&str> = moves.iter().map(|(c, _)| *c).collect();
        let values: Vec<String> = (0..moves.len()).map(|i| format!("?{}", i + 5)).collect();
        let updates: Vec<String> = columns
            .iter()
            .map(|c| format!("{c} = {c} + excluded.{c}"))
            .collect();
        let sql = format!(
            "INSERT INTO metric_days (business_id, template_id, broadcast_id, day, {})
             VALUES (?1, ?2, ?3, ?4, {})
             ON CONFLICT (business_id, template_id, broadcast_id, day) DO UPDATE SET {}",
            columns.join(", "),
            values.join(", "),
            updates.join(", ")
        );
        let (b, t, bc, day) = key_params(key);
        let mut values: Vec<i64> = vec![b.0, t, bc, day];
        values.extend(moves.iter().map(|(_, n)| *n));
        self.tx
            .prepare_cached(&sql)?
            .execute(rusqlite::params_from_iter(values))?;
        Ok(())
    }

    /// Counts one rejection's reason (the rejection itself is counted with [`Counter::Rejected`]).
    pub(super) fn count_reject_reason(&self, key: &MetricKey, reason: Reason) -> Result<()> {
        let (b, t, bc, day) = key_params(key);
        self.tx
            .prepare_cached(
                "INSERT INTO metric_rejects (business_id, template_id, broadcast_id, day, reason, n)
                 VALUES (?1, ?2, ?3, ?4, ?5, 1)
                 ON CONFLICT (business_id, template_id, broadcast_id, day, reason) DO UPDATE SET n = n + 1",
            )?
            .execute(params![b, t, bc, day, reason.as_str()])?;
        Ok(())
    }
}

fn count(r: &rusqlite::Row, i: usize) -> rusqlite::Result<u64> {
    Ok(r.get::<_, i64>(i)?.max(0) as u64)
}

impl Db<'_> {
    /// The figures of a business, template or broadcast, over every day.
    pub fn metrics(&self, scope: MetricScope) -> Result<Metrics> {
        let (condition, id) = scope_condition(scope);
        let mut m = self.conn.prepare_cached(&format!(
                "SELECT coalesce(sum(sent),0), coalesce(sum(delivered),0), coalesce(sum(held),0), coalesce(sum(read),0),
                    coalesce(sum(interested),0), coalesce(sum(not_interested),0), coalesce(sum(blocks),0),
                    coalesce(sum(reports),0), coalesce(sum(credits),0)
                 FROM metric_days WHERE {condition}"
            ))?.query_row([id],
            |r| {
                Ok(Metrics {
                    sent: count(r, 0)?,
                    delivered: count(r, 1)?,
                    held: count(r, 2)?,
                    read: count(r, 3)?,
                    interested: count(r, 4)?,
                    not_interested: count(r, 5)?,
                    blocks: count(r, 6)?,
                    reports: count(r, 7)?,
                    credits: r.get(8)?,
                    ..Metrics::default()
                })
            },
        )?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT reason, sum(n) FROM metric_rejects WHERE {condition} GROUP BY reason"
        ))?;
        let rows = stmt.query_map([id], |r| Ok((r.get::<_, String>(0)?, count(r, 1)?)))?;
        for row in rows {
            let (reason, n) = row?;
            if let Some(reason) = Reason::parse(&reason) {
                m.rejected.insert(reason, n);
            }
        }
        Ok(m)
    }

    /// Figures per day from `first_day` to `last_day` inclusive; days without events are zero.
    pub fn daily(
        &self,
        scope: MetricScope,
        first_day: i64,
        last_day: i64,
    ) -> Result<Vec<DayFigures>> {
        let (condition, id) = scope_condition(scope);
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT day, sum(sent), sum(delivered), sum(read), sum(held), sum(rejected)
             FROM metric_days WHERE {condition} AND day BETWEEN ?2 AND ?3 GROUP BY day ORDER BY day"
        ))?;
        let found: Vec<DayFigures> = stmt
            .query_map(params![id, first_day, last_day], |r| {
                Ok(DayFigures {
                    day: r.get(0)?,
                    sent: count(r, 1)?,
                    delivered: count(r, 2)?,
                    read: count(r, 3)?,
                    held: count(r, 4)?,
                    rejected: count(r, 5)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok((first_day..=last_day)
            .map(|day| {
                found
                    .iter()
                    .find(|f| f.day == day)
                    .copied()
                    .unwrap_or(DayFigures {
                        day,
                        ..Default::default()
                    })
            })
            .collect())
    }
}
