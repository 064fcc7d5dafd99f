# The inbox.

## Help and footers: what each mode and command is.
inbox-mode-chat-list = Chat list
inbox-mode-open-chat = Open chat
inbox-mode-writing-a-message = Writing a message
inbox-mode-held-tab = Held tab
inbox-mode-subscriptions = Subscriptions
inbox-mode-business-profile = Business profile
inbox-mode-settings = Settings
inbox-mode-help = Help
inbox-mode-notices = Notices
inbox-mode-search = Search
inbox-mode-finding-in-a-chat-or-in-subscriptions = Finding (/ in a chat or in Subscriptions)
inbox-mode-dialogs-why-report-block-first-contac = Dialogs (Why?, report, block, first contact)
inbox-mode-command-line = Command line (:)
inbox-cmd-page-down = page down
inbox-cmd-page-up = page up
inbox-cmd-switch-pane = switch pane
inbox-cmd-next-unread = next unread
inbox-cmd-next-tab = next tab
inbox-cmd-previous-tab = previous tab
inbox-cmd-tab-all = tab: all
inbox-cmd-tab-unread = tab: unread
inbox-cmd-tab-personal = tab: personal
inbox-cmd-tab-business = tab: business
inbox-cmd-tab-offers = tab: offers
inbox-cmd-tab-held = tab: held
inbox-cmd-tab-archived = tab: archived
inbox-cmd-mark-read-unread = mark read / unread
inbox-cmd-mute-unmute = mute / unmute
inbox-cmd-archive-unarchive = archive / unarchive
inbox-cmd-subscribe-unsubscribe = subscribe / unsubscribe
inbox-cmd-block-unblock = block / unblock
inbox-cmd-why-did-its-last-message-reach-me = why did its last message reach me?
inbox-cmd-business-profile = business profile
inbox-cmd-all-subscriptions = all subscriptions
inbox-cmd-previous-message = previous message
inbox-cmd-next-message = next message
inbox-cmd-first-loaded-message = first loaded message
inbox-cmd-last-message = last message
inbox-cmd-why-did-this-reach-me = why did this reach me?
inbox-cmd-interested-offers = interested (offers)
inbox-cmd-not-interested-offers = not interested (offers)
inbox-cmd-copy-the-message-of-a-code-just-the-co = copy the message (of a code, just the code)
inbox-cmd-find-in-this-chat = find in this chat
inbox-cmd-next-hit-older-without-a-find-next-unr = next hit, older (without a find: next unread)
inbox-cmd-next-hit-newer = next hit, newer
inbox-cmd-clear-the-find-back-to-the-list = clear the find / back to the list
inbox-cmd-new-line = new line
inbox-cmd-write-in-editor = write in $EDITOR
inbox-cmd-delete-a-character = delete a character
inbox-cmd-delete-the-character-under-the-cursor = delete the character under the cursor
inbox-cmd-delete-the-word-before-the-cursor = delete the word before the cursor
inbox-cmd-delete-to-the-start-of-the-line = delete to the start of the line
inbox-cmd-delete-to-the-end-of-the-line = delete to the end of the line
inbox-cmd-cursor-left = cursor left
inbox-cmd-cursor-right = cursor right
inbox-cmd-a-word-left = a word left
inbox-cmd-a-word-right = a word right
inbox-cmd-start-of-the-line = start of the line
inbox-cmd-end-of-the-line = end of the line
inbox-cmd-line-up = line up
inbox-cmd-line-down = line down
inbox-cmd-release-into-the-chat = release into the chat
inbox-cmd-undo-the-delete = undo the delete
inbox-cmd-delete-all-from-this-business = delete all from this business
inbox-cmd-why-was-it-held = why was it held?
inbox-cmd-back-to-all-chats = back to all chats
inbox-cmd-all-offers-on-off = all offers on / off
inbox-cmd-find-a-business-by-name = find a business by name
inbox-cmd-open-the-chat = open the chat
inbox-cmd-less-previous = less / previous
inbox-cmd-more-next = more / next
inbox-cmd-next-region-of-time-zones = next region of time zones
inbox-cmd-previous-region-of-time-zones = previous region of time zones
inbox-cmd-scroll-down = scroll down
inbox-cmd-scroll-up = scroll up
inbox-cmd-close-help = close help
inbox-cmd-close-notices = close notices
inbox-cmd-jump-to-it = jump to it
inbox-cmd-next-result = next result
inbox-cmd-previous-result = previous result
inbox-cmd-delete-a-word = delete a word
inbox-cmd-delete-to-the-start = delete to the start
inbox-cmd-next-option = next option
inbox-cmd-previous-option = previous option
inbox-cmd-switch-also-block = switch (also block)
inbox-cmd-cancel-close = cancel / close
inbox-cmd-also-block = also block
inbox-cmd-send-report = send report
inbox-cmd-delete-them = delete them
inbox-cmd-keep-them = keep them
inbox-cmd-decide-later = decide later
inbox-cmd-why = why?
inbox-cmd-not-interested = not interested
inbox-cmd-older-hit = older hit
inbox-cmd-newer-hit = newer hit
inbox-cmd-clear-find = clear find
inbox-cmd-clock-1-day = clock +1 day
inbox-cmd-down = down
inbox-cmd-up = up
inbox-cmd-first = first
inbox-cmd-last = last
inbox-cmd-open = open
inbox-cmd-re-sort = re-sort
inbox-cmd-search = search
inbox-cmd-reply = reply
inbox-cmd-report = report
inbox-cmd-settings = settings
inbox-cmd-quit = quit
inbox-cmd-send = send
inbox-cmd-undo = undo
inbox-cmd-redo = redo
inbox-cmd-cancel = cancel
inbox-cmd-delete = delete
inbox-cmd-back = back
inbox-cmd-switch = switch
inbox-cmd-top = top
inbox-cmd-end = end
inbox-cmd-close = close
inbox-cmd-find = find
inbox-cmd-run = run
inbox-cmd-complete = complete
inbox-cmd-confirm = confirm
inbox-cmd-reason = reason
inbox-cmd-block = block
inbox-cmd-choose = choose
inbox-cmd-unblock = unblock
inbox-cmd-profile = profile
inbox-cmd-interested = interested
inbox-cmd-unsubscribe = unsubscribe
inbox-cmd-subscribe = subscribe

