//! Figures per business, template, broadcast and day, counted in the transaction of the
//! event, and read back summed.

use super::rows::get;
use super::tx::PgTx;
use crate::model::*;
use crate::policy::Metrics;
use crate::server::db::DbResult;
use tokio_postgres::Row;

/// Where one event is counted: business, template (0: none), broadcast (0: none), day.
#[derive(Debug, Clone, Copy)]
pub struct MetricKey {
    business: i64,
    template: i64,
    broadcast: i64,
    day: i64,
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
            business: business.0,
            template: template.map_or(0, |t| t.0),
            broadcast: broadcast.map_or(0, |b| b.0),
            day: at.day_number(),
        }
    }
}

/// A counter of the figures.
#[derive(Debug, Clone, Copy)]
pub enum Counter {
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

/// The SQL condition (on `$1`) and id that select a scope's rows.
fn scope_condition(scope: MetricScope) -> (&'static str, i64) {
    match scope {
        MetricScope::Business(b) => ("business_id = $1", b.0),
        MetricScope::Template(t) => ("template_id = $1", t.0),
        MetricScope::Broadcast(b) => ("broadcast_id = $1", b.0),
    }
}

/// A sum that is never negative, as a count.
fn count(row: &Row, column: &str) -> DbResult<u64> {
    Ok(get::<i64>(row, column)?.max(0) as u64)
}

impl PgTx<'_, '_> {
    /// Adds `n` to one counter.
    pub fn bump(&self, key: &MetricKey, counter: Counter, n: i64) -> DbResult<()> {
        if n == 0 {
            return Ok(());
        }
        let column = counter.column();
        self.execute(
            &format!(
                "INSERT INTO metric_days (business_id, template_id, broadcast_id, day, {column})
                 VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (business_id, template_id, broadcast_id, day)
                 DO UPDATE SET {column} = metric_days.{column} + excluded.{column}"
            ),
            &[&key.business, &key.template, &key.broadcast, &key.day, &n],
        )?;
        Ok(())
    }

    /// Counts one rejection, by reason.
    pub fn bump_rejected(&self, key: &MetricKey, reason: Reason) -> DbResult<()> {
        self.bump(key, Counter::Rejected, 1)?;
        self.execute(
            "INSERT INTO metric_rejects (business_id, template_id, broadcast_id, day, reason, n)
             VALUES ($1, $2, $3, $4, $5, 1)
             ON CONFLICT (business_id, template_id, broadcast_id, day, reason)
             DO UPDATE SET n = metric_rejects.n + 1",
            &[
                &key.business,
                &key.template,
                &key.broadcast,
                &key.day,
                &reason.as_str(),
            ],
        )?;
        Ok(())
    }

    /// The figures of a business, template or broadcast, over every day.
    pub fn summed_metrics(&self, scope: MetricScope) -> DbResult<Metrics> {
        let (condition, id) = scope_condition(scope);
        let r = self.one(
            &format!(
                "SELECT coalesce(sum(sent), 0)::BIGINT AS sent,
                    coalesce(sum(delivered), 0)::BIGINT AS delivered,
                    coalesce(sum(held), 0)::BIGINT AS held,
                    coalesce(sum(read), 0)::BIGINT AS read,
                    coalesce(sum(interested), 0)::BIGINT AS interested,
                    coalesce(sum(not_interested), 0)::BIGINT AS not_interested,
                    coalesce(sum(blocks), 0)::BIGINT AS blocks,
                    coalesce(sum(reports), 0)::BIGINT AS reports,
                    coalesce(sum(credits), 0)::BIGINT AS credits
                 FROM metric_days WHERE {condition}"
            ),
            &[&id],
        )?;
        let mut m = Metrics {
            sent: count(&r, "sent")?,
            delivered: count(&r, "delivered")?,
            held: count(&r, "held")?,
            read: count(&r, "read")?,
            interested: count(&r, "interested")?,
            not_interested: count(&r, "not_interested")?,
            blocks: count(&r, "blocks")?,
            reports: count(&r, "reports")?,
            credits: get(&r, "credits")?,
            ..Metrics::default()
        };
        let rejected = self.rows(
            &format!(
                "SELECT reason, sum(n)::BIGINT AS n FROM metric_rejects WHERE {condition}
                 GROUP BY reason"
            ),
            &[&id],
        )?;
        for row in &rejected {
            if let Some(reason) = Reason::parse(&get::<String>(row, "reason")?) {
                m.rejected.insert(reason, count(row, "n")?);
            }
        }
        Ok(m)
    }

    /// Figures per day from `first_day` to `last_day` inclusive; days without events are zero.
    pub fn figures_per_day(
        &self,
        scope: MetricScope,
        first_day: i64,
        last_day: i64,
    ) -> DbResult<Vec<DayFigures>> {
        let (condition, id) = scope_condition(scope);
        let found = self.list(
            &format!(
                "SELECT day, sum(sent)::BIGINT AS sent, sum(delivered)::BIGINT AS delivered,
                    sum(read)::BIGINT AS read, sum(held)::BIGINT AS held,
                    sum(rejected)::BIGINT AS rejected
                 FROM metric_days WHERE {condition} AND day BETWEEN $2 AND $3
                 GROUP BY day ORDER BY day"
            ),
            &[&id, &first_day, &last_day],
            |r| {
                Ok(DayFigures {
                    day: get(r, "day")?,
                    sent: count(r, "sent")?,
                    delivered: count(r, "delivered")?,
                    read: count(r, "read")?,
                    held: count(r, "held")?,
                    rejected: count(r, "rejected")?,
                })
            },
        )?;
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
