//! The wire between `parley serve` and its clients (the inbox with `--server`, and
//! `parley business`): JSON over HTTP, versioned under `/v1/`. Both sides use these types, so
//! they cannot drift apart.

use crate::model::*;
use crate::policy::Metrics;
use crate::policy::broadcast::{InsufficientBudget, Quote, Settlement};
use crate::policy::config::{EnforcementConfig, QualityConfig, TierConfig};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// The prefix of every route.
pub const PREFIX: &str = "/v1";

/// `GET /v1/health`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Health {
    pub status: String,
    pub version: String,
}

/// `POST /v1/test/clock` (a server started with `--movable-clock` only): how far to move on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ClockAdvance {
    /// Seconds to move the server's clock on, 0 to 31 622 400 (366 days).
    #[schema(minimum = 0, maximum = 31_622_400)]
    pub seconds: i64,
}

/// The server's clock after a move, and what the review it ran at once changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ClockMoved {
    pub now: Timestamp,
    pub businesses: usize,
    pub changes: usize,
    pub released: usize,
}

/// Every error the server returns: a stable code and a sentence that says what to fix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ApiError {
    /// `bad_request`, `unauthorized`, `not_found`, `method_not_allowed`, `payload_too_large`,
    /// `invalid`, `conflict`, `too_many_requests`, `insufficient_budget`, `timeout`,
    /// `unavailable`, `internal`.
    pub error: String,
    pub message: String,
    /// With `insufficient_budget`: what the broadcast needs and how much is missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<InsufficientBudget>,
}

/// Where a client is in the stream of changes: the last change it has, and the id of what
/// that change touched (a message, a decision, a business; 0 for the user's preferences).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
pub struct Cursor {
    pub change: i64,
    pub id: i64,
}

/// `GET /v1/me/changes?change=C&id=I&limit=N` (and `GET /v1/me/stream`, which waits for the
/// first change after the cursor): what changed for the user after `cursor`, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Changes {
    pub messages: Vec<SyncedMessage>,
    /// Messages the user deleted (held ones), to remove.
    pub removed: Vec<MessageId>,
    /// Decisions made for the user, rejections included.
    #[serde(default)]
    pub decisions: Vec<SyncedDecision>,
    /// Asked for with `pair_decisions=true`: the decisions that made a message of this page
    /// and say what it says (its business, template, category, time and decision), by id
    /// only; the client rebuilds them from their messages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paired: Vec<PairedDecision>,
    /// The businesses the user deals with whose row, restrictions or relation with the user
    /// changed after the cursor (after the empty cursor, every one), as they are now; a
    /// business left out is as the client has it.
    #[serde(default)]
    pub businesses: Vec<SyncedBusiness>,
    /// The user's preferences, when they changed after the cursor (and always after the empty
    /// cursor).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefs: Option<UserPrefs>,
    pub me: String,
    /// Where to ask from next time.
    pub cursor: Cursor,
    /// Whether more changes wait after this page.
    pub more: bool,
    /// The server's clock when it answered.
    pub now: Timestamp,
}

impl Changes {
    /// Whether the page holds anything about messages: new or changed ones, removals, or
    /// decisions (a rejection leaves only a decision).
    pub fn touches_messages(&self) -> bool {
        !self.messages.is_empty()
            || !self.removed.is_empty()
            || !self.decisions.is_empty()
            || !self.paired.is_empty()
    }

    /// Whether the page holds nothing new: no message, business or preferences.
    pub fn is_empty(&self) -> bool {
        !self.touches_messages() && self.businesses.is_empty() && self.prefs.is_none()
    }
}

/// A decision carried by id beside the message it made (see [`Changes::paired`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct PairedDecision {
    pub id: i64,
    /// The message it made, in the same page.
    pub message: MessageId,
    /// The change that wrote it.
    pub change: i64,
}

/// `GET /v1/directory?q=NAME&after=ID&limit=N`: one page of the businesses a user can find
/// and subscribe to before they write, in id order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Directory {
    pub businesses: Vec<ListedBusiness>,
    /// The `after` that asks for the next page; `None` on the last one.
    pub next: Option<BusinessId>,
}

