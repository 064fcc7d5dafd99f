# policy: why the rules delivered, held or rejected a message, and what they say about a
# business. Dates come written ("3 Dec"); numbers drive the plurals.

## A decision: the outcome, then why.
policy-sentence = { $outcome }: { $reason }
policy-sent = Sent by you.
policy-delivered-personal = a message from a friend.
policy-rejected-disabled = the platform has disabled { $business }; it may not send anything until it is reviewed.
policy-rejected-sending-suspended = { $business } may not start conversations until { $until } after repeated violations.
policy-rejected-blocked = you blocked { $business }; nothing it sends reaches you.
policy-rejected-blocked-on = you blocked { $business } on { $on }; nothing it sends reaches you.
policy-rejected-template-not-approved = template '{ $template }' has not passed review ({ $review }).
policy-rejected-template-paused = template '{ $template }' is paused for low quality until { $until } { $time }.
policy-rejected-template-disabled = template '{ $template }' was disabled after repeated low quality.
policy-rejected-template-deleted = template '{ $template }' was deleted by its business.
policy-rejected-outside-service-window = free-form text from { $business } needs a message from you in the last { $hours ->
    [one] hour
   *[other] { $hours } hours
}.
policy-rejected-tier-limit = { $business } already reached its limit of { $limit ->
    [one] 1 person
   *[other] { $limit } people
} today.
policy-rejected-marketing-suspended = { $business } may not send offers until { $until }.
policy-held-all-offers-off = you turned all offers off.
policy-held-not-subscribed = an offer from { $business }, and you are not subscribed to its offers.
policy-held-before-subscribing = it came before you subscribed to { $business }'s offers; release it to read it.
policy-held-daily-cap = you already received { $count ->
    [one] 1 offer
   *[other] { $count } offers
} in the last { $hours ->
    [one] hour
   *[other] { $hours } hours
} (your limit is { $limit }).
policy-held-weekly-cap = { $business } already sent you { $count ->
    [one] 1 offer
   *[other] { $count } offers
} in the last { $days ->
    [one] day
   *[other] { $days } days
} (your limit is { $limit }).
policy-held-not-interested = you said Not interested to { $business }, so it may send you at most { $limit ->
    [one] 1 offer
   *[other] { $limit } offers
} every { $days ->
    [one] day
   *[other] { $days } days
}.
policy-held-quiet-hours = it arrived at { $time } your time ({ $zone }), in your quiet hours ({ $start }-{ $end }); it comes through when they end.
policy-template-approved = approved template
policy-template-approved-on = template approved on { $on }
policy-delivered-utility = utility message, { $approved }; utility is never capped.
policy-delivered-code = one-time code, { $approved }; codes are never capped.
policy-delivered-service-reply = a reply inside the { $hours }-hour window you opened by writing to { $business }.
policy-delivered-offer = an offer from { $business }, which you subscribe to; { $count } of your { $limit } daily offers and { $weekly } of { $weekly_limit } weekly from it.
policy-delivered-released = you released it from Held on { $on } (it was held: { $held }).
policy-waited-quiet-hours = { $sentence } It waited for your quiet hours to end.

## What a chat's header says about a business.
notice-until = until { $date }
notice-until-reviewed = until it is reviewed
notice-restriction-disabled = { $business } may not send you anything: the platform disabled it on { $since } { $until }.
notice-restriction-sending-suspended = { $business } may only reply to you, not start conversations, { $until }: the platform suspended it on { $since }.
notice-restriction-marketing-suspended = { $business } may not send you offers { $until }: the platform suspended its offers on { $since }.
notice-restriction-other = The platform restricted { $business } on { $since }.
notice-verified-business = Verified business
notice-unverified-business = Business, not verified
notice-blocked = { $who }. You blocked it ({ $reason }): nothing it sends reaches you.
notice-blocked-on = { $who }. You blocked it on { $on } ({ $reason }): nothing it sends reaches you.
notice-known = { $who }. Its updates on your orders, bookings and bills always reach you.
notice-known-restricted = { $who }.
notice-new = { $who }. You have not talked to it before.
notice-offers-line = Offers: { $offers }
notice-replies-until = You wrote to it: it may reply freely until { $date } { $time }.
notice-offers-restricted = you subscribed, but none reach you while the platform restricts it.
notice-offers-restricted-not-subscribed = not subscribed.
notice-offers-not-subscribed = not subscribed, so they are held (s subscribes).
notice-offers-all-off = subscribed, but all offers are off, so they are held.
notice-offers-not-interested = at most { $most ->
    [one] 1 offer
   *[other] { $most } offers
} { $days ->
    [1] a day
    [7] a week
   *[other] every { $days } days
} from { $business } until { $until }, because you said Not interested; + lifts it.
notice-offers-subscribed = you subscribed (at most { $most } { $days ->
    [1] a day
    [7] a week
   *[other] every { $days } days
} from it).

