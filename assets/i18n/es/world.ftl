# parley world summary
world-summary-title = Mundo de demostración de Parley, { $now } ({ $days } días y { $hours } horas desde el inicio)
world-summary-what-reached = Qué le llegó a { $me }
world-summary-outcome-count = { $number } { $count ->
    [one] { $outcome }
   *[other] { $outcome }s
}{ $detail }
world-summary-delivered = entregado
world-summary-held = retenido
world-summary-rejected = rechazado
world-summary-verified = verificada
world-summary-not-verified = sin verificar
world-summary-tier = hasta { $people } { $limit ->
    [one] persona
   *[other] personas
} al día
world-summary-tier-lowered = hasta { $people } { $limit ->
    [one] persona
   *[other] personas
} al día (nivel rebajado)
world-summary-no-daily-limit = sin límite diario
world-summary-standing = Calidad { $quality } · { $tier } · { $strikes ->
    [one] 1 falta
   *[other] { $strikes } faltas
} en 90 días · saldo { $budget }
world-summary-everyone = Todos: { $tally }
world-summary-templates = Plantillas
world-summary-paused-times = en pausa { $count } { $count ->
    [one] vez
   *[other] veces
}
world-summary-refused-broadcasts = Difusiones rechazadas por saldo
world-summary-refused-broadcast = necesitaba { $needed } para { $people } { $count ->
    [one] persona
   *[other] personas
} con derecho, y el saldo tenía { $available }
world-summary-strikes = Faltas
world-summary-restrictions = Restricciones
world-summary-until = hasta { $at }
world-summary-until-reviewed = hasta la revisión
world-summary-shown = a la vista
world-summary-in-force = en vigor

# parley world advance
world-change-quality = calidad { $from } -> { $to }
world-change-template-paused = plantilla '{ $template }' en pausa (pausa { $pause }) hasta { $until }
world-change-template-disabled = plantilla '{ $template }' inhabilitada
world-change-template-resumed = plantilla '{ $template }' reanudada
world-change-strike = falta: { $detail }
world-change-restriction = restricción: { $kind }
world-change-restriction-until = restricción: { $kind } hasta { $until }
world-change-tier = nivel de mensajes ahora { $limit } ({ $reason })
world-blocked-not-kept = bloqueado, no se guarda
world-broadcast-settled = difusión, cobrados { $charged }, devueltos { $returned }
world-broadcast-refused = difusión rechazada: { $refusal }
world-a-message = un mensaje
world-others = { $count ->
    [one] 1 persona más
   *[other] { $count } personas más
}: { $tally }
world-business-sends = { $business } envía { $what } -> { $parts }
world-clock = Reloj: { $now }

# parley world reset
world-reset-synced-inbox = es una bandeja sincronizada con un servidor
world-reset-no-demo-world = es un almacén de Parley sin el mundo de demostración
world-reset-not-demo = { $path } no es el mundo de demostración: { $what }
world-reset-cannot-delete = no se puede borrar { $path }: { $error }
main-reset-not-demo = { $path } no es el mundo de demostración ({ $what }); `parley world reset` solo borra el mundo de demostración, así que se queda como está.
main-reset-no-terminal = no se borra el mundo de demostración de { $path }: no hay terminal para preguntar. Pasa --yes para reiniciarlo sin preguntar.
main-reset-ask = ¿Borrar el mundo de demostración de { $path } y empezar de nuevo? [s/N]
main-reset-kept = Se conserva el mundo de demostración de { $path }.
main-reset-done = Hay un mundo de demostración nuevo en { $path }, con el reloj en { $start }.
# Palabras que responden que sí, además de "y" y "yes", separadas por espacios.
main-yes-answers = s sí si

# Los errores de la propia línea de órdenes.
main-no-data-directory = no se encuentra ningún directorio de datos; pasa --data-dir DIR o define PARLEY_DATA_DIR
main-no-config-file = { $path }: no existe ese archivo de configuración; revisa la ruta de --config (o PARLEY_CONFIG)
main-not-a-size = `{ $size }` no es un tamaño; escríbelo como 80x24
main-not-a-span = `{ $span }` no es un intervalo de tiempo; escríbelo como 30m, 1h, 1d o 7d
main-cannot-create-data-dir = no se puede crear el directorio de datos { $path }
