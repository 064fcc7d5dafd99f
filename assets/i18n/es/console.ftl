# La consola de empresa.
console-name = La consola

## Pantallas: las pestañas, anchas y estrechas.
console-tab-templates = Plantillas
console-tab-broadcast = Difusión
console-tab-metrics = Métricas
console-tab-standing = Situación
console-tab-conversations = Conversaciones
console-tab-short-templates = Plant
console-tab-short-broadcast = Enviar
console-tab-short-metrics = Métricas
console-tab-short-standing = Situación
console-tab-short-conversations = Chats
console-status-business = { $name } · calidad { $quality }
console-status-no-business = No hay ninguna empresa en este almacén

## Órdenes: pie y ayuda.
console-cmd-next-screen = pantalla siguiente
console-cmd-previous-screen = pantalla anterior
console-cmd-templates = plantillas
console-cmd-broadcast = difusión
console-cmd-metrics = métricas
console-cmd-standing = situación
console-cmd-conversations = conversaciones
console-cmd-switch-business = otra empresa
console-cmd-next-template = plantilla siguiente
console-cmd-previous-template = plantilla anterior
console-cmd-broadcast-it = difundirla
console-cmd-new-template = nueva plantilla
console-cmd-submit-a-file = enviar un archivo
console-cmd-edit-resubmit = editar / reenviar
console-cmd-delete = eliminar
console-cmd-next-field = campo siguiente
console-cmd-previous-field = campo anterior
console-cmd-cursor-left-previous-choice = cursor u opción anterior
console-cmd-cursor-right-next-choice = cursor u opción siguiente
console-cmd-delete-a-character = borrar un carácter
console-cmd-submit-for-review = enviar a revisión
console-cmd-cancel = cancelar
console-cmd-cursor-left = cursor a la izquierda
console-cmd-cursor-right = cursor a la derecha
console-cmd-next-choice-cursor-right = opción siguiente o cursor
console-cmd-previous-choice-cursor-left = opción anterior o cursor
console-cmd-dry-run = simulación
console-cmd-back-to-templates = volver a plantillas
console-cmd-send-it-new-broadcast = enviarla / nueva difusión
console-cmd-change-the-broadcast = cambiar la difusión
console-cmd-next-figures = cifras siguientes
console-cmd-previous-figures = cifras anteriores
console-cmd-ask-for-a-review = pedir revisión
console-cmd-scroll-down = bajar
console-cmd-scroll-up = subir
console-cmd-page-down = página abajo
console-cmd-page-up = página arriba
console-cmd-next-conversation = conversación siguiente
console-cmd-previous-conversation = conversación anterior
console-cmd-read-it = leerla
console-cmd-close-it = cerrarla
console-cmd-next-business = empresa siguiente
console-cmd-previous-business = empresa anterior
console-cmd-choose-close = elegir / cerrar
console-cmd-close = cerrar
console-cmd-close-help = cerrar la ayuda
console-cmd-confirm-and-send = confirmar y enviar
console-cmd-new-broadcast = nueva difusión
console-cmd-change-it = cambiarla
console-footer-delete-it = eliminarla
console-footer-keep-it = conservarla
console-footer-cannot-send = ⊘ no se puede enviar: { $why }
console-mode-templates = Plantillas
console-mode-editor = Escribir una plantilla
console-mode-prompt = Enviar un archivo de plantilla
console-mode-compose = Formulario de difusión
console-mode-confirm = Simulación, envío y resultado
console-mode-metrics = Métricas
console-mode-standing = Situación
console-mode-conversations = Conversaciones
console-mode-dialog = Cambio de empresa, resultado de la revisión y eliminación
console-mode-help = Ayuda

## Por qué una plantilla no se puede enviar ahora.
console-not-sendable-pending = pendiente de revisión
console-not-sendable-rejected = rechazada en la revisión ({ $rule })
console-not-sendable-paused-until = en pausa hasta el { $until }
console-not-sendable-paused = en pausa
console-not-sendable-disabled = inhabilitada tras una calidad baja repetida
console-not-sendable-deleted = eliminada

## Situación.
console-standing-title = Situación con la plataforma
console-standing-recover = Qué hacer para recuperarte
console-standing-quality = Calidad
console-standing-read-rate = tasa de lectura { $rate } (se muestra al lado; no cuenta)
console-standing-signals = Últimos { $days } días: { $reports ->
        [one] 1 reporte
       *[other] { $reports } reportes
    }, { $blocks ->
        [one] 1 bloqueo
       *[other] { $blocks } bloqueos
    }, { $not_interested } No me interesa, de { $reached ->
        [one] 1 persona alcanzada
       *[other] { $reached } personas alcanzadas
    }{ $enough ->
        [no] : no hay datos recientes suficientes
       *[yes] {""}
    }.