## What a business must do to recover.
advice-date-time = { $date } { $time }
advice-review-waiting = A review was asked on { $asked }: a platform reviewer reads the reports and decides; the decision and its reason will show here.
advice-reinstated = Reinstated by { $reviewer } on { $on }: "{ $reason }". The strikes before it still count for their window.
advice-confirmed = A reviewer, { $reviewer }, confirmed the restriction on { $on }: "{ $reason }".
advice-disabled = The business is disabled: nothing can be sent until the platform reviews it. Ask for a review; meanwhile fix what each strike names.
advice-disabled-review-asked = The business is disabled: nothing can be sent until the platform reviews it. Meanwhile fix what each strike names.
advice-replies-only = Only replies inside a service window until { $until }: business-initiated messages resume then, if no new strike comes first.
advice-no-offers = No offers until { $until }; utility and authentication templates still go out.
advice-tier-lowered = Reach at most { $limit ->
    [one] 1 person
   *[other] { $limit } people
} a day until { $until }.
advice-too-few-to-judge = too few people to judge
advice-quality = Quality { $quality }: bring blocks, reports and Not interested below { $below } of the people reached (now { $now }) for { $target }. Send offers only to people who subscribed, and fewer of them; signals older than { $days ->
    [one] 1 day
   *[other] { $days } days
} stop counting.
advice-too-few-people = Fewer than { $people ->
    [one] 1 person
   *[other] { $people } people
} reached in { $days ->
    [one] 1 day
   *[other] { $days } days
}: not enough recent data, so this rating has no consequence for now.
advice-low-brings-strike = { $days ->
    [one] 1 day
   *[other] { $days } days
} in a row at Low bring a strike (one for each spell at Low).
advice-template-paused = Template '{ $template }' is paused until { $until }; it resumes then with its quality measured afresh. Another low rating pauses it for longer.
advice-template-paused-last = Template '{ $template }' is paused until { $until }; it resumes then with its quality measured afresh. One more low rating disables it.
advice-template-disabled = Template '{ $template }' is disabled for good: write a new one that people want.
advice-strikes = { $count ->
    [one] 1 strike
   *[other] { $count } strikes
} in { $days } days; the oldest stops counting on { $ends }.
advice-strikes-next = { $strikes } The next strike brings: { $next }.
advice-nothing-to-recover = Nothing to recover: quality { $quality } and no restriction in force. Keep negative feedback below { $below } of the people you reach.

## Why a template cannot be sent with these parameters, or changed now.
template-parameters-missing = template '{ $template }' needs { $needed ->
    [one] 1 parameter
   *[other] { $needed } parameters
} ({ $placeholders }) and { $given ->
    [one] 1 was
   *[other] { $given } were
} given: give a value for each
template-parameters-extra = template '{ $template }' takes { $needed ->
    [one] 1 parameter
   *[other] { $needed } parameters
} and { $given ->
    [one] 1 was
   *[other] { $given } were
} given: leave out the extra values
template-revision-pause-ended = template { $template }'s pause has ended and it resumes at the platform's next review, within the hour; edit it after that
template-revision-deleted = template { $template } was deleted; submit a new template
template-revision-disabled = template { $template } was disabled after repeated low quality; it cannot be edited back into use: submit a new template
template-revision-paused = template { $template } is paused for low quality until { $date } { $time }; edit it after the pause
template-revision-not-rejected = only a rejected template is resubmitted, and { $template } is { $status }: edit it instead

## What a strike was for, and the restriction it brought.
strike-template-paused = Template '{ $template }' paused for { $hours ->
    [one] 1 hour
   *[other] { $hours } hours
} for low quality
strike-template-disabled = Template '{ $template }' disabled after repeated low quality
strike-low-quality = Quality Low for { $days ->
    [one] 1 day
   *[other] { $days } days
}
strike-reports = Reported by { $people ->
    [one] 1 person
   *[other] { $people } people
} in { $days ->
    [one] 1 day
   *[other] { $days } days
}
strike-restriction-reason = Strike { $count } in { $days } days: { $detail }
strike-tier-low-since = Quality Low since { $since }
strike-tier-unlimited = unlimited
strike-tier-reached = Reached { $people ->
    [one] 1 person
   *[other] { $people } people
} in { $hours } hours with quality { $quality }

## What automatic review found in a template.
review-passed = Passed every review rule.
review-body-length = The body has { $chars } characters; it must have 1 to { $max }.
review-placeholder-not-opened = A placeholder is closed with {"}}"} but never opened with {"{{"}.
review-placeholder-not-closed = A placeholder is opened with {"{{"} but never closed.
review-not-a-placeholder = "{"{{"}{ $inner }{"}}"}" is not a placeholder; use {"{{"}1{"}}"}, {"{{"}2{"}}"}...
review-too-many-placeholders = It has { $count } placeholders; at most { $max } are allowed.
review-placeholder-gap = Placeholders must be numbered from 1 without gaps; {"{{"}{ $missing }{"}}"} is missing.
review-forbidden-content = It contains forbidden content ("{ $phrase }").
review-service-not-template = Service replies are free-form text inside the service window; they need no template.
review-promotional-recategorised = Submitted as utility, but "{ $word }" is promotional: approved as marketing.
review-promotional-forbidden = Submitted as utility, but "{ $word }" is promotional, and re-categorisation was not allowed.
review-authentication-needs-code = An authentication template must carry the code as a placeholder ({"{{"}1{"}}"}).
review-authentication-link = An authentication template may not contain a link.
review-authentication-promotional = An authentication template may not be promotional ("{ $word }").

## A broadcast the budget cannot cover.
budget-insufficient = insufficient_budget: the broadcast needs { $needed } for { $eligible ->
    [one] 1 eligible person
   *[other] { $eligible } eligible people
} and the budget holds { $available }; { $shortfall } short
