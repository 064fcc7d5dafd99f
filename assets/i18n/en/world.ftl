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

# parley world reset
world-reset-synced-inbox = it is an inbox synced with a server
world-reset-no-demo-world = it is a Parley store without the demo world
world-reset-not-demo = { $path } is not the demo world: { $what }
world-reset-cannot-delete = cannot delete { $path }: { $error }
main-reset-not-demo = { $path } is not the demo world ({ $what }); `parley world reset` deletes only the demo world, so it is left as it is.
main-reset-no-terminal = not deleting the demo world at { $path }: there is no terminal to ask. Pass --yes to reset it without asking.
main-reset-ask = Delete the demo world at { $path } and start again? [y/N]
main-reset-kept = Kept the demo world at { $path }.
main-reset-done = A fresh demo world is at { $path }, its clock at { $start }.
# Words that answer yes to a question, besides "y" and "yes", separated by spaces.
main-yes-answers = y yes

# The command line's own errors.
main-no-data-directory = no data directory could be found; pass --data-dir DIR or set PARLEY_DATA_DIR
main-no-config-file = { $path }: no such config file; check the --config path (or PARLEY_CONFIG)
main-not-a-size = `{ $size }` is not a size; write it like 80x24
main-not-a-span = `{ $span }` is not a span of time; write it like 30m, 1h, 1d or 7d
main-cannot-create-data-dir = cannot create the data directory { $path }