## Titles and the status bar.
inbox-title-line = Parley · { $title }
inbox-title-subscriptions = Subscriptions: who may send you offers
inbox-title-profile = Business profile
inbox-title-settings = Settings
inbox-title-help = Help: every key
inbox-title-notices = Notices: what Parley said, newest first
inbox-status-read-all = { $key }: read all
inbox-status-no-unread = no unread
inbox-status-unread = { $chats ->
    [one] 1 chat
   *[other] { $chats } chats
    } unread · { $messages ->
    [one] 1 message
   *[other] { $messages } messages
    }
inbox-status-held = { $count } held

## The chat list.
inbox-list-empty-unread = Nothing unread. All caught up.
inbox-list-empty-archived = No archived chats. Archive one with a.
inbox-list-empty-offers = No offers delivered. Subscriptions decide who may send them.
inbox-list-empty-server = No chats here yet. Messages appear here as soon as the server accepts them.
inbox-list-empty-demo = No chats here yet. Move the clock with t (an hour) or T (a day).
inbox-mark-blocked = blocked
inbox-mark-new = new
inbox-mark-muted = muted
inbox-mark-archived = archived
inbox-list-no-messages = no messages
inbox-list-preview-mine = You: { $text }

## Why?
inbox-why-outcome = Outcome
inbox-why-rule = Rule
inbox-why-why = Why
inbox-why-from = From
inbox-why-category = Category
inbox-why-template = Template
inbox-why-sent = Sent
inbox-why-delivered = Delivered
inbox-why-read = Read
inbox-why-feedback = Your feedback
inbox-why-sent-by-you = Sent by you
inbox-why-from-friend = { $name } (a friend)
inbox-why-from-verified = { $name } (verified business)
inbox-why-from-unverified = { $name } (business, not verified)
inbox-why-template-approved = '{ $name }', approved { $date }
inbox-why-no-template = none: a free-form reply
inbox-why-not-yet = not yet
inbox-why-title = Why? Message from { $name }
inbox-why-close = Esc close
inbox-why-no-message = Why? acts on a message: open a chat or select one that has one.
inbox-you = You

