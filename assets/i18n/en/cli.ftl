# The command-line tools: parley business and parley review.
cli-none = none
cli-no-server = no server given: pass --server URL or set PARLEY_SERVER
cli-no-token = no token given: pass --token T or set PARLEY_TOKEN (`{ $maker }` prints one)
cli-cannot-start = cannot start: { $error }

## Restrictions, as both tools list them.
cli-restriction-shown = shown
cli-restriction-in-force = in force
cli-restriction-ended = ended
cli-restriction-until-reviewed = until reviewed
cli-head-restriction = RESTRICTION
cli-head-state = STATE
cli-head-from = FROM
cli-head-until = UNTIL
cli-head-reason = REASON

## parley business: templates.
cli-category-marketing = marketing
cli-category-utility = utility
cli-category-authentication = authentication
cli-category-service = service
cli-category-asked = { $category } (asked { $asked })
cli-status-pending = pending
cli-status-approved = approved
cli-status-rejected = rejected
cli-status-paused = paused
cli-status-disabled = disabled
cli-status-deleted = deleted
cli-status-paused-until = paused until { $until }
cli-submitted-rejected = Rejected: { $name }
cli-submitted-recategorised = Re-categorised: { $name } was submitted as { $asked } and is { $status } as { $category }
cli-submitted = { $status ->
        [approved] Approved
        [pending] Pending
        [paused] Paused
        [disabled] Disabled
        [deleted] Deleted
       *[other] Rejected
    }: { $name } is a { $category } template
cli-submitted-review = { $verdict } (review rule: { $rule }).
    { $note }
cli-revised = Version { $version }. { $review }
cli-deleted = Deleted { $name }: it can no longer be sent; its versions, history and figures stay.
cli-versions = Versions of { $name }:
    { $table }
cli-templates-none = No templates yet: submit one with `parley business templates submit FILE`.
cli-head-version = VERSION
cli-head-status = STATUS
cli-head-category = CATEGORY
cli-head-review-rule = REVIEW RULE
cli-head-submitted = SUBMITTED
cli-head-body = BODY
cli-head-name = NAME
cli-head-quality = QUALITY

## parley business: sending and broadcasts.
cli-sent-head = { $outcome ->
        [deliver] Delivered to
        [hold] Held for
       *[reject] Rejected for
    } { $to } ({ $category }, { $reason })
cli-sent-refused = { $head }: { $why }.
    {"  "}What { $to } sees: { $sentence }
cli-broadcast-head = Broadcast { $id } of { $template }
cli-broadcast-dry-run = Dry run of a broadcast of { $template }: nothing was sent or charged
cli-broadcast-nobody = Nobody to send to: people must subscribe to your offers first, or be listed with --to FILE.
cli-people = { $count ->
        [one] 1 person
       *[other] { $count } people
    }
cli-row-category = category
cli-row-audience = audience
cli-row-eligible = eligible
cli-row-unit-price = unit price
cli-row-reserved = reserved
cli-row-charged = charged
cli-row-refunded = refunded
cli-row-budget-after = budget after
cli-row-delivered = delivered
cli-row-held = held
cli-row-rejected = rejected

## parley business: metrics and status.
cli-row-scope = scope
cli-row-sent = sent
cli-row-read = read
cli-row-read-rate = read rate
cli-row-interested = interested
cli-row-not-interested = not interested
cli-row-blocks = blocks
cli-row-reports = reports
cli-row-credits-spent = credits spent
cli-quality-too-little-data = { $quality } (not enough recent data)
cli-tier-unlimited = unlimited
cli-tier-limit = { $people } people a day
cli-yes = yes
cli-no = no
cli-row-business = business
cli-row-verified = verified
cli-row-quality = quality
cli-row-messaging-tier = messaging tier
cli-row-budget = budget
cli-strikes-heading = Strikes (last 90 days)
cli-restrictions-heading = Restrictions
cli-advice-heading = What to do
cli-head-at = AT
cli-head-cause = CAUSE
cli-head-detail = DETAIL
cli-review-asked = Asked for a review on { $at }. A platform reviewer reads the reports and decides; the decision and its reason show in `parley business status`.
cli-review-heading = Review
cli-review-waiting = asked on { $at }, waiting for a reviewer
cli-head-decided = DECIDED
cli-head-decision = DECISION
cli-head-reviewer = REVIEWER

