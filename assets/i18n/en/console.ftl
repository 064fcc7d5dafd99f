# The business console.
console-name = The console

## Screens: the tabs, wide and narrow.
console-tab-templates = Templates
console-tab-broadcast = Broadcast
console-tab-metrics = Metrics
console-tab-standing = Standing
console-tab-conversations = Conversations
console-tab-short-templates = Templ
console-tab-short-broadcast = Send
console-tab-short-metrics = Metrics
console-tab-short-standing = Standing
console-tab-short-conversations = Chats
console-status-business = { $name } · quality { $quality }
console-status-no-business = No business in this store

## Commands: footer and help.
console-cmd-next-screen = next screen
console-cmd-previous-screen = previous screen
console-cmd-templates = templates
console-cmd-broadcast = broadcast
console-cmd-metrics = metrics
console-cmd-standing = standing
console-cmd-conversations = conversations
console-cmd-switch-business = switch business
console-cmd-next-template = next template
console-cmd-previous-template = previous template
console-cmd-broadcast-it = broadcast it
console-cmd-new-template = new template
console-cmd-submit-a-file = submit a file
console-cmd-edit-resubmit = edit / resubmit
console-cmd-delete = delete
console-cmd-next-field = next field
console-cmd-previous-field = previous field
console-cmd-cursor-left-previous-choice = cursor left / previous choice
console-cmd-cursor-right-next-choice = cursor right / next choice
console-cmd-delete-a-character = delete a character
console-cmd-submit-for-review = submit for review
console-cmd-cancel = cancel
console-cmd-cursor-left = cursor left
console-cmd-cursor-right = cursor right
console-cmd-next-choice-cursor-right = next choice / cursor right
console-cmd-previous-choice-cursor-left = previous choice / cursor left
console-cmd-dry-run = dry run
console-cmd-back-to-templates = back to templates
console-cmd-send-it-new-broadcast = send it / new broadcast
console-cmd-change-the-broadcast = change the broadcast
console-cmd-next-figures = next figures
console-cmd-previous-figures = previous figures
console-cmd-ask-for-a-review = ask for a review
console-cmd-scroll-down = scroll down
console-cmd-scroll-up = scroll up
console-cmd-page-down = page down
console-cmd-page-up = page up
console-cmd-next-conversation = next conversation
console-cmd-previous-conversation = previous conversation
console-cmd-read-it = read it
console-cmd-close-it = close it
console-cmd-next-business = next business
console-cmd-previous-business = previous business
console-cmd-choose-close = choose / close
console-cmd-close = close
console-cmd-close-help = close help
console-cmd-confirm-and-send = confirm and send
console-cmd-new-broadcast = new broadcast
console-cmd-change-it = change it
console-footer-delete-it = delete it
console-footer-keep-it = keep it
console-footer-cannot-send = ⊘ cannot send: { $why }
console-mode-templates = Templates
console-mode-editor = Writing a template
console-mode-prompt = Submitting a template file
console-mode-compose = Broadcast form
console-mode-confirm = Dry run, sending and result
console-mode-metrics = Metrics
console-mode-standing = Standing
console-mode-conversations = Conversations
console-mode-dialog = Business switcher, review result and deleting
console-mode-help = Help

## Why a template cannot be sent now.
console-not-sendable-pending = waiting for review
console-not-sendable-rejected = rejected in review ({ $rule })
console-not-sendable-paused-until = paused until { $until }
console-not-sendable-paused = paused
console-not-sendable-disabled = disabled after repeated low quality
console-not-sendable-deleted = deleted

## Standing.
console-standing-title = Standing with the platform
console-standing-recover = What to do to recover
console-standing-quality = Quality
console-standing-read-rate = read rate { $rate } (shown beside it; it does not count)
console-standing-signals = Last { $days } days: { $reports ->
        [one] 1 report
       *[other] { $reports } reports
    }, { $blocks ->
        [one] 1 block
       *[other] { $blocks } blocks
    }, { $not_interested } Not interested, from { $reached ->
        [one] 1 person
       *[other] { $reached } people
    } reached{ $enough ->
        [no] : not enough recent data
       *[yes] {""}
    }.
