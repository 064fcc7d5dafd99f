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

## Las palabras de los códigos del modelo.
outcome-deliver = Entregado
outcome-hold = Retenido
outcome-reject = Rechazado
feedback-interested = Me interesa
feedback-not-interested = No me interesa
delivery-sending = enviando
delivery-sent = enviado
delivery-delivered = entregado
delivery-read = leído
chat-filter-all = Todos
chat-filter-unread = No leídos
chat-filter-personal = Personales
chat-filter-business = Empresas
chat-filter-offers = Ofertas
chat-filter-archived = Archivados
block-reason-no-longer-needed = Ya no lo necesito
block-reason-person-no-longer-wanted = Ya no quiero hablar
block-reason-didnt-sign-up = No me suscribí
block-reason-spam = Spam
block-reason-offensive = Ofensivo
block-reason-no-reason = Sin motivo
report-reason-spam = Spam
report-reason-scam = Estafa o fraude
report-reason-offensive = Ofensivo o amenazante
report-reason-didnt-sign-up = No me suscribí a esto
report-reason-other = Otra cosa
category-marketing = Oferta
category-utility = Aviso
category-authentication = Código
category-service = Respuesta
business-kind-transport = Transporte
business-kind-delivery = Paquetería
business-kind-energy = Energía
business-kind-bank = Banco
business-kind-shop = Tienda
business-kind-grocery = Supermercado
business-kind-finance = Préstamos
business-kind-other = Empresa
quality-high = Alta
quality-medium = Media
quality-low = Baja
restriction-warning = Advertencia
restriction-tier-lowered = Nivel de mensajes rebajado un escalón
restriction-marketing-suspended = Marketing suspendido
restriction-sending-suspended = Envíos por iniciativa de la empresa suspendidos
restriction-disabled = Empresa inhabilitada
verdict-reinstated = Rehabilitada
verdict-confirmed = Restricción confirmada
reason-for-business-business-suspended = tus envíos están suspendidos
reason-for-business-blocked-by-user = la persona te bloqueó
reason-for-business-template-not-approved = la plantilla no está aprobada
reason-for-business-template-paused = la plantilla está en pausa
reason-for-business-template-disabled = la plantilla está inhabilitada
reason-for-business-template-deleted = la plantilla se eliminó
reason-for-business-outside-service-window = no hay ventana de atención abierta
reason-for-business-tier-limit-reached = supera tu nivel diario de mensajes
reason-for-business-marketing-suspended = tu marketing está suspendido
reason-for-business-not-subscribed = no está suscrita a tus ofertas
reason-for-business-user-marketing-cap = ya alcanzó su límite de ofertas
reason-for-business-not-interested-recently = hace poco dijo No me interesa
reason-for-business-quiet-hours = en sus horas de silencio; se envía cuando terminen
reason-for-business-delivered = entregado

## Órdenes que tiene toda aplicación.
kit-cmd-help = ayuda
kit-cmd-notices = historial de avisos
kit-cmd-command-line = línea de órdenes (Tab completa)
kit-cmd-advance-hour = reloj +1 hora
kit-cmd-advance-day = reloj +1 día
kit-cmd-quit = salir
kit-help-everywhere = En todas partes

## El kit del terminal.
kit-badge-business = [EMPRESA]
kit-mark-business = [emp]
kit-mark-verified = ✓verificada
kit-help-title = Teclas (cámbialas en config.toml, en [keys.<modo>])
kit-help-more-above = más arriba
kit-help-more-below = más abajo
kit-too-small = Terminal demasiado pequeño: { $size }. { $what } necesita al menos { $least }.
kit-editor-not-set = $EDITOR no está definido: defínelo (p. ej. EDITOR=nano) para escribir mensajes en tu editor.
kit-editor-cannot-write = No se pudo escribir el mensaje para { $editor }: { $error }.
kit-editor-cannot-read = No se pudo leer lo que escribió { $editor }: { $error }.
kit-editor-cannot-start = No se pudo abrir { $editor }: { $error }. El mensaje no ha cambiado.
kit-editor-failed = { $editor } terminó con { $status }; el mensaje no ha cambiado.
kit-notify-new-message = Mensaje nuevo
kit-notify-desktop = Parley: { $text }
kit-keys-not-a-table = [keys.{ $mode }] debe ser una tabla de tecla = "acción"
kit-keys-unknown-mode = modo desconocido [keys.{ $mode }]; los modos son global, { $modes }
kit-keys-action-not-text = [keys.{ $mode }] { $key }: la acción debe ser un texto
kit-keys-not-a-key = [keys.{ $mode }]: `{ $key }` no es una tecla
kit-keys-unknown-action = [keys.{ $mode }] { $key }: acción desconocida `{ $action }`
kit-render-quote-not-closed = un texto entre comillas en --keys no está cerrado
kit-render-not-a-key = `{ $word }` no es una tecla (mira los nombres de las teclas en assets/keymap.toml)
kit-theme-unknown-style = [theme]: estilo desconocido `{ $name }`; los estilos son { $styles }
kit-theme-not-a-colour = [theme] { $name }: `{ $text }` no es un color
kit-run-no-business-named = no hay ninguna empresa llamada { $name }; las empresas son { $known }
kit-render-unknown-screen = pantalla desconocida `{ $screen }`; las pantallas son { $screens }
kit-render-not-a-span = `{ $advance }` no es un intervalo de tiempo; escríbelo como 1d4h

## La sincronización con un servidor, como la cuenta la línea de estado.
sync-token-refused = El servidor rechazó este token y Parley dejó de sincronizar; lo que ves es la copia de este ordenador. Pide un token nuevo a quien gestiona el servidor (`parley serve add-user NOMBRE` lo imprime) y abre Parley con --token T.
sync-status-token-refused = token rechazado · sin sincronizar
sync-status-last-sync = última sincronización { $at }
sync-status-synced = sincronizado { $at }
sync-status-offline-retry = sin conexión · reintento en { $seconds } s{ $last }
sync-status-refused-retry = rechazado · reintento en { $seconds } s{ $last }
sync-status-syncing = sincronizando…
sync-status-online = conectado{ $last }

## Los errores del almacén local.
store-error-not-a-database = { $path } no es una base de datos de Parley: no es SQLite o está tan dañada que no se puede leer. Parley no la ha tocado. Apártala (o apunta --data-dir a otro sitio) y vuelve a empezar.
store-error-foreign = { $path } es una base de datos SQLite de otro programa. Parley no la ha tocado. Apunta --data-dir (o PARLEY_DATA_DIR) a otro directorio.
store-error-newer-schema = { $path } la escribió un Parley más nuevo (versión de esquema { $found }; este conoce hasta la { $known }). Parley no la ha tocado. Usa el Parley más nuevo u otro --data-dir.
store-error-corrupt = { $path } está dañada ({ $detail }). Parley se detuvo antes de cambiar nada. Guarda una copia del archivo y luego apártalo para empezar de cero.
store-error-busy = { $path } lo está usando otro Parley; ciérralo y vuelve a intentarlo
store-error-disk-full = { $path }: el disco está lleno; libera espacio (o lleva --data-dir a otro disco) y vuelve a intentarlo
store-error-cannot-open = no se puede abrir { $path }: { $detail }
store-error-database = error de la base de datos: { $detail }

## A length of time ("23 h 5 min").
duration-under-a-minute = menos de un minuto
duration-hours-minutes = { $hours ->
        [0] { $minutes } min
       *[other] { $minutes ->
            [0] { $hours } h
           *[other] { $hours } h { $minutes } min
        }
    }