## What the controls say.
inbox-marked-read = Marked as read.
inbox-marked-unread = Marked as unread.
inbox-muted = Muted: no notifications, not counted as unread.
inbox-unmuted = Unmuted.
inbox-archived = Archived: find it under the Archived tab (7).
inbox-unarchived = Moved back to the inbox.
inbox-all-offers-on = Offers on: businesses you subscribe to may send offers again.
inbox-all-offers-off = All offers off: every offer is held, whatever your subscriptions.
inbox-select-a-chat = Select a chat first.
inbox-personal-chat-no-subscriptions = This is a personal chat: b blocks and ! reports a friend, but subscriptions are for businesses.
inbox-unsubscribed = Unsubscribed from { $name }: its next offers will be held (not_subscribed).
inbox-subscribed = Subscribed to { $name }'s offers (at most { $cap } a week).
inbox-subscribed-still-blocked = Subscribed to { $name }'s offers (at most { $cap } a week). It is still blocked, so nothing reaches you.
inbox-unblocked-business = Unblocked { $name }: its messages go through the rules again.
inbox-reply-business-blocked = You blocked { $name }; unblock it (b) to write to it.
inbox-reply-person-blocked = You blocked { $name }; unblock them (b) to write to them.
inbox-feedback-no-message = Open a chat and pick an offer (j/k) to give feedback.
inbox-feedback-not-an-offer = Interested / Not interested is for offers; this message is not one.
inbox-feedback-interested = Interested: { $offers }
inbox-feedback-not-interested = Not interested: { $offers } It counts against { $name }'s quality.

## Held.
inbox-held-title = Held
inbox-held-empty = Nothing held. Offers over your caps, from businesses you do not subscribe to, or in your quiet hours wait here.
inbox-held-message = Held message
inbox-held-explained = The rules hold back offers you did not ask for. Nothing is lost: each one waits here with its reason until you release or delete it.
inbox-held-why-it-waits = Why it waits here

## The open chat.
inbox-chat-none-open = No chat open
inbox-chat-none-hint = Pick a chat on the left and press Enter. Business chats carry a { $mark } mark; ? lists every key.
inbox-chat-person-reported = You reported { $name } on { $date } ({ $reason }).
inbox-chat-person-blocked = You blocked { $name } on { $date }: their messages do not reach you; b unblocks.
inbox-chat-released = released from Held
inbox-chat-unknown-template = unknown template
inbox-chat-no-text = this message has no text
inbox-chat-no-messages = No messages yet.
inbox-chat-earlier = { $count ->
    [one] 1 earlier message
   *[other] { $count } earlier messages
    } (k to scroll up)
inbox-chat-newer = { $count } newer (G for the newest)
inbox-chat-new-messages = new messages

## The block and report dialogs.
inbox-block-person-explained = { $name }'s messages will no longer reach you: what they send from now on is not kept. { $name } is not told. You can unblock them at any time.
inbox-block-business-explained = Nothing { $name } sends will reach you: not offers, not updates, not codes. Its attempts are only logged, without their text. You can unblock it at any time.
inbox-block-why-person = Why are you blocking them?
inbox-block-why-business = Why are you blocking it?
inbox-block-keys = Enter block · Esc cancel
inbox-block-title = Block { $name }?
inbox-report-why-business = Why are you reporting it?
inbox-report-why-person = Why are you reporting them?
inbox-report-also-block = also block { $name }
inbox-report-space = space
inbox-report-evidence = Evidence sent with the report: the last { $count ->
    [one] 1 message
   *[other] { $count } messages
    }
inbox-report-no-evidence = no messages in this chat
inbox-report-keys = Enter send report · Esc cancel
inbox-report-title = Report { $name }

## Tabs, find, search and the command line.
inbox-app-name = Parley
inbox-tab-personal-short = Pers
inbox-tab-business-short = Biz
inbox-tab-archived-short = Arch
inbox-find-prompt = Find in this chat:
inbox-find-summary = hit { $hit } of { $hits } for “{ $query }”
inbox-search-title = Search chats and messages
inbox-search-hint = Type to search names and messages; Enter jumps there.
inbox-search-no-match = No match.
inbox-search-chat = chat
inbox-search-searching-older = searching older
inbox-search-messages = { $count ->
    [one] 1 message
   *[other] { $count } messages
    }
inbox-search-more-than-messages = more than { $count ->
    [one] 1 message
   *[other] { $count } messages
    }
