# policy: por qué las reglas entregaron, retuvieron o rechazaron un mensaje, y lo que dicen de
# una empresa. Las fechas llegan escritas ("3 dic"); los números eligen el plural.

## Una decisión: el resultado y después el porqué.
policy-sentence = { $outcome }: { $reason }
policy-sent = Enviado por ti.
policy-delivered-personal = un mensaje de un contacto.
policy-rejected-disabled = la plataforma ha inhabilitado a { $business }; no puede enviar nada hasta que se revise.
policy-rejected-sending-suspended = { $business } no puede iniciar conversaciones hasta el { $until } por infracciones repetidas.
policy-rejected-blocked = bloqueaste a { $business }; nada de lo que envía te llega.
policy-rejected-blocked-on = bloqueaste a { $business } el { $on }; nada de lo que envía te llega.
policy-rejected-template-not-approved = la plantilla «{ $template }» no ha superado la revisión ({ $review ->
    [forbidden_content] contenido prohibido
    [body_length] longitud del texto
    [placeholders] marcadores de posición
    [service_not_template] una respuesta no es una plantilla
    [authentication_needs_code] le falta el código
    [authentication_content] contenido de autenticación
    [promotional_recategorised] promocional, recategorizada
    [promotional_not_allowed] promoción no permitida
   *[other] { $review }
}).
policy-rejected-template-paused = la plantilla «{ $template }» está en pausa por baja calidad hasta el { $until } a las { $time }.
policy-rejected-template-disabled = la plantilla «{ $template }» se inhabilitó por baja calidad repetida.
policy-rejected-template-deleted = su empresa eliminó la plantilla «{ $template }».
policy-rejected-outside-service-window = el texto libre de { $business } necesita un mensaje tuyo { $hours ->
    [one] en la última hora
   *[other] en las últimas { $hours } horas
}.
policy-rejected-tier-limit = { $business } ya alcanzó hoy su límite de { $limit ->
    [one] 1 persona
   *[other] { $limit } personas
}.
policy-rejected-marketing-suspended = { $business } no puede enviar ofertas hasta el { $until }.
policy-held-all-offers-off = desactivaste todas las ofertas.
policy-held-not-subscribed = una oferta de { $business }, y no te has suscrito a sus ofertas.
policy-held-before-subscribing = llegó antes de que te suscribieras a las ofertas de { $business }; libéralo para leerlo.
policy-held-daily-cap = ya recibiste { $count ->
    [one] 1 oferta
   *[other] { $count } ofertas
} { $hours ->
    [one] en la última hora
   *[other] en las últimas { $hours } horas
} (tu límite es { $limit }).
policy-held-weekly-cap = { $business } ya te envió { $count ->
    [one] 1 oferta
   *[other] { $count } ofertas
} { $days ->
    [one] en el último día
   *[other] en los últimos { $days } días
} (tu límite es { $limit }).
policy-held-not-interested = le dijiste No me interesa a { $business }, así que puede enviarte como mucho { $limit ->
    [one] 1 oferta
   *[other] { $limit } ofertas
} { $days ->
    [one] al día
   *[other] cada { $days } días
}.
policy-held-quiet-hours = llegó a las { $time } en tu hora ({ $zone }), en tus horas de silencio ({ $start }-{ $end }); te llegará cuando terminen.
policy-template-approved = plantilla aprobada
policy-template-approved-on = plantilla aprobada el { $on }
policy-delivered-utility = aviso, { $approved }; los avisos nunca tienen límite.
policy-delivered-code = código de un solo uso, { $approved }; los códigos nunca tienen límite.
policy-delivered-service-reply = una respuesta dentro de la ventana de atención de { $hours } { $hours ->
    [one] hora
   *[other] horas
} que abriste al escribir a { $business }.
policy-delivered-offer = una oferta de { $business }, a cuyas ofertas te suscribiste; { $count } de tus { $limit } ofertas diarias y { $weekly } de { $weekly_limit } semanales de esta empresa.
policy-delivered-released = lo liberaste de Retenidos el { $on } (estaba retenido: { $held ->
    [quiet_hours] horas de silencio
    [not_subscribed] sin suscripción
    [user_marketing_cap] límite de ofertas
    [not_interested_recently] No me interesa
   *[other] { $held }
}).
policy-waited-quiet-hours = { $sentence } Esperó a que terminaran tus horas de silencio.

