# La bandeja de entrada.

## Ayuda y pies: qué es cada modo y cada orden.
inbox-mode-chat-list = Lista de chats
inbox-mode-open-chat = Chat abierto
inbox-mode-writing-a-message = Escribiendo un mensaje
inbox-mode-held-tab = Pestaña Retenidos
inbox-mode-subscriptions = Suscripciones
inbox-mode-business-profile = Perfil de la empresa
inbox-mode-settings = Ajustes
inbox-mode-help = Ayuda
inbox-mode-notices = Historial de avisos
inbox-mode-search = Buscar
inbox-mode-finding-in-a-chat-or-in-subscriptions = Buscar texto (/ en un chat o en Suscripciones)
inbox-mode-dialogs-why-report-block-first-contac = Diálogos (¿Por qué?, reportar, bloquear, primer contacto)
inbox-mode-command-line = Línea de órdenes (:)
inbox-cmd-page-down = página abajo
inbox-cmd-page-up = página arriba
inbox-cmd-switch-pane = cambiar de panel
inbox-cmd-next-unread = siguiente no leído
inbox-cmd-next-tab = pestaña siguiente
inbox-cmd-previous-tab = pestaña anterior
inbox-cmd-tab-all = pestaña: todos
inbox-cmd-tab-unread = pestaña: no leídos
inbox-cmd-tab-personal = pestaña: personales
inbox-cmd-tab-business = pestaña: empresas
inbox-cmd-tab-offers = pestaña: ofertas
inbox-cmd-tab-held = pestaña: retenidos
inbox-cmd-tab-archived = pestaña: archivados
inbox-cmd-mark-read-unread = marcar leído / no leído
inbox-cmd-mute-unmute = silenciar / dejar de silenciar
inbox-cmd-archive-unarchive = archivar / desarchivar
inbox-cmd-subscribe-unsubscribe = suscribirse / cancelar la suscripción
inbox-cmd-block-unblock = bloquear / desbloquear
inbox-cmd-why-did-its-last-message-reach-me = ¿por qué me llegó su último mensaje?
inbox-cmd-business-profile = perfil de la empresa
inbox-cmd-all-subscriptions = todas las suscripciones
inbox-cmd-previous-message = mensaje anterior
inbox-cmd-next-message = mensaje siguiente
inbox-cmd-first-loaded-message = primer mensaje cargado
inbox-cmd-last-message = último mensaje
inbox-cmd-why-did-this-reach-me = ¿por qué me llegó esto?
inbox-cmd-interested-offers = me interesa (ofertas)
inbox-cmd-not-interested-offers = no me interesa (ofertas)
inbox-cmd-copy-the-message-of-a-code-just-the-co = copiar el mensaje (de un código, solo el código)
inbox-cmd-find-in-this-chat = buscar en este chat
inbox-cmd-next-hit-older-without-a-find-next-unr = resultado siguiente, más antiguo (sin búsqueda: siguiente no leído)
inbox-cmd-next-hit-newer = resultado siguiente, más reciente
inbox-cmd-clear-the-find-back-to-the-list = quitar la búsqueda / volver a la lista
inbox-cmd-new-line = nueva línea
inbox-cmd-write-in-editor = escribir en $EDITOR
inbox-cmd-delete-a-character = borrar un carácter
inbox-cmd-delete-the-character-under-the-cursor = borrar el carácter bajo el cursor
inbox-cmd-delete-the-word-before-the-cursor = borrar la palabra antes del cursor
inbox-cmd-delete-to-the-start-of-the-line = borrar hasta el inicio de la línea
inbox-cmd-delete-to-the-end-of-the-line = borrar hasta el final de la línea
inbox-cmd-cursor-left = cursor a la izquierda
inbox-cmd-cursor-right = cursor a la derecha
inbox-cmd-a-word-left = una palabra a la izquierda
inbox-cmd-a-word-right = una palabra a la derecha
inbox-cmd-start-of-the-line = inicio de la línea
inbox-cmd-end-of-the-line = final de la línea
inbox-cmd-line-up = línea arriba
inbox-cmd-line-down = línea abajo
inbox-cmd-release-into-the-chat = pasar al chat
inbox-cmd-undo-the-delete = deshacer el borrado
inbox-cmd-delete-all-from-this-business = borrar todos los de esta empresa
inbox-cmd-why-was-it-held = ¿por qué se retuvo?
inbox-cmd-back-to-all-chats = volver a todos los chats
inbox-cmd-all-offers-on-off = todas las ofertas sí / no
inbox-cmd-find-a-business-by-name = buscar una empresa por su nombre
inbox-cmd-open-the-chat = abrir el chat
inbox-cmd-less-previous = menos / anterior
inbox-cmd-more-next = más / siguiente
inbox-cmd-next-region-of-time-zones = región de husos horarios siguiente
inbox-cmd-previous-region-of-time-zones = región de husos horarios anterior
inbox-cmd-scroll-down = desplazar abajo
inbox-cmd-scroll-up = desplazar arriba
inbox-cmd-close-help = cerrar la ayuda
inbox-cmd-close-notices = cerrar el historial
inbox-cmd-jump-to-it = ir allí
inbox-cmd-next-result = resultado siguiente
inbox-cmd-previous-result = resultado anterior
inbox-cmd-delete-a-word = borrar una palabra
inbox-cmd-delete-to-the-start = borrar hasta el inicio
inbox-cmd-next-option = opción siguiente
inbox-cmd-previous-option = opción anterior
inbox-cmd-switch-also-block = cambiar (también bloquear)
inbox-cmd-cancel-close = cancelar / cerrar
inbox-cmd-also-block = también bloquear
inbox-cmd-send-report = enviar el reporte
inbox-cmd-delete-them = borrarlos
inbox-cmd-keep-them = conservarlos
inbox-cmd-decide-later = decidir luego
inbox-cmd-why = ¿por qué?
inbox-cmd-not-interested = no me interesa
inbox-cmd-older-hit = más antiguo
inbox-cmd-newer-hit = más reciente
inbox-cmd-clear-find = quitar búsqueda
inbox-cmd-clock-1-day = reloj +1 día
inbox-cmd-down = abajo
inbox-cmd-up = arriba
inbox-cmd-first = primero
inbox-cmd-last = último
inbox-cmd-open = abrir
inbox-cmd-re-sort = reordenar
inbox-cmd-search = buscar
inbox-cmd-reply = responder
inbox-cmd-report = reportar
inbox-cmd-settings = ajustes
inbox-cmd-quit = salir
inbox-cmd-send = enviar
inbox-cmd-undo = deshacer
inbox-cmd-redo = rehacer
inbox-cmd-cancel = cancelar
inbox-cmd-delete = borrar
inbox-cmd-back = volver
inbox-cmd-switch = cambiar
inbox-cmd-top = inicio
inbox-cmd-end = final
inbox-cmd-close = cerrar
inbox-cmd-find = buscar
inbox-cmd-run = ejecutar
inbox-cmd-complete = completar
inbox-cmd-confirm = confirmar
inbox-cmd-reason = motivo
inbox-cmd-block = bloquear
inbox-cmd-choose = elegir
inbox-cmd-unblock = desbloquear
inbox-cmd-profile = perfil
inbox-cmd-interested = me interesa
inbox-cmd-unsubscribe = cancelar suscripción
inbox-cmd-subscribe = suscribirse