console-standing-tier = Tier
console-standing-tier-unlimited = unlimited
console-standing-tier-limit = { $people } people a day
console-standing-tier-until = until { $until }
console-standing-tier-lowered = , lowered to { $limit }{ $until }
console-standing-tier-used = Used { $reached } of { $limit } in the last 24 hours { $bar } { $percent }
console-standing-reached = Reached { $people ->
        [one] 1 person
       *[other] { $people } people
    } in the last 24 hours
console-standing-at-limit = At the limit: until the 24 hours roll on, only people already reached can be sent to.
console-standing-strikes = Strikes
console-standing-strike-count = { $count } in the last 90 days
console-standing-restrictions = Restrictions, oldest first
console-standing-none = none
console-standing-notice = notice
console-standing-until-reviewed = until reviewed
console-standing-shown = ▶ shown
console-standing-in-force = ▶ in force
console-standing-over = over

## Templates.
console-status-pending = Pending
console-status-approved = Approved
console-status-rejected = Rejected
console-status-paused = Paused
console-status-disabled = Disabled
console-status-deleted = Deleted
console-status-paused-until = Paused until { $until }
console-category-marketing = marketing
console-category-utility = utility
console-category-authentication = authentication
console-category-service = service
console-templates-title = Templates · { $count }
console-templates-empty = No templates yet. Write one with n, or submit a TOML file with f (name, category, body). Review is automatic: you see the result at once.
console-template-title = Template
console-template-hint = A business starts a conversation only with an approved template. Review checks the body's length, its placeholders {"{{"}1{"}}"}, {"{{"}2{"}}"}..., promotional words in a utility template, and forbidden content.
console-template-category-changed = { $category } (submitted as { $asked })
console-template-category = Category
console-template-status = Status
console-template-send = Send
console-template-cannot = ⊘ cannot: { $why }
console-template-can = yes, it can be broadcast
console-template-quality = Quality
console-template-review = Review
console-template-body = Body
console-template-history = History (review, pauses, resumptions)

## Metrics.
console-metrics-figures-for = Figures for
console-metrics-templates = Templates
console-metrics-broadcasts = Broadcasts
console-metrics-none-yet = none yet
console-metrics-refused = Refused for its budget, nothing sent: it needed { $needed }, the budget held { $held } ({ $short } short).
console-metrics-sent = Sent
console-metrics-delivered = Delivered
console-metrics-held = Held
console-metrics-rejected = Rejected
console-metrics-credits-spent = Credits spent
console-metrics-read = Read
console-metrics-interested = Interested
console-metrics-not-interested = Not interested
console-metrics-blocks-after = Blocks after
console-metrics-reports-after = Reports after
console-metrics-rejected-by-reason = Rejected by reason: { $reasons }
console-metrics-days-empty = Delivered and read per day · nothing sent yet
console-metrics-days = Delivered ▌ and read ▐ per day
console-metrics-quality-now = Quality over time · now { $quality }
console-metrics-quality = Quality over time
console-metrics-axis-high = High
console-metrics-axis-medium = Med
console-metrics-axis-low = Low
console-metrics-every-message = Every message
console-metrics-broadcast-row = #{ $id } { $template } { $date }{ $refused ->
        [yes] {" "}· refused
       *[no] {""}
    }
console-template-numbered = template { $id }

## The console's data, offline.
console-people-empty = the list of people is empty
console-people-unknown = not in this world: { $names }
console-connection-offline = offline · demo world
console-no-such-user = no user named { $user }
console-no-conversation = no conversation with { $user } yet

