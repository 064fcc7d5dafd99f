//! The user's blocks and reports of friends (personal contacts). They stay in the user's
//! store: no signal, no metric and no quality figure of any business changes with them.

use super::{Db, Result, StoreError, Tx, rows};
use crate::model::*;
use crate::policy::SignalConfig;
use rusqlite::{OptionalExtension, params};

impl Db<'_> {
    /// When and why the user blocked this friend; `None` when not blocked.
    pub fn contact_block(
        &self,
        user: UserId,
        contact: ContactId,
    ) -> Result<Option<(Timestamp, BlockReason)>> {
        let row = self
            .conn
            .prepare_cached(
                "SELECT blocked_at, blocked FROM contacts
                 WHERE id = ?1 AND user_id = ?2 AND blocked IS NOT NULL",
            )?
            .query_row(params![contact, user], |r| {
                Ok((r.get(0)?, rows::code(r, "blocked", BlockReason::parse)?))
            })
            .optional()?;
        Ok(row)
    }

    /// When the user last reported this friend, and why; `None` when never.
    pub fn last_contact_report(
        &self,
        user: UserId,
        contact: ContactId,
    ) -> Result<Option<(Timestamp, ReportReason)>> {
        self.newest_report("contact_reports", "contact_id", user, contact.0)
    }

    fn own_contact(&self, user: UserId, contact: ContactId) -> Result<()> {
        let found: Option<i64> = self
            .conn
            .prepare_cached("SELECT 1 FROM contacts WHERE id = ?1 AND user_id = ?2")?
            .query_row(params![contact, user], |r| r.get(0))
            .optional()?;
        found
            .map(drop)
            .ok_or_else(|| StoreError::not_found(format!("no contact {contact}")))
    }
}

impl Tx<'_> {
    /// Blocks a friend: their next messages are not kept. Blocking twice keeps the first date.
    pub fn block_contact(
        &self,
        user: UserId,
        contact: ContactId,
        reason: BlockReason,
        now: Timestamp,
    ) -> Result<()> {
        self.db().own_contact(user, contact)?;
        self.tx
            .prepare_cached(
                "UPDATE contacts SET blocked = ?3, blocked_at = ?4
             WHERE id = ?1 AND user_id = ?2 AND blocked IS NULL",
            )?
            .execute(params![contact, user, reason.as_str(), now])?;
        Ok(())
    }

    /// Unblocks a friend: their messages reach the user again.
    pub fn unblock_contact(&self, user: UserId, contact: ContactId) -> Result<()> {
        self.db().own_contact(user, contact)?;
        self.tx.prepare_cached("UPDATE contacts SET blocked = NULL, blocked_at = NULL WHERE id = ?1 AND user_id = ?2")?.execute(params![contact, user],
        )?;
        Ok(())
    }

    /// Reports a friend with the last messages of the chat as evidence, and blocks them too
    /// when asked. Returns the evidence recorded.
    pub fn report_contact(
        &self,
        user: UserId,
        contact: ContactId,
        reason: ReportReason,
        also_block: bool,
        now: Timestamp,
        signals: &SignalConfig,
    ) -> Result<Vec<EvidenceLine>> {
        self.db().own_contact(user, contact)?;
        let evidence = match self.db().chat_with(user, Counterpart::Contact(contact))? {
            Some(chat) => self.db().evidence(chat.id, signals.evidence_messages)?,
            None => Vec::new(),
        };
        let json =
            serde_json::to_string(&evidence).map_err(|e| StoreError::Invalid(e.to_string()))?;
        self.tx.prepare_cached("INSERT INTO contact_reports (user_id, contact_id, reason, also_block, at, evidence)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?.execute(params![user, contact, reason.as_str(), also_block, now, json],
        )?;
        if also_block {
            self.block_contact(user, contact, reason.block_reason(), now)?;
        }
        Ok(evidence)
    }
}
