//! The event loop of the console and the demo, in the inbox's shape: the UI task reads the
//! terminal and draws; the program (and every SQLite or server call) runs on its own thread.
//! While a broadcast is sending, that thread sends it a part at a time between keys, and
//! publishes the state after each part, so the progress bar follows the real work. A program
//! over a server is also reloaded every few seconds without keys.

use crate::tui::UiConfig;
use crate::tui::keymap::Keymap;
use crate::tui::runtime::restore_terminal;
use crate::tui::theme::Theme;
use crossterm::event::{Event, EventStream, KeyEvent, KeyEventKind};
use crossterm::terminal::{
    BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen, enable_raw_mode,
};
use futures::StreamExt;
use ratatui::backend::CrosstermBackend;
use ratatui::{Frame, Terminal};
use std::io::{Stdout, stdout};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc::error::TryRecvError;
use tokio::sync::{mpsc, watch};

/// How many events may wait for the program before terminal reading pauses.
const EVENT_QUEUE: usize = 64;
/// How often the UI wakes without events.
const TICK: Duration = Duration::from_secs(1);

/// A full-screen program the loop runs: keys in, a view to draw out.
pub trait Program: Send + 'static {
    /// Everything a frame needs.
    type View: Send + Sync + 'static;
    /// A key, through the keymap.
    fn key(&mut self, keymap: &Keymap, event: &KeyEvent);
    /// The terminal's new size.
    fn resize(&mut self, width: u16, height: u16);
    /// Whether there is work to do between keys (a broadcast sending).
    fn busy(&self) -> bool;
    /// Does the next piece of that work.
    fn tick(&mut self);
    /// How often to reload what is on screen while no key comes (`None`: only on keys).
    fn refresh_every(&self) -> Option<std::time::Duration> {
        None
    }
    /// Reloads what is on screen.
    fn refresh(&mut self) {}
    /// What to draw now.
    fn view(&self) -> Self::View;
    /// Whether the user asked to quit.
    fn quit(&self) -> bool;
    /// Draws a view.
    fn draw(frame: &mut Frame, view: &Self::View, theme: &Theme, keymap: &Keymap);
}

/// Runs a program full screen until the user quits; the terminal is always restored.
pub async fn run<P: Program>(program: P, config: UiConfig) -> std::io::Result<()> {
    install_panic_hook();
    enable_raw_mode()?;
    crossterm::execute!(stdout(), EnterAlternateScreen)?;
    let result = run_loop(program, config).await;
    restore_terminal();
    result
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
}

async fn run_loop<P: Program>(mut program: P, config: UiConfig) -> std::io::Result<()> {
    let mut terminal = Terminal::new(CrosstermBackend::new(stdout()))?;
    let size = terminal.size()?;
    program.resize(size.width, size.height);
    let (event_tx, event_rx) = mpsc::channel::<Event>(EVENT_QUEUE);
    let (state_tx, mut state_rx) = watch::channel(Arc::new(program.view()));
    let keymap = config.keymap.clone();
    let runtime = tokio::runtime::Handle::current();
    let worker =
        std::thread::spawn(move || program_thread(program, keymap, event_rx, state_tx, runtime));
    let mut events = EventStream::new();
    let mut tick = tokio::time::interval(TICK);
    let mut view = state_rx.borrow_and_update().clone();
    draw::<P>(&mut terminal, &view, &config)?;
    loop {
        tokio::select! {
            event = events.next() => match event {
                Some(Ok(event)) => {
                    if event_tx.send(event).await.is_err() {
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
                view = state_rx.borrow_and_update().clone();
                draw::<P>(&mut terminal, &view, &config)?;
            }
            _ = tick.tick() => {}
        }
    }
    drop(event_tx);
    let _ = worker.join();
    Ok(())
}

/// What the program's thread does next.
enum Next {
    Event(Event),
    Tick,
    Refresh,
    Stop,
}

/// The program's thread: applies every waiting event, or (when none waits and there is work)
/// does the next piece of work, or (when nothing came for a while) reloads; then publishes
/// one new view.
fn program_thread<P: Program>(
    mut program: P,
    keymap: Keymap,
    mut events: mpsc::Receiver<Event>,
    views: watch::Sender<Arc<P::View>>,
    runtime: tokio::runtime::Handle,
) {
    loop {
        match next(&program, &mut events, &runtime) {
            Next::Event(event) => handle(&mut program, &keymap, &event),
            Next::Tick => program.tick(),
            Next::Refresh => program.refresh(),
            Next::Stop => break,
        }
        while let Ok(event) = events.try_recv() {
            handle(&mut program, &keymap, &event);
        }
        if views.send(Arc::new(program.view())).is_err() || program.quit() {
            break;
        }
    }
}

/// Waits for the next event; a busy program does not wait, and one that wants refreshing
/// waits only so long.
fn next<P: Program>(
    program: &P,
    events: &mut mpsc::Receiver<Event>,
    runtime: &tokio::runtime::Handle,
) -> Next {
    let received = |event: Option<Event>| event.map_or(Next::Stop, Next::Event);
    if program.busy() {
        return match events.try_recv() {
            Ok(event) => Next::Event(event),
            Err(TryRecvError::Empty) => Next::Tick,
            Err(TryRecvError::Disconnected) => Next::Stop,
        };
    }
    match program.refresh_every() {
        None => received(events.blocking_recv()),
        Some(every) => {
            match runtime.block_on(async { tokio::time::timeout(every, events.recv()).await }) {
                Ok(event) => received(event),
                Err(_) => Next::Refresh,
            }
        }
    }
}

fn handle<P: Program>(program: &mut P, keymap: &Keymap, event: &Event) {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => program.key(keymap, key),
        Event::Resize(width, height) => program.resize(*width, *height),
        _ => {}
    }
}

fn draw<P: Program>(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    view: &P::View,
    config: &UiConfig,
) -> std::io::Result<()> {
    crossterm::queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    terminal.draw(|frame| P::draw(frame, view, &config.theme, &config.keymap))?;
    crossterm::execute!(terminal.backend_mut(), EndSynchronizedUpdate)?;
    Ok(())
}
