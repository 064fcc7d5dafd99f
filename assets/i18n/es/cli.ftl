# Las herramientas de línea de órdenes: parley business y parley review.
cli-none = ninguna
cli-no-server = no se ha indicado el servidor: pasa --server URL o define PARLEY_SERVER
cli-no-token = no se ha indicado el token: pasa --token T o define PARLEY_TOKEN (`{ $maker }` genera uno)
cli-cannot-start = no se puede arrancar: { $error }

## Restricciones, como las listan ambas herramientas.
cli-restriction-shown = mostrada
cli-restriction-in-force = en vigor
cli-restriction-ended = terminada
cli-restriction-until-reviewed = hasta la revisión
cli-head-restriction = RESTRICCIÓN
cli-head-state = ESTADO
cli-head-from = DESDE
cli-head-until = HASTA
cli-head-reason = MOTIVO

## parley business: plantillas.
cli-category-marketing = marketing
cli-category-utility = utilidad
cli-category-authentication = autenticación
cli-category-service = servicio
cli-category-asked = { $category } (pedida { $asked })
cli-status-pending = pendiente
cli-status-approved = aprobada
cli-status-rejected = rechazada
cli-status-paused = en pausa
cli-status-disabled = inhabilitada
cli-status-deleted = eliminada
cli-status-paused-until = en pausa hasta el { $until }
cli-submitted-rejected = Rechazada: { $name }
cli-submitted-recategorised = Recategorizada: { $name } se envió como { $asked } y queda { $status } como { $category }
cli-submitted = { $status ->
        [approved] Aprobada
        [pending] Pendiente
        [paused] En pausa
        [disabled] Inhabilitada
        [deleted] Eliminada
       *[other] Rechazada
    }: { $name } es una plantilla de { $category }
cli-submitted-review = { $verdict } (regla de revisión: { $rule }).
    { $note }
cli-revised = Versión { $version }. { $review }
cli-deleted = Eliminada { $name }: ya no se puede enviar; sus versiones, su historial y sus cifras se conservan.
cli-versions = Versiones de { $name }:
    { $table }
cli-templates-none = Aún no hay plantillas: envía una con `parley business templates submit ARCHIVO`.
cli-head-version = VERSIÓN
cli-head-status = ESTADO
cli-head-category = CATEGORÍA
cli-head-review-rule = REGLA DE REVISIÓN
cli-head-submitted = ENVIADA
cli-head-body = CUERPO
cli-head-name = NOMBRE
cli-head-quality = CALIDAD

## parley business: envíos y difusiones.
cli-sent-head = { $outcome ->
        [deliver] Entregado a
        [hold] Retenido para
       *[reject] Rechazado para
    } { $to } ({ $category }, { $reason })
cli-sent-refused = { $head }: { $why }.
    {"  "}Lo que ve { $to }: { $sentence }
cli-broadcast-head = Difusión { $id } de { $template }
cli-broadcast-dry-run = Simulación de una difusión de { $template }: no se ha enviado ni cobrado nada
cli-broadcast-nobody = No hay a quién enviar: las personas tienen que suscribirse antes a tus ofertas, o estar en una lista con --to ARCHIVO.
cli-people = { $count ->
        [one] 1 persona
       *[other] { $count } personas
    }
cli-row-category = categoría
cli-row-audience = audiencia
cli-row-eligible = admisibles
cli-row-unit-price = precio unitario
cli-row-reserved = reservado
cli-row-charged = cobrado
cli-row-refunded = devuelto
cli-row-budget-after = saldo después
cli-row-delivered = entregados
cli-row-held = retenidos
cli-row-rejected = rechazados

## parley business: métricas y situación.
cli-row-scope = ámbito
cli-row-sent = enviados
cli-row-read = leídos
cli-row-read-rate = tasa de lectura
cli-row-interested = me interesa
cli-row-not-interested = no me interesa
cli-row-blocks = bloqueos
cli-row-reports = reportes
cli-row-credits-spent = gastado
cli-quality-too-little-data = { $quality } (no hay datos recientes suficientes)
cli-tier-unlimited = ilimitado
cli-tier-limit = { $people } personas al día
cli-yes = sí
cli-no = no
cli-row-business = empresa
cli-row-verified = verificada
cli-row-quality = calidad
cli-row-messaging-tier = nivel de mensajes
cli-row-budget = saldo
cli-strikes-heading = Faltas (últimos 90 días)
cli-restrictions-heading = Restricciones
cli-advice-heading = Qué hacer
cli-head-at = CUÁNDO
cli-head-cause = CAUSA
cli-head-detail = DETALLE
cli-review-asked = Has pedido una revisión el { $at }. Un revisor de la plataforma lee los reportes y decide; la decisión y su motivo aparecen en `parley business status`.
cli-review-heading = Revisión
cli-review-waiting = pedida el { $at }, a la espera de un revisor
cli-head-decided = DECIDIDA
cli-head-decision = DECISIÓN
cli-head-reviewer = REVISOR

