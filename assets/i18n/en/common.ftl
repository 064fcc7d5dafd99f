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