## Titles and the status bar.
inbox-title-line = Parley · { $title }
inbox-title-subscriptions = Suscripciones: quién puede enviarte ofertas
inbox-title-profile = Perfil de la empresa
inbox-title-settings = Ajustes
inbox-title-help = Ayuda: todas las teclas
inbox-title-notices = Historial de avisos: lo que dijo Parley, lo último primero
inbox-status-read-all = { $key }: leer todo
inbox-status-no-unread = nada sin leer
inbox-status-unread = { $messages } sin leer en { $chats ->
    [one] 1 chat
   *[other] { $chats } chats
    }
inbox-status-held = { $count ->
    [one] 1 retenido
   *[other] { $count } retenidos
    }

## The chat list.
inbox-list-empty-unread = Nada sin leer. Lo tienes todo al día.
inbox-list-empty-archived = No hay chats archivados. Archiva uno con a.
inbox-list-empty-offers = No se ha entregado ninguna oferta. Las suscripciones deciden quién puede enviarlas.
inbox-list-empty-server = Aún no hay chats aquí. Los mensajes aparecen en cuanto el servidor los acepta.
inbox-list-empty-demo = Aún no hay chats aquí. Adelanta el reloj con t (una hora) o T (un día).
inbox-mark-blocked = bloqueado
inbox-mark-new = nuevo
inbox-mark-muted = silenciado
inbox-mark-archived = archivado
inbox-list-no-messages = sin mensajes
inbox-list-preview-mine = Tú: { $text }