console-standing-tier = Nivel
console-standing-tier-unlimited = ilimitado
console-standing-tier-limit = { $people } personas al día
console-standing-tier-until = hasta el { $until }
console-standing-tier-lowered = , rebajado a { $limit }{ $until }
console-standing-tier-used = Usados { $reached } de { $limit } en las últimas 24 horas { $bar } { $percent }
console-standing-reached = { $people ->
        [one] 1 persona alcanzada
       *[other] { $people } personas alcanzadas
    } en las últimas 24 horas
console-standing-at-limit = En el límite: hasta que pasen las 24 horas, solo puedes enviar a personas ya alcanzadas.
console-standing-strikes = Faltas
console-standing-strike-count = { $count } en los últimos 90 días
console-standing-restrictions = Restricciones, primero la más antigua
console-standing-none = ninguna
console-standing-notice = aviso
console-standing-until-reviewed = hasta la revisión
console-standing-shown = ▶ mostrada
console-standing-in-force = ▶ en vigor
console-standing-over = terminada

## Plantillas.
console-status-pending = Pendiente
console-status-approved = Aprobada
console-status-rejected = Rechazada
console-status-paused = En pausa
console-status-disabled = Inhabilitada
console-status-deleted = Eliminada
console-status-paused-until = En pausa hasta el { $until }
console-category-marketing = marketing
console-category-utility = utilidad
console-category-authentication = autenticación
console-category-service = servicio
console-templates-title = Plantillas · { $count }
console-templates-empty = Aún no hay plantillas. Escribe una con n, o envía un archivo TOML con f (name, category, body). La revisión es automática: ves el resultado al momento.
console-template-title = Plantilla
console-template-hint = Una empresa solo inicia una conversación con una plantilla aprobada. La revisión comprueba la longitud del cuerpo, sus marcadores {"{{"}1{"}}"}, {"{{"}2{"}}"}..., las palabras promocionales en una plantilla de utilidad y el contenido prohibido.
console-template-category-changed = { $category } (enviada como { $asked })
console-template-category = Categoría
console-template-status = Estado
console-template-send = Envío
console-template-cannot = ⊘ no se puede: { $why }
console-template-can = sí, se puede difundir
console-template-quality = Calidad
console-template-review = Revisión
console-template-body = Cuerpo
console-template-history = Historial (revisión, pausas, reanudaciones)

## Métricas.
console-metrics-figures-for = Cifras de
console-metrics-templates = Plantillas
console-metrics-broadcasts = Difusiones
console-metrics-none-yet = ninguna aún
console-metrics-refused = Rechazada por el saldo, no se envió nada: necesitaba { $needed }, el saldo tenía { $held } (faltaban { $short }).
console-metrics-sent = Enviados
console-metrics-delivered = Entregados
console-metrics-held = Retenidos
console-metrics-rejected = Rechazados
console-metrics-credits-spent = Gastado
console-metrics-read = Leídos
console-metrics-interested = Me interesa
console-metrics-not-interested = No me interesa
console-metrics-blocks-after = Bloqueos
console-metrics-reports-after = Reportes
console-metrics-rejected-by-reason = Rechazados por motivo: { $reasons }
console-metrics-days-empty = Entregados y leídos por día · aún no se ha enviado nada
console-metrics-days = Entregados ▌ y leídos ▐ por día
console-metrics-quality-now = Calidad a lo largo del tiempo · ahora { $quality }
console-metrics-quality = Calidad a lo largo del tiempo
console-metrics-axis-high = Alta
console-metrics-axis-medium = Media
console-metrics-axis-low = Baja
console-metrics-every-message = Todos los mensajes
console-metrics-broadcast-row = #{ $id } { $template } { $date }{ $refused ->
        [yes] {" "}· rechazada
       *[no] {""}
    }
console-template-numbered = plantilla { $id }

## Los datos de la consola, sin conexión.
console-people-empty = la lista de personas está vacía
console-people-unknown = no están en este mundo: { $names }
console-connection-offline = sin conexión · demo
console-no-such-user = no hay ningún usuario llamado { $user }
console-no-conversation = aún no hay conversación con { $user }