## parley business: conversaciones.
cli-window-closed-short = cerrada
cli-you = tú
cli-you-said = tú: { $body }
cli-conversations-none = Aún no hay conversaciones: aquí aparecen las personas que te escriben o a las que escribes.
cli-conversations-none-past = No hay conversaciones más allá de las { $total } primeras.
cli-head-user = USUARIO
cli-head-unread = SIN LEER
cli-head-last-message = ÚLTIMO MENSAJE
cli-head-window-left = VENTANA RESTANTE
cli-conversations-shown = { $first } a { $last } de { $total ->
        [one] 1 conversación
       *[other] { $total } conversaciones
    }; --offset muestra las demás.
cli-read-at = leído { $at }
cli-window-open = la ventana de atención sigue abierta { $left } más (hasta el { $until }): puedes responder libremente
cli-window-closed = la ventana de atención está cerrada: solo una plantilla aprobada llega a { $user }
cli-conversation-head = Conversación con { $user }; { $window }.
cli-conversation-older = ({ $count ->
        [one] 1 mensaje anterior
       *[other] { $count } mensajes anteriores
    } sin mostrar; --limit muestra más.)
cli-conversation-marked-read = { $count ->
        [one] 1 mensaje marcado como leído
       *[other] { $count } mensajes marcados como leídos
    }; { $user } ve las marcas de leído.
cli-reply-instead = {"  "}En su lugar: { $alternative }
    {"  "}Envía una con: parley business send --to { $to } --template NOMBRE --param ...

## parley business: errores antes de preguntar al servidor.
cli-no-such-template = no tienes ninguna plantilla llamada { $name }; `parley business templates list` las muestra
cli-template-file-other-name = { $file } da a la plantilla el nombre { $other }, no { $name }: corrige el nombre o quítalo
cli-cannot-read-stdin = no se puede leer la entrada estándar: { $error }
cli-cannot-read = no se puede leer { $file }: { $error }
cli-not-a-template-file = { $file } no es un archivo de plantilla: { $error }
    Un archivo de plantilla es así:
    { $example }
cli-template-example-named = {"  "}name = "pedido_listo"
    { cli-template-example }
cli-template-example = {"  "}category = "utility"   # marketing, utility o authentication
    {"  "}body = "Tu pedido {"{{"}1{"}}"} está listo"
    {"  "}allow_recategorise = true
cli-names-nobody = { $file } no nombra a nadie: escribe un nombre de usuario por línea

## parley review.
review-reason-needed = da un motivo con --reason "...": la empresa lo lee junto a la decisión
review-nothing = No hay nada que revisar: ninguna empresa está inhabilitada ni suspendida.
review-asked-at = pedida { $at }
review-head-business = EMPRESA
review-head-in-force = EN VIGOR
review-head-strikes = FALTAS
review-head-reports = REPORTES
review-head-review = REVISIÓN
review-asks = { $name } pide: { $note }
review-read-one = Lee una con `parley review show EMPRESA`.
review-row-kind = tipo
review-reports-in-all = { $count } en total
review-strikes-heading = Faltas (cada una cuenta { $days } días)
review-reports-heading = Reportes, primero el más reciente ({ $count } mostrados)
review-report = { $at } por { $reporter }: { $reason }{ $blocked ->
        [yes] , y bloqueada
       *[no] {""}
    }
review-no-evidence = (no hay mensajes en el chat)
review-asked-on = pedida el { $at }
review-decision = { $at } { $verdict } por { $reviewer }: { $reason }
review-never = nunca revisada
review-reinstated = { $name } rehabilitada.
review-reinstated-lifted = { $name } rehabilitada: se levanta { $lifted }. Ya puede volver a enviar.
review-confirmed = Se confirman las restricciones de { $name }; no se ha levantado nada.
review-recorded = Registrado el { $at } por { $reviewer }, con el motivo que lee la empresa: { $reason }

## Preguntar al servidor.
http-bad-url = `{ $url }` no es una dirección de servidor ({ $reason }); escríbela como http://127.0.0.1:8787
http-unreachable = no se puede contactar con el servidor en { $url }: { $detail }. ¿Está `parley serve` en marcha allí?
http-timeout = el servidor en { $url } no respondió a tiempo; vuelve a intentarlo
http-refused = { $message }{ $status ->
        [401] {" "}(revisa --token o PARLEY_TOKEN)
       *[other] {""}
    } [{ $status } { $code }]
http-protocol = el servidor en { $url } respondió algo que no es de Parley: { $detail }