## Lo que dice de una empresa la cabecera de su chat.
notice-until = hasta el { $date }
notice-until-reviewed = hasta que se revise
notice-restriction-disabled = { $business } no puede enviarte nada: la plataforma la inhabilitó el { $since } { $until }.
notice-restriction-sending-suspended = { $business } solo puede responderte, no iniciar conversaciones, { $until }: la plataforma la suspendió el { $since }.
notice-restriction-marketing-suspended = { $business } no puede enviarte ofertas { $until }: la plataforma suspendió sus ofertas el { $since }.
notice-restriction-other = La plataforma restringió a { $business } el { $since }.
notice-verified-business = Empresa verificada
notice-unverified-business = Empresa no verificada
notice-blocked = { $who }. La bloqueaste ({ $reason }): nada de lo que envía te llega.
notice-blocked-on = { $who }. La bloqueaste el { $on } ({ $reason }): nada de lo que envía te llega.
notice-known = { $who }. Sus avisos de pedidos, reservas y facturas siempre te llegan.
notice-known-restricted = { $who }.
notice-new = { $who }. No has hablado con ella antes.
notice-offers-line = Ofertas: { $offers }
notice-replies-until = Le escribiste: puede responderte libremente hasta el { $date } a las { $time }.
notice-offers-restricted = te suscribiste, pero no te llega ninguna mientras la plataforma la restrinja.
notice-offers-restricted-not-subscribed = sin suscripción.
notice-offers-not-subscribed = sin suscripción, así que se retienen (s para suscribirte).
notice-offers-all-off = tienes la suscripción, pero todas las ofertas están desactivadas, así que se retienen.
notice-offers-not-interested = como mucho { $most ->
    [one] 1 oferta
   *[other] { $most } ofertas
} { $days ->
    [1] al día
    [7] a la semana
   *[other] cada { $days } días
} de { $business } hasta el { $until }, porque dijiste No me interesa; + lo quita.
notice-offers-subscribed = te suscribiste (como mucho { $most } { $days ->
    [1] al día
    [7] a la semana
   *[other] cada { $days } días
} de esta empresa).

## Lo que una empresa debe hacer para recuperarse.
advice-date-time = { $date } a las { $time }
advice-review-waiting = Se pidió una revisión el { $asked }: un revisor de la plataforma lee los reportes y decide; la decisión y su motivo aparecerán aquí.
advice-reinstated = { $reviewer } la rehabilitó el { $on }: «{ $reason }». Las faltas anteriores siguen contando durante su plazo.
advice-confirmed = Un revisor, { $reviewer }, confirmó la restricción el { $on }: «{ $reason }».
advice-disabled = La empresa está inhabilitada: no se puede enviar nada hasta que la plataforma la revise. Pide una revisión; mientras tanto, corrige lo que señala cada falta.
advice-disabled-review-asked = La empresa está inhabilitada: no se puede enviar nada hasta que la plataforma la revise. Mientras tanto, corrige lo que señala cada falta.
advice-replies-only = Solo respuestas dentro de una ventana de atención hasta el { $until }: los mensajes por iniciativa de la empresa se reanudan entonces, si antes no llega otra falta.
advice-no-offers = Sin ofertas hasta el { $until }; las plantillas de avisos y de autenticación siguen saliendo.
advice-tier-lowered = Llega como mucho a { $limit ->
    [one] 1 persona
   *[other] { $limit } personas
} al día hasta el { $until }.
advice-too-few-to-judge = muy pocas personas para juzgar
advice-quality = Calidad { $quality }: baja los bloqueos, reportes y No me interesa por debajo del { $below } de las personas alcanzadas (ahora { $now }) para llegar a { $target }. Envía ofertas solo a quien se suscribió, y envía menos; las señales de hace más de { $days ->
    [one] 1 día
   *[other] { $days } días
} dejan de contar.
advice-too-few-people = Menos de { $people ->
    [one] 1 persona
   *[other] { $people } personas
} alcanzadas en { $days ->
    [one] 1 día
   *[other] { $days } días
}: no hay datos recientes suficientes, así que esta calificación no tiene consecuencias por ahora.
advice-low-brings-strike = { $days ->
    [one] 1 día seguido
   *[other] { $days } días seguidos
} en calidad Baja suponen una falta (una por cada racha en Baja).
advice-template-paused = La plantilla «{ $template }» está en pausa hasta el { $until }; se reanuda entonces con su calidad medida de nuevo. Otra calificación baja la pausa más tiempo.
advice-template-paused-last = La plantilla «{ $template }» está en pausa hasta el { $until }; se reanuda entonces con su calidad medida de nuevo. Una calificación baja más la inhabilita.
advice-template-disabled = La plantilla «{ $template }» está inhabilitada para siempre: escribe una nueva que la gente quiera.
advice-strikes = { $count ->
    [one] 1 falta
   *[other] { $count } faltas
} en { $days } días; la más antigua deja de contar el { $ends }.
advice-strikes-next = { $strikes } La próxima falta supone: { $next }.
advice-nothing-to-recover = Nada que recuperar: calidad { $quality } y ninguna restricción en vigor. Mantén las opiniones negativas por debajo del { $below } de las personas a las que llegas.

