//! A platform reviewer's client of a Parley server: the businesses to review, a case file,
//! and the decision, as typed calls over [`Api`].

use super::http::{Api, HttpError};
use crate::protocol::*;

/// The server, as a platform reviewer sees it.
#[derive(Debug, Clone)]
pub struct ReviewClient {
    api: Api,
}

impl ReviewClient {
    /// A client of `server` acting with a reviewer's `token`.
    pub fn new(server: &str, token: &str) -> Result<ReviewClient, HttpError> {
        Ok(ReviewClient {
            api: Api::new(server, token)?,
        })
    }

    /// The businesses disabled or suspended now, with their requests for a review.
    pub async fn cases(&self) -> Result<Vec<ReviewCase>, HttpError> {
        self.api.get("review/cases", &[]).await
    }

    /// One business's reports with their evidence, strikes, restrictions and review.
    pub async fn case_file(&self, business: &str) -> Result<ReviewCaseFile, HttpError> {
        let query = [("business", business.to_string())];
        self.api.get("review/case", &query).await
    }

    /// Reinstates a business or confirms its restrictions, with a reason.
    pub async fn decide(&self, d: &DecisionSubmission) -> Result<DecisionRecorded, HttpError> {
        self.api.post("review/decisions", d).await
    }
}