## Lo que la consola dice que ha hecho.
console-review-asked = Revisión pedida el { $at }: un revisor de la plataforma lee los reportes y decide; la decisión y su motivo aparecen aquí.
console-review-nothing = No hay nada que revisar: la empresa no está inhabilitada ni suspendida.
console-busy-switch = Se está enviando una difusión; cambia de empresa cuando termine.
console-one-business = Esta consola tiene una sola empresa: no hay otra a la que cambiar.
console-no-such-business = No hay ninguna empresa { $id } en este almacén.
console-acts-as = La consola actúa ahora como { $name }.
console-broadcast-unstoppable = La difusión se está enviando; no se puede detener a medias.
console-broadcast-no-template = No hay ninguna plantilla aprobada que enviar: escribe una en la pantalla Plantillas (1).
console-broadcast-fill = Rellena primero { $placeholder }.
console-broadcast-name-people = Escribe a quién enviar, separando los nombres con comas.
console-broadcast-stopped = La difusión #{ $id } se detuvo tras { $sent } de { $audience }: { $error }. Al liquidarse, solo se cobra lo entregado y se devuelve el resto.
console-broadcast-sent = Difusión #{ $id } enviada: { $charged } cobrados, { $returned } devueltos.
console-conversation-marked-read = { $user } ve { $count ->
        [one] 1 mensaje leído
       *[other] { $count } mensajes leídos
    }.
console-busy-clock = Se está enviando una difusión; el reloj avanza cuando termine.
console-clock-moved = El reloj pasa a { $at }.
console-templates-none-yet = Aún no hay plantillas: escribe una (n) o envía un archivo (f).
console-template-not-editable = '{ $name }' no se puede editar: { $why }.
console-template-already-deleted = '{ $name }' ya está eliminada.
console-template-deleted = '{ $name }' eliminada: ya no se puede enviar; su historial y sus cifras se conservan.
console-template-not-sendable = '{ $name }' no se puede enviar: { $why }.
console-template-name-first = Ponle primero un nombre a la plantilla.
console-file-type-path = Escribe la ruta de un archivo de plantilla (TOML con name, category y body).
console-file-cannot-read = No se puede leer { $file }: { $error }.
console-file-too-big = { $file } ocupa { $size } bytes; un archivo de plantilla ocupa como mucho { $most }.
console-file-not-a-template = { $file } no es un archivo de plantilla: { $error }

## La consola en un servidor.
console-remote-other-business = este token solo actúa para la empresa { $id }
console-remote-no-template = no hay ninguna plantilla { $id } en el servidor
console-remote-online = en línea · { $server }
console-remote-unreachable = sin acceso · { $server }
console-remote-clock = Reloj del servidor, la hora real: t y T solo mueven el reloj del mundo de demo (parley business sin --server).

## Difusión.
console-empty = (vacío)
console-compose-no-template = No hay ninguna plantilla aprobada que difundir. Escribe una en la pantalla Plantillas; las plantillas en pausa o inhabilitadas no se pueden enviar.
console-compose-template = Plantilla
console-compose-subscribers = suscritos · { $count }
console-compose-list = una lista de personas
console-compose-audience = Audiencia
console-compose-people = Personas
console-compose-preview = Vista previa
console-compose-before = Antes de enviar
console-compose-dry-run = Simulación: aún sin enviar
console-compose-refused = Rechazada: no se ha enviado nada
console-compose-sending = Enviando
console-compose-sent = Enviada
console-compose-progress = { $sent } de { $audience } enviados
console-compose-dry-run-first = Primero va la simulación: a quién llegaría, qué retendrían o rechazarían las reglas y por qué, el precio por mensaje entregado, lo que se reserva y tu saldo después. No se envía nada hasta que confirmes.
console-compose-only-delivered = Solo se cobran los mensajes entregados; el resto de la reserva se devuelve.
console-compose-audience-eligible = { $audience ->
        [one] 1 persona
       *[other] { $audience } personas
    }, { $eligible } admisibles
console-compose-price = Precio
console-compose-price-each = { $price } por mensaje entregado ({ $category })
console-compose-reserved = Reservado
console-compose-budget = Saldo
console-compose-budget-while = { $before } → { $after } durante el envío
console-compose-rules-will = Las reglas van a
console-compose-charge = Cobro
console-compose-charge-back = { $charged }, { $back } de vuelta
console-compose-budget-after = Saldo final
console-compose-deliver = entregar
console-compose-hold = retener
console-compose-reject = rechazar
console-compose-insufficient-budget = { $code }: una difusión necesita saldo para toda su audiencia admisible.
console-compose-needed = Necesario
console-compose-needed-for = { $needed } para { $eligible ->
        [one] 1 persona admisible
       *[other] { $eligible } personas admisibles
    }