/// A user action as sent to the server; every id is the server's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum WireAction {
    Subscribe {
        business: BusinessId,
    },
    Unsubscribe {
        business: BusinessId,
    },
    Block {
        business: BusinessId,
        reason: BlockReason,
    },
    Unblock {
        business: BusinessId,
    },
    Report {
        business: BusinessId,
        reason: ReportReason,
        also_block: bool,
    },
    Feedback {
        message: MessageId,
        feedback: Feedback,
    },
    /// Everything delivered in the chat with this business is read.
    Read {
        business: BusinessId,
    },
    Reply {
        business: BusinessId,
        /// At most 4096 characters.
        #[schema(max_length = 4096)]
        text: String,
    },
    AcceptChat {
        business: BusinessId,
    },
    ReleaseHeld {
        message: MessageId,
    },
    DeleteHeld {
        message: MessageId,
    },
    SetPrefs {
        prefs: UserPrefs,
    },
}

/// One action with the key that makes it apply exactly once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct KeyedAction {
    /// 1 to 128 characters, none of them a control character.
    #[schema(
        min_length = 1,
        max_length = 128,
        pattern = r"^[^\x00-\x1F\x7F-\x9F]+$"
    )]
    pub key: String,
    #[serde(flatten)]
    pub action: WireAction,
}

/// `POST /v1/me/actions`: actions in the order the user took them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ActionBatch {
    /// At most 100 actions.
    #[schema(max_items = 100)]
    pub actions: Vec<KeyedAction>,
}

/// What became of one action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ActionResult {
    pub key: String,
    pub ok: bool,
    /// Why it could not be applied (an unknown business, a message that is not held...).
    pub error: Option<String>,
    /// Whether the key was seen before, so nothing was applied again.
    pub replayed: bool,
}

/// The answer to an [`ActionBatch`], in the same order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ActionResults {
    pub results: Vec<ActionResult>,
}

/// `POST /v1/business/templates`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TemplateSubmission {
    /// 1 to 64 characters: no control characters, and not only spaces and invisible ones.
    #[schema(
        min_length = 1,
        max_length = 64,
        pattern = r"^[^\x00-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB][^\x00-\x1F\x7F-\x9F]*$"
    )]
    pub name: String,
    pub category: Category,
    /// At most 4096 characters.
    #[schema(max_length = 4096)]
    pub body: String,
    #[serde(default = "default_true")]
    pub allow_recategorise: bool,
}

fn default_true() -> bool {
    true
}

/// `PUT /v1/business/templates/{id}` (an edit) and `POST /v1/business/templates/{id}/resubmit`
/// (after a rejection): the template's new version, which review judges again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TemplateEdit {
    pub category: Category,
    /// The new body, at most 4096 characters.
    #[schema(max_length = 4096)]
    pub body: String,
    /// Whether review may move it to another category.
    #[serde(default = "default_true")]
    pub allow_recategorise: bool,
}

/// A template's new version and what review made of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct RevisedTemplate {
    /// The new version's number (the submission was 1).
    pub version: u32,
    pub template: WireTemplate,
}

/// `DELETE /v1/business/templates/{id}`: the template is never sent again; its versions,
/// history and figures stay.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct DeletedTemplate {
    pub id: TemplateId,
    pub name: String,
    pub at: Timestamp,
}

/// A template as its business sees it: status, category and the review rule that fired.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct WireTemplate {
    pub id: TemplateId,
    pub name: String,
    pub requested_category: Category,
    pub category: Category,
    pub status: TemplateStatus,
    pub review_rule: ReviewRule,
    /// What review found, in English.
    pub review_note: String,
    /// What review found as a code and values, for writing it in the reader's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_finding: Option<ReviewFinding>,
    pub quality: Quality,
    pub paused_until: Option<Timestamp>,
    pub pause_count: u32,
    pub body: String,
    /// Whether review may move it to another category.
    pub allow_recategorise: bool,
    pub submitted_at: Timestamp,
    pub approved_at: Option<Timestamp>,
    /// Start of its current quality window (submission, or the end of its last pause).
    pub quality_since: Timestamp,
}