inbox-search-found = Search: { $chats ->
    [one] 1 chat
   *[other] { $chats } chats
    } · { $messages }
inbox-command-more = { $count } more: type to narrow, Tab to step

## Dialogs.
inbox-delete-held-explained = Delete { $count ->
    [one] 1 held message
   *[other] { $count } held messages
    } from { $name }? They leave Held for good; its next messages still go through your rules. You can undo for a few seconds.
inbox-delete-held-keys = Enter delete · Esc keep them
inbox-delete-held-title = Delete { $count ->
    [one] 1 held message
   *[other] { $count } held messages
    }?
inbox-first-contact-verified = { $name } is a verified business. You have not talked to it before: do you want to continue with it? Esc shows its message first.
inbox-first-contact-unverified = { $name } is a business that is not verified. You have not talked to it before: do you want to continue with it? Esc shows its message first.
inbox-first-contact-keys = j/k choose · Enter confirm · Esc decide later
inbox-first-contact-title = New business: { $name }
inbox-first-contact-continue = Continue
inbox-first-contact-block = Block
inbox-first-contact-report = Report
inbox-notices-empty = No notices yet. What Parley says in the status bar is kept here in full.

## The business profile.
inbox-profile-not-verified = not verified
inbox-profile-offers = Your offers
inbox-profile-no = no
inbox-profile-blocked-since = yes ({ $reason }), since { $date }
inbox-profile-reported-on = yes ({ $reason }), on { $date }
inbox-profile-blocked = Blocked
inbox-profile-reported = Reported
inbox-profile-sent = What it sent you
inbox-profile-nothing-yet = nothing yet
inbox-profile-restrictions = Restrictions in force
inbox-profile-none = none
inbox-profile-rejected = Latest rejected attempts

## Subscriptions.
inbox-subs-title = Businesses and their offers
inbox-subs-all-on = all offers on: subscribed businesses may send offers
inbox-subs-all-off = all offers off: every offer is held
inbox-subs-always = Updates, bills and codes reach you whatever you choose here.
inbox-subs-subscribed = subscribed
inbox-subs-not-subscribed = not subscribed
inbox-subs-find-prompt = Find a business:
inbox-subs-find-hint = finds a business by name, to subscribe before it writes
inbox-subs-found = { $count ->
    [one] 1 business
   *[other] { $count } businesses
    } · esc shows all
inbox-subs-empty = No business yet: with a server, its directory arrives with the next sync.
inbox-subs-no-match = No business's name contains “{ $filter }”.

## What the inbox says as it works.
inbox-store-no-user = this store has no user
inbox-connection-offline = offline · demo world
inbox-connection-connecting = connecting
inbox-clock-with-server = With a server, the clock is the real one; t and T move the demo world's clock.
inbox-clock-nothing-new = nothing new
inbox-clock-new = { $count } new
inbox-clock-held = { $count } held
inbox-clock-new-and-held = { $new } new, { $held } held
inbox-clock-moved = Clock moved to { $at }: { $what }.
inbox-clock-moved-week-over = Clock moved to { $at }: { $what }. The demo week is over: to start it again, quit and run `parley world reset`.
inbox-compose-nothing-to-undo = Nothing to undo.
inbox-compose-nothing-to-redo = Nothing to redo.
inbox-compose-too-long = This message has { $chars } characters; at most { $most } fit in one. Shorten it, then send.
inbox-compose-sent = Sent. The business may now reply freely for { $hours } hours.
inbox-copy-off = Copying is off in Settings
inbox-copy-nothing-selected = No message is selected to copy.
inbox-copy-code = Copied the code { $code }
inbox-copy-message = Copied the message, { $count ->
    [one] 1 character
   *[other] { $count } characters
    }
inbox-reported = Reported { $name } ({ $reason }) with { $count ->
    [one] 1 message
   *[other] { $count } messages
    } as evidence{ $blocked ->
    [business] { " " }and blocked it
    [person] { " " }and blocked them
   *[no] { "" }
    }.