console-compose-shortfall = Faltan
console-compose-fewer = Envía a menos personas (una lista) o añade saldo.
console-compose-charged = Cobrado
console-compose-broadcast-at = #{ $id } el { $at }
console-compose-refunded = Devuelto
console-compose-budget-now = Saldo actual
console-compose-free = Solo se cobran los mensajes entregados: los retenidos y rechazados son gratis, igual que un mensaje de utilidad dentro de una ventana de atención abierta.

## Conversaciones.
console-window-left = quedan { $left }
console-window-closed = ventana cerrada
console-conversations-title = Conversaciones · { $count }
console-conversations-none = Aún no hay conversaciones. Aquí aparecen las personas que escriben a la empresa o a las que ella escribe.
console-conversations-new = { $count ->
        [one] 1 nuevo
       *[other] { $count } nuevos
    }
console-you-said = tú: { $body }
console-conversation-title = Conversación
console-conversation-preview = { $user }: { $unread ->
        [0] nada sin leer
        [one] 1 mensaje sin leer
       *[other] { $unread } mensajes sin leer
    }; { $window }. Enter abre la conversación: los mensajes se marcan como leídos y { $user } ve las marcas de leído.
console-conversation-older = { $count ->
        [one] 1 mensaje anterior sin mostrar
       *[other] { $count } mensajes anteriores sin mostrar
    }
console-you = Tú
console-read-at = leído { $at }

## Cuadros: el editor, la ruta de archivo, el cambio de empresa, una revisión, eliminar.
console-editor-name = Nombre
console-editor-category = Categoría
console-editor-recategorise = Recateg.
console-editor-recategorise-allowed = permitido: una utilidad promocional pasa a marketing
console-editor-recategorise-forbidden = no permitido: una utilidad promocional se rechaza
console-editor-body-placeholders = Cuerpo ({"{{"}1{"}}"}, {"{{"}2{"}}"}... se rellenan al enviar)
console-editor-body = Cuerpo
console-editor-review-automatic = La revisión es automática y sigue reglas; su resultado se ve al momento.
console-editor-new = Nueva plantilla
console-editor-revise = { $resubmit ->
        [yes] Reenviar
       *[no] Editar
    } '{ $name }': una versión nueva
console-delete-explained = Ya no se podrá enviar, ni por ti ni por una difusión. Sus versiones, su historial y sus cifras se conservan, y también su nombre.
console-delete-title = ¿Eliminar '{ $name }'?
console-prompt-path-of = La ruta de un archivo TOML con name, category y body
console-prompt-forbid-recategorise = (y allow_recategorise = false para prohibir la recategorización):
console-prompt-path = Ruta
console-prompt-title = Enviar un archivo de plantilla
console-switcher-row = { $name } · { $kind } · calidad { $quality }
console-switcher-title = ¿Como qué empresa actuar?
console-review-result = Dictamen
console-review-as = como { $category }
console-review-recategorised = enviada como { $asked }, recategorizada
console-review-rule = Regla
console-review-title = Revisión de '{ $name }'

## La demo.
demo-name = La demo
demo-tour-1 = QuickCash Loans, un prestamista insistente, escribió a Alex. Su consola muestra que, con los bloqueos de esta semana, ya tiene calidad Baja; aún sin faltas.
demo-tour-2 = Alex bloquea al prestamista como spam: ya no le llega nada de él, y el bloqueo cuenta en su contra.
demo-tour-3 = Los bloqueos y los No me interesa bajan la calidad al llegar; cada hora la revisión de la plataforma lo registra y actúa.
demo-tour-4 = La calidad baja pausa una plantilla 3 horas: no se puede enviar, y la consola dice por qué.
demo-tour-5 = Sigue Baja al reanudarse: otra pausa, esta vez de 6 horas.
demo-tour-6 = Una tercera calificación baja la inhabilita. Cada pausa es una falta: nivel más bajo, sin ofertas, y ahora sin envíos.
demo-tour-7 = Alex también lo reporta, el tercer reporte en una semana: una falta al momento, el camino corto. Una quinta falta inhabilita al prestamista.
demo-mode = Demo (sobre las dos mitades)
demo-cmd-switch-half = cambiar bandeja / consola
demo-cmd-tour = visita guiada: empezar / paso siguiente
demo-cmd-tour-stop = terminar la visita
demo-tour-step = Visita { $step }/{ $steps } · { $caption }
demo-bar-close = { $key } cerrar la visita
demo-bar-next = { $next } siguiente · { $end } terminar
demo-keys-inbox = teclas: bandeja de { $me }
demo-keys-console = teclas: la consola de empresa
demo-bar = Demo de Parley · { $who }
demo-bar-keys = { $switch } cambiar · { $tour } visita guiada