/// One parameter of a template, at most 256 characters (the schema of the `params` items).
#[derive(ToSchema)]
#[schema(max_length = 256)]
pub struct Param(pub String);

/// A user's name, at most 64 characters (the schema of a list of people).
#[derive(ToSchema)]
#[schema(max_length = 64)]
pub struct UserName(pub String);

/// `POST /v1/business/messages`: one message to one user, a template or free-form text. Its
/// OpenAPI schema (in [`send_request_schema`]) says so as a `oneOf`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SendRequest {
    /// The user's name.
    pub to: String,
    /// The template's name; without one, `text` is a free-form service reply.
    pub template: Option<String>,
    #[serde(default)]
    pub params: Vec<String>,
    pub text: Option<String>,
    /// An idempotency key: a send retried with the key of one already made is answered as
    /// that one was, not decided again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

impl utoipa::PartialSchema for SendRequest {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        send_request_schema()
    }
}

impl ToSchema for SendRequest {}

/// A [`SendRequest`] as the server accepts it: either a template and no text, or 1 to 4096
/// characters of text, not only spaces, and no template; at most 10 parameters (each at most
/// 256 characters) in both.
fn send_request_schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    let to = serde_json::json!({"type": "string", "description": "The user's name."});
    let none = serde_json::json!({"type": "null"});
    let params = serde_json::json!({"type": "array", "maxItems": limits::MAX_PARAMS,
        "items": {"type": "string", "maxLength": limits::MAX_PARAM_CHARS}});
    let key = serde_json::json!({"type": "string", "minLength": 1, "maxLength": 128,
        "pattern": r"^[^\x00-\x1F\x7F-\x9F]+$",
        "description": "An idempotency key, new for each send and the same when it is retried: \
            a send with the key of one this business already made (within the server's key \
            retention, 7 days by default) gets that send's answer again and is not decided again."});
    let shape = serde_json::json!({"oneOf": [
        {
            "type": "object",
            "title": "Template",
            "required": ["to", "template"],
            "examples": [{"to": "alice", "template": "shipped", "params": ["A-1042"]}],
            "properties": {
                "to": to,
                "template": {"type": "string", "description": "The template's name."},
                "params": params,
                "text": none,
                "key": key,
            },
        },
        {
            "type": "object",
            "title": "Text",
            "required": ["to", "text"],
            "examples": [{"to": "alice", "text": "Your parcel leaves today."}],
            "properties": {
                "to": to,
                "template": none,
                "params": params,
                "text": {"type": "string", "minLength": 1, "maxLength": limits::MAX_BODY_CHARS,
                    "pattern": "\\S", "description": "A free-form service reply."},
                "key": key,
            },
        },
    ]});
    serde_json::from_value(shape).unwrap_or_default()
}

/// What the rules did with a message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct SendResponse {
    pub decision: Decision,
    pub category: Category,
    pub message: Option<MessageId>,
}

/// `POST /v1/business/broadcasts`: one template to many users.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(examples(json!({"template": "shipped", "params": ["A-1042"], "to": ["alice"], "dry_run": true})))]
pub struct BroadcastSubmission {
    pub template: String,
    /// At most 10 parameters, each at most 256 characters.
    #[serde(default)]
    #[schema(max_items = 10, value_type = Vec<Param>)]
    pub params: Vec<String>,
    /// User names, 1 to 1000 (the body must stay within the server's 64 KB); without them,
    /// every subscriber of the business.
    #[schema(min_items = 1, max_items = 1000, value_type = Option<Vec<UserName>>)]
    pub to: Option<Vec<String>>,
    /// Price it and say what the rules would do, without sending or charging anything.
    #[serde(default)]
    pub dry_run: bool,
    /// An idempotency key, new for each broadcast and the same when it is retried: a broadcast
    /// with the key of a send or broadcast this business already made (within the server's
    /// key retention, 7 days by default) gets that answer again and is not run again. 1 to 128
    /// characters, none of them a control character; a dry run ignores it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(
        min_length = 1,
        max_length = 128,
        pattern = r"^[^\x00-\x1F\x7F-\x9F]+$"
    )]
    pub key: Option<String>,
}

