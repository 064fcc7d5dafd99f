//! The sizes Parley accepts, defined once: the store cuts what it keeps to them, the server
//! refuses requests past them, and the clients check against the same numbers.

/// Longest message body kept, in characters; the rest is cut with a visible mark.
pub const MAX_BODY_CHARS: usize = 4096;
/// Longest name kept, in characters.
pub const MAX_NAME_CHARS: usize = 64;
/// Longest template name, in characters.
pub const MAX_TEMPLATE_NAME_CHARS: usize = 64;
/// Most parameters one message of a template takes.
pub const MAX_PARAMS: usize = 10;
/// Longest parameter, in characters.
pub const MAX_PARAM_CHARS: usize = 256;
/// Longest sentence of a decision kept, in characters.
pub const MAX_SENTENCE_CHARS: usize = 512;
/// Most people one part of a broadcast sends to.
pub const MAX_PART: u32 = 500;
/// Longest reviewer's reason, or business's note asking for a review, in characters.
pub const MAX_REVIEW_TEXT_CHARS: usize = 1000;
/// Most reports, newest first, a reviewer reads about one business at once.
pub const MAX_REVIEW_REPORTS: usize = 100;