## Why?
inbox-why-outcome = Resultado
inbox-why-rule = Regla
inbox-why-why = Por qué
inbox-why-from = De
inbox-why-category = Categoría
inbox-why-template = Plantilla
inbox-why-sent = Enviado
inbox-why-delivered = Entregado
inbox-why-read = Leído
inbox-why-feedback = Tu valoración
inbox-why-sent-by-you = Lo enviaste tú
inbox-why-from-friend = { $name } (un contacto)
inbox-why-from-verified = { $name } (empresa verificada)
inbox-why-from-unverified = { $name } (empresa sin verificar)
inbox-why-template-approved = «{ $name }», aprobada el { $date }
inbox-why-no-template = ninguna: una respuesta libre
inbox-why-not-yet = todavía no
inbox-why-title = ¿Por qué? Mensaje de { $name }
inbox-why-close = Esc cerrar
inbox-why-no-message = ¿Por qué? se aplica a un mensaje: abre un chat o selecciona uno que tenga alguno.
inbox-you = Tú

## What the controls say.
inbox-marked-read = Marcado como leído.
inbox-marked-unread = Marcado como no leído.
inbox-muted = Silenciado: sin notificaciones y sin contar como no leído.
inbox-unmuted = Ya no está silenciado.
inbox-archived = Archivado: lo encontrarás en la pestaña Archivados (7).
inbox-unarchived = De vuelta en la bandeja de entrada.
inbox-all-offers-on = Ofertas activadas: las empresas a las que te suscribes pueden volver a enviarte ofertas.
inbox-all-offers-off = Todas las ofertas desactivadas: se retiene cada oferta, sean cuales sean tus suscripciones.
inbox-select-a-chat = Primero selecciona un chat.
inbox-personal-chat-no-subscriptions = Este es un chat personal: b bloquea y ! reporta a un contacto, pero las suscripciones son para empresas.
inbox-unsubscribed = Cancelaste la suscripción a { $name }: sus próximas ofertas se retendrán (not_subscribed).
inbox-subscribed = Te suscribiste a las ofertas de { $name } (como mucho { $cap } a la semana).
inbox-subscribed-still-blocked = Te suscribiste a las ofertas de { $name } (como mucho { $cap } a la semana). Sigue bloqueada, así que no te llega nada.
inbox-unblocked-business = Desbloqueaste a { $name }: sus mensajes vuelven a pasar por las reglas.
inbox-reply-business-blocked = Bloqueaste a { $name }; desbloquéala (b) para escribirle.
inbox-reply-person-blocked = Bloqueaste a { $name }; desbloquéalo (b) para escribirle.
inbox-feedback-no-message = Abre un chat y elige una oferta (j/k) para valorarla.
inbox-feedback-not-an-offer = Me interesa / No me interesa es para ofertas; este mensaje no lo es.
inbox-feedback-interested = Me interesa: { $offers }
inbox-feedback-not-interested = No me interesa: { $offers } Cuenta en contra de la calidad de { $name }.

## Held.
inbox-held-title = Retenidos
inbox-held-empty = No hay nada retenido. Aquí esperan las ofertas que superan tus límites, las de empresas a las que no te suscribes y las que llegan en tus horas de silencio.
inbox-held-message = Mensaje retenido
inbox-held-explained = Las reglas retienen las ofertas que no pediste. No se pierde nada: cada una espera aquí con su motivo hasta que la pases al chat o la borres.
inbox-held-why-it-waits = Por qué espera aquí

## The open chat.
inbox-chat-none-open = Ningún chat abierto
inbox-chat-none-hint = Elige un chat a la izquierda y pulsa Enter. Los chats de empresa llevan la marca { $mark }; ? muestra todas las teclas.
inbox-chat-person-reported = Reportaste a { $name } el { $date } ({ $reason }).
inbox-chat-person-blocked = Bloqueaste a { $name } el { $date }: sus mensajes no te llegan; b desbloquea.
inbox-chat-released = sacado de Retenidos
inbox-chat-unknown-template = plantilla desconocida
inbox-chat-no-text = este mensaje no tiene texto
inbox-chat-no-messages = Aún no hay mensajes.
inbox-chat-earlier = { $count ->
    [one] 1 mensaje anterior
   *[other] { $count } mensajes anteriores
    } (k para subir)
inbox-chat-newer = { $count ->
    [one] 1 más reciente
   *[other] { $count } más recientes
    } (G para el último)
