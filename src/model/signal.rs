code_enum!(
    /// A user's signal about a business that counts towards its quality.
    SignalKind {
        Block = "block",
        Report = "report",
        NotInterested = "not_interested",
        Interested = "interested",
    }
);
