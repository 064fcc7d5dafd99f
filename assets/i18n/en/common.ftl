# How English writes numbers and dates. A language added in the config directory gives its
# own values for these.
number-group-separator = ,
number-decimal-separator = .
credits = { $amount } cr
percent = { $value } %
date-short = { $day } { $month }
date-day-time = { $weekday } { $day } { $month } { $time }
weekday-short = { $day ->
    [1] Mon
    [2] Tue
    [3] Wed
    [4] Thu
    [5] Fri
    [6] Sat
   *[7] Sun
}
month-short = { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
}
# The language's own name, as the Settings row shows it.
language-name = English

## The words for the model's codes.
outcome-deliver = Delivered
outcome-hold = Held
outcome-reject = Rejected
feedback-interested = Interested
feedback-not-interested = Not interested
delivery-sending = sending
delivery-sent = sent
delivery-delivered = delivered
delivery-read = read
chat-filter-all = All
chat-filter-unread = Unread
chat-filter-personal = Personal
chat-filter-business = Business
chat-filter-offers = Offers
chat-filter-archived = Archived
block-reason-no-longer-needed = No longer needed
block-reason-person-no-longer-wanted = No longer wanted
block-reason-didnt-sign-up = Didn't sign up
block-reason-spam = Spam
block-reason-offensive = Offensive
block-reason-no-reason = No reason
report-reason-spam = Spam
report-reason-scam = Scam or fraud
report-reason-offensive = Offensive or threatening
report-reason-didnt-sign-up = Didn't sign up for this
report-reason-other = Something else
category-marketing = Offer
category-utility = Update
category-authentication = Code
category-service = Reply
business-kind-transport = Transport
business-kind-delivery = Parcel delivery
business-kind-energy = Energy
business-kind-bank = Bank
business-kind-shop = Shop
business-kind-grocery = Supermarket
business-kind-finance = Lending
business-kind-other = Business
quality-high = High
quality-medium = Medium
quality-low = Low
restriction-warning = Warning
restriction-tier-lowered = Messaging tier lowered one step
restriction-marketing-suspended = Marketing suspended
restriction-sending-suspended = Business-initiated sending suspended
restriction-disabled = Business disabled
verdict-reinstated = Reinstated
verdict-confirmed = Restriction confirmed
reason-for-business-business-suspended = your sending is suspended
reason-for-business-blocked-by-user = the person blocked you
reason-for-business-template-not-approved = the template is not approved
reason-for-business-template-paused = the template is paused
reason-for-business-template-disabled = the template is disabled
reason-for-business-template-deleted = the template was deleted
reason-for-business-outside-service-window = no open service window
reason-for-business-tier-limit-reached = over your daily messaging tier
reason-for-business-marketing-suspended = your marketing is suspended
reason-for-business-not-subscribed = not subscribed to your offers
reason-for-business-user-marketing-cap = their limit of offers is reached
reason-for-business-not-interested-recently = they said Not interested lately
reason-for-business-quiet-hours = in their quiet hours; sent when they end
reason-for-business-delivered = delivered

## Commands every app has.
kit-cmd-help = help
kit-cmd-notices = notices
kit-cmd-command-line = command line (Tab completes)
kit-cmd-advance-hour = clock +1 hour
kit-cmd-advance-day = clock +1 day
kit-cmd-quit = quit
kit-help-everywhere = Everywhere

## The terminal kit.
kit-badge-business = [BUSINESS]
kit-mark-business = [biz]
kit-mark-verified = ✓verified
kit-help-title = Keys (change them in config.toml under [keys.<mode>])
kit-help-more-above = more above
kit-help-more-below = more below
kit-too-small = Terminal too small: { $size }. { $what } needs at least { $least }.
kit-editor-not-set = $EDITOR is not set: set it (e.g. EDITOR=nano) to write messages in your editor.
kit-editor-cannot-write = Could not write the message for { $editor }: { $error }.
kit-editor-cannot-read = Could not read back what { $editor } wrote: { $error }.
kit-editor-cannot-start = Could not start { $editor }: { $error }. The message is unchanged.
kit-editor-failed = { $editor } ended with { $status }; the message is unchanged.
kit-notify-new-message = New message
kit-notify-desktop = Parley: { $text }
kit-keys-not-a-table = [keys.{ $mode }] must be a table of key = "action"
kit-keys-unknown-mode = unknown mode [keys.{ $mode }]; modes are global, { $modes }
kit-keys-action-not-text = [keys.{ $mode }] { $key }: the action must be a string
kit-keys-not-a-key = [keys.{ $mode }]: `{ $key }` is not a key
kit-keys-unknown-action = [keys.{ $mode }] { $key }: unknown action `{ $action }`
kit-render-quote-not-closed = a quoted text in --keys is not closed
kit-render-not-a-key = `{ $word }` is not a key (see the key names in assets/keymap.toml)
kit-theme-unknown-style = [theme]: unknown style `{ $name }`; styles are { $styles }
kit-theme-not-a-colour = [theme] { $name }: `{ $text }` is not a colour
kit-run-no-business-named = no business named { $name }; the businesses are { $known }
kit-render-unknown-screen = unknown screen `{ $screen }`; screens are { $screens }
kit-render-not-a-span = `{ $advance }` is not a span of time; write it like 1d4h

## Syncing with a server, as the status line says it.
sync-token-refused = The server refused this token, so Parley stopped syncing; what you see is the copy on this computer. Ask the server's operator for a new token (`parley serve add-user NAME` prints one) and start Parley with --token T.
sync-status-token-refused = token refused · not syncing
sync-status-last-sync = last sync { $at }
sync-status-synced = synced { $at }
sync-status-offline-retry = offline · retry in { $seconds }s{ $last }
sync-status-refused-retry = refused · retry in { $seconds }s{ $last }
sync-status-syncing = syncing…
sync-status-online = online{ $last }

## The local store's errors.
store-error-not-a-database = { $path } is not a Parley database: it is not SQLite, or it is damaged beyond reading. Parley left it untouched. Move it aside (or point --data-dir elsewhere) and start again.
store-error-foreign = { $path } is a SQLite database of another program. Parley left it untouched. Point --data-dir (or PARLEY_DATA_DIR) at another directory.
store-error-newer-schema = { $path } was written by a newer Parley (schema version { $found }; this one knows up to { $known }). Parley left it untouched. Run the newer Parley, or use another --data-dir.
store-error-corrupt = { $path } is damaged ({ $detail }). Parley stopped before changing anything. Keep a copy of the file, then move it aside to start afresh.
store-error-busy = { $path } is in use by another Parley; close it and try again
store-error-disk-full = { $path }: the disk is full; free some space on it (or move --data-dir to another disk) and try again
store-error-cannot-open = cannot open { $path }: { $detail }
store-error-database = database error: { $detail }

## A length of time ("23 h 5 min").
duration-under-a-minute = under a minute
duration-hours-minutes = { $hours ->
        [0] { $minutes } min
       *[other] { $minutes ->
            [0] { $hours } h
           *[other] { $hours } h { $minutes } min
        }
    }