## What the console says it did.
console-review-asked = Review asked on { $at }: a platform reviewer reads the reports and decides; the decision and its reason show here.
console-review-nothing = Nothing to review: the business is neither disabled nor suspended.
console-busy-switch = A broadcast is sending; switch business once it is done.
console-one-business = This console has one business: there is no other to switch to.
console-no-such-business = No business { $id } in this store.
console-acts-as = The console now acts as { $name }.
console-broadcast-unstoppable = The broadcast is sending; it cannot be stopped halfway.
console-broadcast-no-template = No approved template to send: write one on the Templates screen (1).
console-broadcast-fill = Fill { $placeholder } first.
console-broadcast-name-people = Name the people to send to, separated by commas.
console-broadcast-stopped = Broadcast #{ $id } stopped after { $sent } of { $audience }: { $error }. Once settled, it is charged only for what was delivered and the rest is returned.
console-broadcast-sent = Broadcast #{ $id } sent: { $charged } charged, { $returned } returned.
console-conversation-marked-read = { $user } sees { $count ->
        [one] 1 message
       *[other] { $count } messages
    } read.
console-busy-clock = A broadcast is sending; the clock moves once it is done.
console-clock-moved = Clock moved to { $at }.
console-templates-none-yet = No template yet: write one (n) or submit a file (f).
console-template-not-editable = '{ $name }' cannot be edited: { $why }.
console-template-already-deleted = '{ $name }' is already deleted.
console-template-deleted = Deleted '{ $name }': it can no longer be sent; its history and figures stay.
console-template-not-sendable = '{ $name }' cannot be sent: { $why }.
console-template-name-first = Give the template a name first.
console-file-type-path = Type the path of a template file (TOML with name, category and body).
console-file-cannot-read = Cannot read { $file }: { $error }.
console-file-too-big = { $file } is { $size } bytes; a template file is at most { $most }.
console-file-not-a-template = { $file } is not a template file: { $error }

## The console on a server.
console-remote-other-business = this token acts for business { $id } only
console-remote-no-template = no template { $id } on the server
console-remote-online = online · { $server }
console-remote-unreachable = cannot reach · { $server }
console-remote-clock = Server clock, the real time: t and T move only the demo world's clock (parley business without --server).

## Broadcast.
console-empty = (empty)
console-compose-no-template = No approved template to broadcast. Write one on the Templates screen; paused and disabled templates cannot be sent.
console-compose-template = Template
console-compose-subscribers = all subscribed · { $count }
console-compose-list = a list of people
console-compose-audience = Audience
console-compose-people = People
console-compose-preview = Preview
console-compose-before = Before you send
console-compose-dry-run = Dry run: nothing sent yet
console-compose-refused = Refused: nothing was sent
console-compose-sending = Sending
console-compose-sent = Sent
console-compose-progress = { $sent } of { $audience } sent
console-compose-dry-run-first = The dry run comes first: the people it would reach, what the rules would hold or reject and why, the price per delivered message, the amount reserved and your budget after. Nothing is sent until you confirm.
console-compose-only-delivered = Only delivered messages are charged; the rest of the reservation comes back.
console-compose-audience-eligible = { $audience ->
        [one] 1 person
       *[other] { $audience } people
    }, { $eligible } eligible
console-compose-price = Price
console-compose-price-each = { $price } per delivered message ({ $category })
console-compose-reserved = Reserved
console-compose-budget = Budget
console-compose-budget-while = { $before } → { $after } while it runs
console-compose-rules-will = The rules will
console-compose-charge = Charge
console-compose-charge-back = { $charged }, { $back } back
console-compose-budget-after = Budget after
console-compose-deliver = deliver
console-compose-hold = hold
console-compose-reject = reject
console-compose-insufficient-budget = { $code }: a broadcast needs budget for its whole eligible audience.
console-compose-needed = Needed
console-compose-needed-for = { $needed } for { $eligible ->
        [one] 1 eligible person
       *[other] { $eligible } eligible people
    }
