# Cómo escribe el español los números y las fechas.
number-group-separator = .
number-decimal-separator = ,
credits = { $amount } cr
percent = { $value } %
date-short = { $day } { $month }
date-day-time = { $weekday } { $day } { $month } { $time }
weekday-short = { $day ->
    [1] lun
    [2] mar
    [3] mié
    [4] jue
    [5] vie
    [6] sáb
   *[7] dom
}
month-short = { $month ->
    [1] ene
    [2] feb
    [3] mar
    [4] abr
    [5] may
    [6] jun
    [7] jul
    [8] ago
    [9] sept
    [10] oct
    [11] nov
   *[12] dic
}
language-name = Español
