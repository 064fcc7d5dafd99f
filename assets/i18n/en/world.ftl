# parley world summary
world-summary-title = Parley demo world, { $now } ({ $days } days { $hours } hours after the start)
world-summary-what-reached = What reached { $me }
world-summary-outcome-count = { $number } { $outcome }{ $detail }
world-summary-delivered = delivered
world-summary-held = held
world-summary-rejected = rejected
world-summary-verified = verified
world-summary-not-verified = not verified
world-summary-tier = up to { $people } { $limit ->
    [one] person
   *[other] people
} a day
world-summary-tier-lowered = up to { $people } { $limit ->
    [one] person
   *[other] people
} a day (tier lowered)
world-summary-no-daily-limit = no daily limit
world-summary-standing = Quality { $quality } · { $tier } · { $strikes ->
    [one] 1 strike
   *[other] { $strikes } strikes
} in 90 days · budget { $budget }
world-summary-everyone = Everyone: { $tally }
world-summary-templates = Templates
world-summary-paused-times = paused { $count }x
world-summary-refused-broadcasts = Broadcasts refused for their budget
world-summary-refused-broadcast = needed { $needed } for { $people } eligible { $count ->
    [one] person
   *[other] people
}, the budget held { $available }
world-summary-strikes = Strikes
world-summary-restrictions = Restrictions
world-summary-until = until { $at }
world-summary-until-reviewed = until reviewed
world-summary-shown = shown
world-summary-in-force = in force

# parley world advance
world-change-quality = quality { $from } -> { $to }
world-change-template-paused = template '{ $template }' paused (pause { $pause }) until { $until }
world-change-template-disabled = template '{ $template }' disabled
world-change-template-resumed = template '{ $template }' resumed
world-change-strike = strike: { $detail }
world-change-restriction = restriction: { $kind }
world-change-restriction-until = restriction: { $kind } until { $until }
world-change-tier = messaging tier now { $limit } ({ $reason })
world-tier-unlimited = unlimited
world-blocked-not-kept = blocked, not kept
world-broadcast-settled = broadcast, charged { $charged }, { $returned } returned
world-broadcast-refused = broadcast refused: { $refusal }
world-a-message = a message
world-others = { $count ->
    [one] 1 other
   *[other] { $count } others
}: { $tally }
world-business-sends = { $business } sends { $what } -> { $parts }
world-clock = Clock: { $now }