inbox-chat-new-messages = mensajes nuevos

## The block and report dialogs.
inbox-block-person-explained = Los mensajes de { $name } dejarán de llegarte: lo que envíe a partir de ahora no se guarda. A { $name } no se le avisa. Puedes desbloquearlo cuando quieras.
inbox-block-business-explained = No te llegará nada de lo que envíe { $name }: ni ofertas, ni avisos, ni códigos. Sus intentos solo se registran, sin su texto. Puedes desbloquearla cuando quieras.
inbox-block-why-person = ¿Por qué lo bloqueas?
inbox-block-why-business = ¿Por qué la bloqueas?
inbox-block-keys = Enter bloquear · Esc cancelar
inbox-block-title = ¿Bloquear a { $name }?
inbox-report-why-business = ¿Por qué la reportas?
inbox-report-why-person = ¿Por qué lo reportas?
inbox-report-also-block = bloquear también a { $name }
inbox-report-space = espacio
inbox-report-evidence = Pruebas que se envían con el reporte: { $count ->
    [one] el último mensaje
   *[other] los últimos { $count } mensajes
    }
inbox-report-no-evidence = no hay mensajes en este chat
inbox-report-keys = Enter enviar el reporte · Esc cancelar
inbox-report-title = Reportar a { $name }

## Tabs, find, search and the command line.
inbox-app-name = Parley
inbox-tab-personal-short = Pers
inbox-tab-business-short = Emp
inbox-tab-archived-short = Arch
inbox-find-prompt = Buscar en este chat:
inbox-find-summary = resultado { $hit } de { $hits } para «{ $query }»
inbox-search-title = Buscar chats y mensajes
inbox-search-hint = Escribe para buscar nombres y mensajes; Enter te lleva allí.
inbox-search-no-match = Sin resultados.
inbox-search-chat = chat
inbox-search-searching-older = buscando más antiguos
inbox-search-messages = { $count ->
    [one] 1 mensaje
   *[other] { $count } mensajes
    }
inbox-search-more-than-messages = más de { $count ->
    [one] 1 mensaje
   *[other] { $count } mensajes
    }
inbox-search-found = Búsqueda: { $chats ->
    [one] 1 chat
   *[other] { $chats } chats
    } · { $messages }
inbox-command-more = { $count } más: escribe para acotar, Tab para avanzar

## Dialogs.
inbox-delete-held-explained = ¿Borrar { $count ->
    [one] 1 mensaje retenido
   *[other] { $count } mensajes retenidos
    } de { $name }? Salen de Retenidos para siempre; sus próximos mensajes siguen pasando por tus reglas. Puedes deshacerlo durante unos segundos.
inbox-delete-held-keys = Enter borrar · Esc conservarlos
inbox-delete-held-title = ¿Borrar { $count ->
    [one] 1 mensaje retenido
   *[other] { $count } mensajes retenidos
    }?
inbox-first-contact-verified = { $name } es una empresa verificada. No has hablado antes con ella: ¿quieres continuar? Esc te muestra antes su mensaje.
inbox-first-contact-unverified = { $name } es una empresa sin verificar. No has hablado antes con ella: ¿quieres continuar? Esc te muestra antes su mensaje.
inbox-first-contact-keys = j/k elegir · Enter confirmar · Esc decidir luego
inbox-first-contact-title = Empresa nueva: { $name }
inbox-first-contact-continue = Continuar
inbox-first-contact-block = Bloquear
inbox-first-contact-report = Reportar
inbox-notices-empty = Aún no hay avisos. Lo que Parley dice en la barra de estado se guarda aquí completo.

## The business profile.
inbox-profile-not-verified = sin verificar
inbox-profile-offers = Tus ofertas
inbox-profile-no = no
inbox-profile-blocked-since = sí ({ $reason }), desde el { $date }
inbox-profile-reported-on = sí ({ $reason }), el { $date }
inbox-profile-blocked = Bloqueada
inbox-profile-reported = Reportada
inbox-profile-sent = Lo que te envió
inbox-profile-nothing-yet = nada todavía
inbox-profile-restrictions = Restricciones en vigor
inbox-profile-none = ninguna
inbox-profile-rejected = Últimos intentos rechazados