## parley business: conversations.
cli-window-closed-short = closed
cli-you = you
cli-you-said = you: { $body }
cli-conversations-none = No conversations yet: people who write to you, or whom you write to, appear here.
cli-conversations-none-past = No conversations past the first { $total }.
cli-head-user = USER
cli-head-unread = UNREAD
cli-head-last-message = LAST MESSAGE
cli-head-window-left = WINDOW LEFT
cli-conversations-shown = { $first } to { $last } of { $total ->
        [one] 1 conversation
       *[other] { $total } conversations
    }; --offset shows others.
cli-read-at = read { $at }
cli-window-open = the window is open for { $left } (until { $until }): you may reply freely
cli-window-closed = the window is closed: only an approved template reaches { $user }
cli-conversation-head = Conversation with { $user }; { $window }.
cli-conversation-older = ({ $count ->
        [one] 1 older message
       *[other] { $count } older messages
    } not shown; --limit shows more.)
cli-conversation-marked-read = Marked { $count ->
        [one] 1 message
       *[other] { $count } messages
    } read; { $user } sees the read ticks.
cli-reply-instead = {"  "}Instead: { $alternative }
    {"  "}Send one with: parley business send --to { $to } --template NAME --param ...

## parley business: mistakes before asking the server.
cli-no-such-template = you have no template named { $name }; `parley business templates list` shows them
cli-template-file-other-name = { $file } names the template { $other }, not { $name }: fix the name, or leave it out
cli-cannot-read-stdin = cannot read stdin: { $error }
cli-cannot-read = cannot read { $file }: { $error }
cli-not-a-template-file = { $file } is not a template file: { $error }
    A template file reads like:
    { $example }
cli-template-example-named = {"  "}name = "order_ready"
    { cli-template-example }
cli-template-example = {"  "}category = "utility"   # marketing, utility or authentication
    {"  "}body = "Your order {"{{"}1{"}}"} is ready"
    {"  "}allow_recategorise = true
cli-names-nobody = { $file } names nobody: write one user name per line

## parley review.
review-reason-needed = give a reason with --reason "...": the business reads it beside the decision
review-nothing = Nothing to review: no business is disabled or suspended.
review-asked-at = asked { $at }
review-head-business = BUSINESS
review-head-in-force = IN FORCE
review-head-strikes = STRIKES
review-head-reports = REPORTS
review-head-review = REVIEW
review-asks = { $name } asks: { $note }
review-read-one = Read one with `parley review show BUSINESS`.
review-row-kind = kind
review-reports-in-all = { $count } in all
review-strikes-heading = Strikes (each counts { $days } days)
review-reports-heading = Reports, newest first ({ $count } shown)
review-report = { $at } by { $reporter }: { $reason }{ $blocked ->
        [yes] , and blocked
       *[no] {""}
    }
review-no-evidence = (no messages in the chat)
review-asked-on = asked on { $at }
review-decision = { $at } { $verdict } by { $reviewer }: { $reason }
review-never = never reviewed
review-reinstated = Reinstated { $name }.
review-reinstated-lifted = Reinstated { $name }: lifted { $lifted }. It may send again now.
review-confirmed = Confirmed the restrictions of { $name }; nothing was lifted.
review-recorded = Recorded { $at } by { $reviewer }, with the reason the business reads: { $reason }

## Asking the server.
http-bad-url = `{ $url }` is not a server address ({ $reason }); write it like http://127.0.0.1:8787
http-unreachable = cannot reach the server at { $url }: { $detail }. Is `parley serve` running there?
http-timeout = the server at { $url } did not answer in time; try again
http-refused = { $message }{ $status ->
        [401] {" "}(check --token or PARLEY_TOKEN)
       *[other] {""}
    } [{ $status } { $code }]
http-protocol = the server at { $url } answered something that is not Parley's: { $detail }