/// A broadcast priced, and (unless a dry run) sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct BroadcastReport {
    pub id: Option<BroadcastId>,
    pub dry_run: bool,
    pub quote: Quote,
    /// The charge and refund (for a dry run, what they would be).
    pub settlement: Settlement,
    pub delivered: u32,
    pub held: BTreeMap<Reason, u32>,
    pub rejected: BTreeMap<Reason, u32>,
}

/// `GET /v1/business/metrics[?template=NAME|broadcast=ID]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MetricsReport {
    /// "business", "template NAME" or "broadcast ID".
    pub scope: String,
    pub metrics: Metrics,
}

/// `GET /v1/business/status`: the business's standing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct StatusReport {
    pub name: String,
    pub verified: bool,
    pub quality: Quality,
    /// Whether enough people were reached to rate quality; if not, the rating shows as "not
    /// enough recent data" and has no consequence.
    pub enough_recent_data: bool,
    /// Unique users it may reach a day now (`None`: unlimited), and of its tier.
    pub tier_limit: Option<u32>,
    pub budget: i64,
    /// Strikes in the last 90 days.
    pub strikes: Vec<Strike>,
    /// Every restriction, with whether it is in force.
    pub restrictions: Vec<(Restriction, bool)>,
    /// What to do to recover, most pressing first (the console's Standing says the same), in
    /// English.
    #[serde(default)]
    pub advice: Vec<String>,
    /// The same steps as codes and values, for writing them in the reader's language.
    #[serde(default)]
    pub steps: Vec<Advice>,
    /// The platform reviewers' decisions, newest first, and a request waiting for one.
    #[serde(default)]
    pub review: ReviewState,
}

/// `GET /v1/business/account`: the business as the server has it, how many people subscribe
/// to its offers, and the server's clock.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct BusinessAccount {
    pub business: Business,
    /// People subscribed to its offers (and not blocking it): a broadcast's default audience.
    pub subscribers: u32,
    /// The server's clock when it answered: the time every rule is judged at.
    pub now: Timestamp,
}

/// `GET /v1/business/rules`: the numbers a business's standing is judged by (review's word
/// lists stay on the server).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct BusinessRules {
    pub quality: QualityConfig,
    pub tiers: TierConfig,
    pub enforcement: EnforcementConfig,
    /// Hours of each pause of a template rated Low; the next Low after the last disables it.
    pub pause_hours: Vec<i64>,
}

/// `POST /v1/business/broadcasts/start`: a broadcast sent in parts, so a client can follow
/// it; the price of the whole eligible audience is reserved at once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(examples(json!({"template": "shipped", "params": ["A-1042"], "to": ["alice"]})))]
pub struct BroadcastStart {
    pub template: String,
    /// At most 10 parameters, each at most 256 characters.
    #[serde(default)]
    #[schema(max_items = 10, value_type = Vec<Param>)]
    pub params: Vec<String>,
    /// User names, 1 to 1000 (the body must stay within the server's 64 KB); without them,
    /// every subscriber of the business.
    #[schema(min_items = 1, max_items = 1000, value_type = Option<Vec<UserName>>)]
    pub to: Option<Vec<String>>,
}

/// A broadcast priced and reserved, with nothing sent yet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct BroadcastStarted {
    pub id: BroadcastId,
    pub quote: Quote,
    /// The server's clock when it started.
    pub at: Timestamp,
    /// People it will be sent to.
    pub remaining: u32,
}

/// `POST /v1/business/broadcasts/{id}/parts`: send to the next people of a started broadcast.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct PartRequest {
    /// How many people at most, 1 to [`limits::MAX_PART`].
    #[schema(minimum = 1, maximum = 500)]
    pub at_most: u32,
}