inbox-blocked-business = Blocked { $name }: nothing it sends reaches you. Unblock with b.
inbox-blocked-person = Blocked { $name }: their messages no longer reach you. Unblock with b.
inbox-dialog-key-does-nothing = That key does nothing in this dialog: answer it, or close it.
inbox-first-contact-accepted = You can now read and answer this business; its offers still need your subscription (s).
inbox-this-tab = This is the { $tab } tab.
inbox-find-no-chat = Open a chat first: / there finds text in it.
inbox-resorted = The list is sorted again.
inbox-profile-personal-chat = Profiles are for businesses; this is a personal chat.
inbox-help-top = This is the top of help.
inbox-help-end = This is the end of help.
inbox-profile-no-chat = No chat with this business yet.
inbox-nothing-to-go-back-to = Nothing to go back to: this is the chat list.
inbox-end-none = There is no { $what ->
    [business] business
    [held] held message
    [chat] chat
    [message] message of this chat
    [choice] choice
   *[setting] setting
    } here.
inbox-end-first = This is the first { $what ->
    [business] business
    [held] held message
    [chat] chat
    [message] message of this chat
    [choice] choice
   *[setting] setting
    }.
inbox-end-last = This is the last { $what ->
    [business] business
    [held] held message
    [chat] chat
    [message] message of this chat
    [choice] choice
   *[setting] setting
    }.
inbox-no-unread-chats = No unread chats.
inbox-find-no-match = No message in this chat contains “{ $query }”
inbox-find-nothing-again = Nothing to find again: / finds text in this chat.
inbox-find-round-again = round again
inbox-held-released = Released into your chat with { $name }.
inbox-held-brought-back = Brought back { $count ->
    [one] 1 held message
   *[other] { $count } held messages
    } from { $name }.
inbox-held-nothing-to-undo = Nothing to undo: u brings back what you deleted in Held a moment ago.
inbox-held-deleted = Deleted { $count ->
    [one] 1 held message
   *[other] { $count } held messages
    } from { $name } · u undo
inbox-held-nothing = Nothing is held.
inbox-unblocked-person = Unblocked { $name }: their messages reach you again.
inbox-subs-no-match-esc = No business's name contains “{ $filter }”; Esc shows them all again.
inbox-command-unknown = There is no command :{ $name }. Press : then Tab to see every command; ? lists every key.
inbox-command-takes-nothing = :{ $name } takes nothing after it; only block, subscribe, report and profile take a business's name.
inbox-command-no-business = No business you have a chat with is called "{ $name }".
inbox-command-already-blocked = { $name } is already blocked; :block with nothing after it unblocks it.
inbox-settings-pages-on-zone = PgUp and PgDn jump between regions on the Time zone row.
inbox-settings-lowest = This setting is at its lowest.
inbox-settings-highest = This setting is at its highest.

## Settings.
inbox-settings-title = Settings (saved as you change them)
inbox-settings-offers = Offers
inbox-settings-interface = Interface
inbox-settings-quiet-zone = Quiet hours are in your time zone ({ $zone }).
inbox-settings-quiet-explained = They hold offers until they end; updates and codes still arrive.
inbox-settings-on = on
inbox-settings-off = off
inbox-settings-quiet-same = { $hour } (same as start: off)
inbox-settings-daily-cap = Offers a day, all businesses
inbox-settings-weekly-cap = Offers a week, from one business
inbox-settings-quiet-start = Quiet hours start
inbox-settings-quiet-end = Quiet hours end
inbox-settings-zone = Time zone (quiet hours follow it)
inbox-settings-zone-unset = UTC (not set)
inbox-settings-all-offers = All offers
inbox-settings-notifications = Notifications for new messages
inbox-settings-notify-bell = bell
inbox-settings-notify-desktop = desktop
inbox-settings-mouse = Mouse (takes over text selection)
inbox-settings-copy = Copy with y (terminal clipboard)
inbox-settings-order = Chat order
inbox-settings-order-unread = unread first
inbox-settings-order-recent = most recent
inbox-settings-language = Language
inbox-settings-language-from-settings = chosen here
inbox-settings-language-from-config = config.toml
inbox-settings-language-from-environment = from the environment
inbox-settings-language-from-default = default
inbox-language-unavailable = Parley has no catalogue for the language “{ $tag }”, so it speaks English. Add one in <config dir>/i18n/{ $tag }/, or choose a language in Settings.
inbox-language-problem = A catalogue file of yours has mistakes: { $problem }. Fix the file; the rest of the catalogue is in use.
inbox-sync-stopped = sync stopped: { $error }
inbox-profile-outcome = { $outcome ->
    [hold] held
    [reject] rejected
   *[deliver] delivered
    }