## Subscriptions.
inbox-subs-title = Empresas y sus ofertas
inbox-subs-all-on = todas las ofertas sí: las empresas suscritas pueden enviarte ofertas
inbox-subs-all-off = todas las ofertas no: se retiene cada oferta
inbox-subs-always = Los avisos, las facturas y los códigos te llegan elijas lo que elijas aquí.
inbox-subs-subscribed = suscrito
inbox-subs-not-subscribed = sin suscribir
inbox-subs-find-prompt = Buscar una empresa:
inbox-subs-find-hint = busca una empresa por su nombre, para suscribirte antes de que escriba
inbox-subs-found = { $count ->
    [one] 1 empresa
   *[other] { $count } empresas
    } · esc las muestra todas
inbox-subs-empty = Aún no hay empresas: con un servidor, su directorio llega con la próxima sincronización.
inbox-subs-no-match = Ningún nombre de empresa contiene «{ $filter }».

## What the inbox says as it works.
inbox-store-no-user = este almacén no tiene usuario
inbox-connection-offline = sin conexión · demo
inbox-connection-connecting = conectando
inbox-clock-with-server = Con un servidor, el reloj es el real; t y T mueven el reloj del mundo de demostración.
inbox-clock-nothing-new = nada nuevo
inbox-clock-new = { $count ->
    [one] 1 nuevo
   *[other] { $count } nuevos
    }
inbox-clock-held = { $count ->
    [one] 1 retenido
   *[other] { $count } retenidos
    }
inbox-clock-new-and-held = { $new ->
    [one] 1 nuevo
   *[other] { $new } nuevos
    }, { $held ->
    [one] 1 retenido
   *[other] { $held } retenidos
    }
inbox-clock-moved = Reloj adelantado a { $at }: { $what }.
inbox-clock-moved-week-over = Reloj adelantado a { $at }: { $what }. La semana de demostración ha terminado: para empezarla de nuevo, sal y ejecuta `parley world reset`.
inbox-compose-nothing-to-undo = No hay nada que deshacer.
inbox-compose-nothing-to-redo = No hay nada que rehacer.
inbox-compose-too-long = Este mensaje tiene { $chars } caracteres; caben como mucho { $most }. Acórtalo y envíalo.
inbox-compose-sent = Enviado. La empresa puede responderte libremente durante { $hours } horas.
inbox-copy-off = Copiar está desactivado en Ajustes
inbox-copy-nothing-selected = No hay ningún mensaje seleccionado para copiar.
inbox-copy-code = Código { $code } copiado
inbox-copy-message = Mensaje copiado, { $count ->
    [one] 1 carácter
   *[other] { $count } caracteres
    }
inbox-reported = Reportaste a { $name } ({ $reason }) con { $count ->
    [one] 1 mensaje
   *[other] { $count } mensajes
    } como prueba{ $blocked ->
    [business] { " " }y la bloqueaste
    [person] { " " }y lo bloqueaste
   *[no] { "" }
    }.
inbox-blocked-business = Bloqueaste a { $name }: no te llega nada de lo que envía. Desbloquéala con b.
inbox-blocked-person = Bloqueaste a { $name }: sus mensajes ya no te llegan. Desbloquéalo con b.
inbox-dialog-key-does-nothing = Esa tecla no hace nada en este diálogo: respóndelo o ciérralo.
inbox-first-contact-accepted = Ya puedes leer y responder a esta empresa; sus ofertas siguen necesitando tu suscripción (s).
inbox-this-tab = Ya estás en la pestaña { $tab }.
inbox-find-no-chat = Primero abre un chat: allí / busca texto en él.
inbox-resorted = La lista se ha vuelto a ordenar.
inbox-profile-personal-chat = Los perfiles son de empresas; este es un chat personal.
inbox-help-top = Estás al inicio de la ayuda.
inbox-help-end = Estás al final de la ayuda.
inbox-profile-no-chat = Aún no tienes un chat con esta empresa.
inbox-nothing-to-go-back-to = No hay adónde volver: esta es la lista de chats.
inbox-end-none = { $what ->
    [business] Aquí no hay ninguna empresa.
    [held] Aquí no hay ningún mensaje retenido.
    [chat] Aquí no hay ningún chat.
    [message] Aquí no hay ningún mensaje de este chat.
    [choice] Aquí no hay ninguna opción.
   *[setting] Aquí no hay ningún ajuste.
    }
inbox-end-first = { $what ->
    [business] Es la primera empresa.
    [held] Es el primer mensaje retenido.
    [chat] Es el primer chat.
    [message] Es el primer mensaje de este chat.
    [choice] Es la primera opción.
   *[setting] Es el primer ajuste.
    }