console-compose-shortfall = Shortfall
console-compose-fewer = Send to fewer people (a list), or add credits.
console-compose-charged = Charged
console-compose-broadcast-at = #{ $id } at { $at }
console-compose-refunded = Refunded
console-compose-budget-now = Budget now
console-compose-free = Only delivered messages are charged: held and rejected ones are free, and so is a utility message inside an open service window.

## Conversations.
console-window-left = { $left } left
console-window-closed = window closed
console-conversations-title = Conversations · { $count }
console-conversations-none = No conversations yet. People who write to the business, or whom it writes to, appear here.
console-conversations-new = { $count } new
console-you-said = you: { $body }
console-conversation-title = Conversation
console-conversation-preview = { $user }: { $unread ->
        [0] nothing unread
        [one] 1 message unread
       *[other] { $unread } messages unread
    }; { $window }. Enter reads the conversation: the messages are marked read, and { $user } sees the read ticks.
console-conversation-older = { $count ->
        [one] 1 older message
       *[other] { $count } older messages
    } not shown
console-you = You
console-read-at = read { $at }

## Boxes: the editor, the file prompt, the switcher, a review, deleting.
console-editor-name = Name
console-editor-category = Category
console-editor-recategorise = Re-cat.
console-editor-recategorise-allowed = allowed: a promotional utility becomes marketing
console-editor-recategorise-forbidden = not allowed: a promotional utility is rejected
console-editor-body-placeholders = Body ({"{{"}1{"}}"}, {"{{"}2{"}}"}... are filled when sending)
console-editor-body = Body
console-editor-review-automatic = Review is automatic and rule-based; its result shows at once.
console-editor-new = New template
console-editor-revise = { $resubmit ->
        [yes] Resubmit
       *[no] Edit
    } '{ $name }': a new version
console-delete-explained = It can no longer be sent, by you or by a broadcast. Its versions, its history and its figures stay, and so does its name.
console-delete-title = Delete '{ $name }'?
console-prompt-path-of = The path of a TOML file with name, category and body
console-prompt-forbid-recategorise = (and allow_recategorise = false to forbid re-categorisation):
console-prompt-path = Path
console-prompt-title = Submit a template file
console-switcher-row = { $name } · { $kind } · quality { $quality }
console-switcher-title = Act as which business?
console-review-result = Result
console-review-as = as { $category }
console-review-recategorised = submitted as { $asked }, re-categorised
console-review-rule = Rule
console-review-title = Review of '{ $name }'

## The demo.
demo-name = The demo
demo-tour-1 = QuickCash Loans, a pushy lender, wrote to Alex. Its console shows this week's blocks already rate it Low; no strikes yet.
demo-tour-2 = Alex blocks the lender as spam: nothing it sends reaches Alex now, and the block counts against it.
demo-tour-3 = Blocks and Not interested lower quality as they come; every hour the platform's review records it and acts on it.
demo-tour-4 = Low quality pauses a template for 3 hours: it cannot be sent, and the console says why.
demo-tour-5 = Still Low once it resumes: paused again, this time for 6 hours.
demo-tour-6 = A third low rating disables it. Each pause is a strike: lower tier, no offers, now no sending.
demo-tour-7 = Alex reports it too, the third in a week: a strike at once, the shorter path. A fifth strike disables the lender.
demo-mode = Demo (over both halves)
demo-cmd-switch-half = switch inbox / console
demo-cmd-tour = guided tour: start / next step
demo-cmd-tour-stop = end the tour
demo-tour-step = Tour { $step }/{ $steps } · { $caption }
demo-bar-close = { $key } close the tour
demo-bar-next = { $next } next · { $end } end
demo-keys-inbox = keys: { $me }'s inbox
demo-keys-console = keys: the business console
demo-bar = Parley demo · { $who }
demo-bar-keys = { $switch } switch · { $tour } guided tour
