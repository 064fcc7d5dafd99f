//! The event loop. The UI task reads terminal events and draws; the app (and with it every
//! SQLite call) runs on its own thread. Actions go one way through a bounded channel, states
//! come back through a watch channel, so pending redraws merge into one.

use super::config::{Notifications, UiConfig};
use super::keymap::Keymap;
use super::{Action, App, UiState, views};
use crate::sync::engine::{Engine, SyncConfig, SyncEvent};
use crossterm::event::{
    DisableMouseCapture, EnableMouseCapture, Event, EventStream, KeyEventKind, MouseEventKind,
};
use crossterm::terminal::{
    BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen,
    disable_raw_mode, enable_raw_mode,
};
use futures::StreamExt;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{Stdout, Write, stdout};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Notify, mpsc, watch};

/// How many events may wait for the app before terminal reading pauses.
const EVENT_QUEUE: usize = 64;
/// How often the UI wakes without events (to notice a clock or sync change).
const TICK: Duration = Duration::from_secs(1);

type Term = Terminal<CrosstermBackend<Stdout>>;

/// Puts the terminal back as it was: on quit, on error and on panic.
pub fn restore_terminal() {
    let _ = disable_raw_mode();
    let _ = crossterm::execute!(
        stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
}

/// What reaches the app's thread: the terminal's events and the sync loop's news.
#[derive(Debug)]
enum Input {
    Terminal(Event),
    Sync(SyncEvent),
}

/// Runs the inbox until the user quits; with `sync`, the sync loop runs beside it.
pub async fn run(
    app: App,
    config: UiConfig,
    sync: Option<(SyncConfig, Arc<Notify>)>,
) -> std::io::Result<()> {
    install_panic_hook();
    enable_raw_mode()?;
    crossterm::execute!(stdout(), EnterAlternateScreen)?;
    let result = run_loop(app, config, sync).await;
    restore_terminal();
    result
}

/// Starts the sync loop; its news comes back through the returned channel.
fn start_sync(sync: Option<(SyncConfig, Arc<Notify>)>) -> mpsc::Receiver<SyncEvent> {
    let (tx, rx) = mpsc::channel(EVENT_QUEUE);
    if let Some((config, wake)) = sync {
        match Engine::new(config, tx.clone()) {
            Ok(engine) => {
                tokio::spawn(engine.run(wake));
            }
            Err(e) => {
                let _ = tx.try_send(SyncEvent::Status(format!("sync stopped: {e}")));
            }
        }
    }
    rx
}

async fn run_loop(
    mut app: App,
    config: UiConfig,
    sync: Option<(SyncConfig, Arc<Notify>)>,
) -> std::io::Result<()> {
    let mut terminal = Terminal::new(CrosstermBackend::new(stdout()))?;
    let size = terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let (event_tx, event_rx) = mpsc::channel::<Input>(EVENT_QUEUE);
    let mut sync_rx = start_sync(sync);
    let (state_tx, mut state_rx) = watch::channel(Arc::new(app.state.clone()));
    let keymap = config.keymap.clone();
    let worker = std::thread::spawn(move || app_thread(app, keymap, event_rx, state_tx));
    let mut events = EventStream::new();
    let mut tick = tokio::time::interval(TICK);
    let mut state = state_rx.borrow_and_update().clone();
    let mut mouse = false;
    let mut rung = state.notify_count;
    apply_mouse(state.settings.mouse, &mut mouse)?;
    draw(&mut terminal, &state, &config)?;
    loop {
        tokio::select! {
            event = events.next() => match event {
                Some(Ok(event)) => {
                    if event_tx.send(Input::Terminal(event)).await.is_err() {
                        break;
                    }
                }
                Some(Err(e)) => return Err(e),
                None => break,
            },
            changed = state_rx.changed() => {
                if changed.is_err() {
                    break;
                }
                state = state_rx.borrow_and_update().clone();
                if state.quit {
                    break;
                }
                apply_mouse(state.settings.mouse, &mut mouse)?;
                if state.notify_count > rung {
                    rung = state.notify_count;
                    notify(&state);
                }
                draw(&mut terminal, &state, &config)?;
            }
            Some(news) = sync_rx.recv() => {
                if event_tx.send(Input::Sync(news)).await.is_err() {
                    break;
                }
            }
            _ = tick.tick() => {}
        }
    }
    drop(event_tx);
    let _ = worker.join();
    Ok(())
}

/// The app's thread: turns every waiting event into an action in the mode the app is in at
/// that moment (so fast typing never lands in a stale mode), applies it, then publishes one
/// new state.
fn app_thread(
    mut app: App,
    keymap: Keymap,
    mut inputs: mpsc::Receiver<Input>,
    states: watch::Sender<Arc<UiState>>,
) {
    while let Some(first) = inputs.blocking_recv() {
        let mut next = Some(first);
        while let Some(input) = next {
            match input {
                Input::Terminal(event) => {
                    if let Some(action) = to_action(&event, &app.state, &keymap) {
                        app.update(action);
                    }
                }
                Input::Sync(SyncEvent::Status(text)) => app.set_connection(text),
                Input::Sync(SyncEvent::Changed) => app.update(Action::Refresh),
            }
            next = inputs.try_recv().ok();
        }
        let quit = app.state.quit;
        if states.send(Arc::new(app.state.clone())).is_err() || quit {
            break;
        }
    }
}

/// The action a terminal event asks for in the app's current state.
pub fn to_action(event: &Event, state: &UiState, keymap: &Keymap) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => keymap.action(state.mode(), key),
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        Event::Mouse(m) if state.settings.mouse => match m.kind {
            MouseEventKind::Down(_) => Some(Action::Click {
                column: m.column,
                row: m.row,
            }),
            MouseEventKind::ScrollUp => Some(Action::ScrollUp {
                column: m.column,
                row: m.row,
            }),
            MouseEventKind::ScrollDown => Some(Action::ScrollDown {
                column: m.column,
                row: m.row,
            }),
            _ => None,
        },
        _ => None,
    }
}

fn draw(terminal: &mut Term, state: &UiState, config: &UiConfig) -> std::io::Result<()> {
    crossterm::queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    terminal.draw(|frame| views::draw(frame, state, &config.theme, &config.keymap))?;
    crossterm::execute!(terminal.backend_mut(), EndSynchronizedUpdate)?;
    Ok(())
}

fn apply_mouse(wanted: bool, current: &mut bool) -> std::io::Result<()> {
    if wanted != *current {
        if wanted {
            crossterm::execute!(stdout(), EnableMouseCapture)?;
        } else {
            crossterm::execute!(stdout(), DisableMouseCapture)?;
        }
        *current = wanted;
    }
    Ok(())
}

/// Rings the bell, or asks the terminal for a desktop notification (OSC 9).
fn notify(state: &UiState) {
    let mut out = stdout();
    match state.settings.notifications {
        Notifications::Bell => {
            let _ = out.write_all(b"\x07");
        }
        Notifications::Desktop => {
            let text = crate::model::text::clean_line(
                state.notification.as_deref().unwrap_or("New message"),
                120,
            );
            let _ = write!(out, "\x1b]9;Parley: {text}\x07");
        }
        Notifications::Off => {}
    }
    let _ = out.flush();
}