inbox-end-last = { $what ->
    [business] Es la última empresa.
    [held] Es el último mensaje retenido.
    [chat] Es el último chat.
    [message] Es el último mensaje de este chat.
    [choice] Es la última opción.
   *[setting] Es el último ajuste.
    }
inbox-no-unread-chats = No hay chats sin leer.
inbox-find-no-match = Ningún mensaje de este chat contiene «{ $query }»
inbox-find-nothing-again = No hay nada que volver a buscar: / busca texto en este chat.
inbox-find-round-again = vuelta al principio
inbox-held-released = Pasado a tu chat con { $name }.
inbox-held-brought-back = Recuperaste { $count ->
    [one] 1 mensaje retenido
   *[other] { $count } mensajes retenidos
    } de { $name }.
inbox-held-nothing-to-undo = No hay nada que deshacer: u recupera lo que borraste en Retenidos hace un momento.
inbox-held-deleted = Borraste { $count ->
    [one] 1 mensaje retenido
   *[other] { $count } mensajes retenidos
    } de { $name } · u deshacer
inbox-held-nothing = No hay nada retenido.
inbox-unblocked-person = Desbloqueaste a { $name }: sus mensajes vuelven a llegarte.
inbox-subs-no-match-esc = Ningún nombre de empresa contiene «{ $filter }»; Esc vuelve a mostrarlas todas.
inbox-command-unknown = No existe la orden :{ $name }. Pulsa : y luego Tab para ver todas las órdenes; ? muestra todas las teclas.
inbox-command-takes-nothing = :{ $name } no admite nada detrás; solo block, subscribe, report y profile admiten el nombre de una empresa.
inbox-command-no-business = Ninguna empresa con la que tengas un chat se llama «{ $name }».
inbox-command-already-blocked = { $name } ya está bloqueada; :block sin nada detrás la desbloquea.
inbox-settings-pages-on-zone = PgUp y PgDn saltan entre regiones en la fila Huso horario.
inbox-settings-lowest = Este ajuste ya está al mínimo.
inbox-settings-highest = Este ajuste ya está al máximo.

## Settings.
inbox-settings-title = Ajustes (se guardan al cambiarlos)
inbox-settings-offers = Ofertas
inbox-settings-interface = Interfaz
inbox-settings-quiet-zone = Las horas de silencio siguen tu huso horario ({ $zone }).
inbox-settings-quiet-explained = Retienen las ofertas hasta que acaban; avisos y códigos siguen llegando.
inbox-settings-on = sí
inbox-settings-off = no
inbox-settings-quiet-same = { $hour } (igual que el inicio: no)
inbox-settings-daily-cap = Ofertas al día, todas las empresas
inbox-settings-weekly-cap = Ofertas a la semana, de una empresa
inbox-settings-quiet-start = Inicio de las horas de silencio
inbox-settings-quiet-end = Fin de las horas de silencio
inbox-settings-zone = Huso horario (el de las horas de silencio)
inbox-settings-zone-unset = UTC (sin definir)
inbox-settings-all-offers = Todas las ofertas
inbox-settings-notifications = Notificaciones de mensajes nuevos
inbox-settings-notify-bell = campana
inbox-settings-notify-desktop = escritorio
inbox-settings-mouse = Ratón (sustituye a la selección de texto)
inbox-settings-copy = Copiar con y (portapapeles del terminal)
inbox-settings-order = Orden de los chats
inbox-settings-order-unread = primero los no leídos
inbox-settings-order-recent = más recientes
inbox-settings-language = Idioma
inbox-settings-language-from-settings = elegido aquí
inbox-settings-language-from-config = config.toml
inbox-settings-language-from-environment = del entorno
inbox-settings-language-from-default = predeterminado
inbox-language-unavailable = Parley no tiene catálogo para el idioma «{ $tag }», así que habla inglés. Añade uno en <config dir>/i18n/{ $tag }/ o elige un idioma en Ajustes.
inbox-language-problem = Un archivo de catálogo tuyo tiene errores: { $problem }. Corrige el archivo; el resto del catálogo se está usando.
inbox-sync-stopped = sincronización detenida: { $error }
inbox-profile-outcome = { $outcome ->
    [hold] { $count ->
        [one] retenido
       *[other] retenidos
        }
    [reject] { $count ->
        [one] rechazado
       *[other] rechazados
        }
   *[deliver] { $count ->
        [one] entregado
       *[other] entregados
        }
    }