/// What one part did, and where the broadcast stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct BroadcastProgress {
    /// What this part did (empty once the broadcast is settled).
    pub tally: BroadcastTally,
    /// People not sent to yet.
    pub remaining: u32,
    /// Credits charged so far.
    pub charged: i64,
    /// Set once the broadcast is settled: by `finish`, or by the server because it sat idle.
    pub settlement: Option<Settlement>,
}

/// `GET /v1/business/conversations`: the business's conversations, unread ones first, then the most recent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ConversationList {
    pub conversations: Vec<ConversationSummary>,
    /// Conversations in all (this page may hold fewer).
    pub total: u32,
    /// The server's clock when it answered.
    pub now: Timestamp,
}

/// `POST /v1/business/conversations/read`: read the conversation with one user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReadRequest {
    /// The user's name.
    #[schema(min_length = 1, max_length = 64, pattern = r"\S", examples("alice"))]
    pub with: String,
    /// How many of the newest messages, 1 to 200 (default 50).
    #[serde(default)]
    #[schema(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
}

/// `POST /v1/business/conversations/reply`: a free-form reply to one user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReplyRequest {
    /// The user's name.
    #[schema(min_length = 1, max_length = 64, pattern = r"\S", examples("alice"))]
    pub to: String,
    /// The reply, 1 to 4096 characters, not only spaces.
    #[schema(min_length = 1, max_length = 4096, pattern = r"\S")]
    pub text: String,
}

/// What the rules did with a reply; when refused outside the window, what to send instead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ReplyResponse {
    pub decision: Decision,
    pub category: Category,
    pub message: Option<MessageId>,
    /// Outside the service window: the approved templates that may reach the user instead.
    #[serde(default)]
    pub alternative: Option<String>,
}

/// `GET /v1/review/cases`: one business a reviewer should look at: disabled or suspended now,
/// with the request for a review that waits, if it asked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ReviewCase {
    pub business: Business,
    /// The disable and suspensions in force now.
    pub restrictions: Vec<Restriction>,
    /// Strikes in the strike window.
    pub strikes: u32,
    /// Reports in the strike window.
    pub reports: u32,
    pub review: ReviewState,
}

/// Which business's case file to read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CaseQuery {
    /// The business's name, as registered on the server.
    #[param(min_length = 1, max_length = 64, pattern = r"\S", example = "Acme")]
    pub business: String,
}

/// `GET /v1/review/case`: everything a reviewer reads before deciding. Only reviewers see
/// report evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ReviewCaseFile {
    pub business: Business,
    /// Every restriction, oldest first, with whether it is in force now.
    pub restrictions: Vec<(Restriction, bool)>,
    /// Every strike, oldest first (the strike window is given beside it).
    pub strikes: Vec<Strike>,
    /// Days a strike counts.
    pub strike_window_days: i64,
    /// The newest reports (at most 100), with their evidence.
    pub reports: Vec<ReportFile>,
    /// Every report ever made of the business.
    pub reports_total: u32,
    pub review: ReviewState,
}

/// `POST /v1/review/decisions`: reinstate a business or confirm its restrictions, with a
/// reason the business will read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionSubmission {
    /// The business's name, as registered on the server.
    #[schema(min_length = 1, max_length = 64, pattern = r"\S", examples("Acme"))]
    pub business: String,
    pub verdict: Verdict,
    /// Why, in words the business will read (1 to 1000 characters, with a letter or digit).
    #[schema(min_length = 1, max_length = 1000, pattern = r"\w")]
    pub reason: String,
}

/// The decision as recorded, and the restrictions it ended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct DecisionRecorded {
    pub decision: ReviewDecision,
    pub lifted: Vec<Restriction>,
}

/// `POST /v1/business/review-request`: a disabled or suspended business asks for a review.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewRequestSubmission {
    /// A note to the reviewer: what changed, what went wrong (at most 1000 characters).
    #[serde(default)]
    #[schema(max_length = 1000)]
    pub note: String,
}