## Por qué una plantilla no se puede enviar con estos parámetros, o cambiar ahora.
template-parameters-missing = la plantilla «{ $template }» necesita { $needed ->
    [one] 1 parámetro
   *[other] { $needed } parámetros
} ({ $placeholders }) y { $given ->
    [one] se dio 1
   *[other] se dieron { $given }
}: da un valor para cada uno
template-parameters-extra = la plantilla «{ $template }» lleva { $needed ->
    [one] 1 parámetro
   *[other] { $needed } parámetros
} y { $given ->
    [one] se dio 1
   *[other] se dieron { $given }
}: quita los valores que sobran
template-revision-pause-ended = la pausa de la plantilla { $template } ha terminado y se reanuda en la próxima revisión de la plataforma, dentro de una hora; edítala después
template-revision-deleted = la plantilla { $template } se eliminó; envía una plantilla nueva
template-revision-disabled = la plantilla { $template } se inhabilitó por baja calidad repetida; no se puede volver a usar editándola: envía una plantilla nueva
template-revision-paused = la plantilla { $template } está en pausa por baja calidad hasta el { $date } a las { $time }; edítala cuando termine la pausa
template-revision-not-rejected = solo se vuelve a enviar una plantilla rechazada, y { $template } está { $status ->
    [pending] pendiente
    [approved] aprobada
    [paused] en pausa
    [disabled] inhabilitada
    [deleted] eliminada
   *[other] { $status }
}: edítala

## Por qué se puso una falta, y la restricción que trajo.
strike-template-paused = Plantilla «{ $template }» en pausa { $hours ->
    [one] 1 hora
   *[other] { $hours } horas
} por baja calidad
strike-template-disabled = Plantilla «{ $template }» inhabilitada por baja calidad repetida
strike-low-quality = Calidad Baja durante { $days ->
    [one] 1 día
   *[other] { $days } días
}
strike-reports = Reportada por { $people ->
    [one] 1 persona
   *[other] { $people } personas
} en { $days ->
    [one] 1 día
   *[other] { $days } días
}
strike-restriction-reason = Falta { $count } en { $days } días: { $detail }
strike-tier-low-since = Calidad Baja desde el { $since }
strike-tier-unlimited = ilimitado
strike-tier-reached = Llegó a { $people ->
    [one] 1 persona
   *[other] { $people } personas
} en { $hours } horas con calidad { $quality }

## Lo que la revisión automática encontró en una plantilla.
review-passed = Ha superado todas las reglas de revisión.
review-body-length = El texto tiene { $chars } caracteres; debe tener de 1 a { $max }.
review-placeholder-not-opened = Un marcador se cierra con {"}}"} pero nunca se abre con {"{{"}.
review-placeholder-not-closed = Un marcador se abre con {"{{"} pero nunca se cierra.
review-not-a-placeholder = «{"{{"}{ $inner }{"}}"}» no es un marcador; usa {"{{"}1{"}}"}, {"{{"}2{"}}"}...
review-too-many-placeholders = Tiene { $count } marcadores; se permiten como mucho { $max }.
review-placeholder-gap = Los marcadores deben numerarse desde 1 sin huecos; falta {"{{"}{ $missing }{"}}"}.
review-forbidden-content = Tiene contenido prohibido («{ $phrase }»).
review-service-not-template = Las respuestas de atención son texto libre dentro de la ventana de atención; no necesitan plantilla.
review-promotional-recategorised = Enviada como aviso, pero «{ $word }» es promocional: aprobada como marketing.
review-promotional-forbidden = Enviada como aviso, pero «{ $word }» es promocional, y no se permitió cambiarla de categoría.
review-authentication-needs-code = Una plantilla de autenticación debe llevar el código como marcador ({"{{"}1{"}}"}).
review-authentication-link = Una plantilla de autenticación no puede llevar enlaces.
review-authentication-promotional = Una plantilla de autenticación no puede ser promocional («{ $word }»).

## Una difusión que el saldo no cubre.
budget-insufficient = insufficient_budget: la difusión necesita { $needed } para { $eligible ->
    [one] 1 persona que puede recibirla
   *[other] { $eligible } personas que pueden recibirla
} y el saldo tiene { $available }; { $short_by ->
    [one] falta
   *[other] faltan
} { $shortfall }
