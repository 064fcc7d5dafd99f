//! The one event loop. The UI task reads terminal events and draws; the program (and with it
//! every SQLite or server call) runs on its own thread. Inputs go one way through a bounded
//! channel, views come back through a watch channel, so pending redraws merge into one.
//!
//! While the program is busy (a broadcast sending), its thread does the next piece of work
//! between inputs and publishes a view after each piece, so progress follows the real work.
//! A program that asks for it is also refreshed every few seconds without keys.

use super::keymap::Keymap;
use super::notify::{self, Alert};
use super::theme::Theme;
use crossterm::clipboard::CopyToClipboard;
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
    EventStream, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, KeyboardEnhancementFlags,
    MouseEvent, PopKeyboardEnhancementFlags, PushKeyboardEnhancementFlags,
};
use crossterm::terminal::{
    BeginSynchronizedUpdate, Clear, ClearType, EndSynchronizedUpdate, EnterAlternateScreen,
    LeaveAlternateScreen, disable_raw_mode, enable_raw_mode, supports_keyboard_enhancement,
};
use futures::StreamExt;
use ratatui::backend::CrosstermBackend;
use ratatui::{Frame, Terminal};
use std::io::{Stdout, stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use tokio::sync::mpsc::error::TryRecvError;
use tokio::sync::{mpsc, watch};

/// How many inputs may wait for the program before terminal reading pauses.
pub const EVENT_QUEUE: usize = 64;
/// How often the UI wakes without events.
const TICK: Duration = Duration::from_secs(1);

/// A full-screen program the loop runs: keys, mouse and news in, a view to draw out.
pub trait Program: Send + 'static {
    /// Everything a frame needs.
    type View: Send + Sync + 'static;
    /// News from a background task (the sync loop's), if the program takes any.
    type News: Send + 'static;
    /// A key, through the keymap.
    fn key(&mut self, keymap: &Keymap, event: &KeyEvent);
    /// A mouse event (only while the view asks for the mouse).
    fn mouse(&mut self, _event: &MouseEvent) {}
    /// The terminal's new size.
    fn resize(&mut self, width: u16, height: u16);
    /// Text pasted into the terminal (bracketed paste): by default typed, character by
    /// character, leaving out controls.
    fn paste(&mut self, keymap: &Keymap, text: &str) {
        for c in text.chars().filter(|c| !c.is_control()) {
            self.key(keymap, &KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
    }
    /// What came back from `$EDITOR` after the view asked for it: the text, or why not.
    fn edited(&mut self, _result: Result<String, String>) {}
    /// News from the background task.
    fn news(&mut self, _news: Self::News) {}
    /// Whether there is work to do between inputs (a broadcast sending).
    fn busy(&self) -> bool {
        false
    }
    /// Does the next piece of that work.
    fn tick(&mut self) {}
    /// How often to reload what is on screen while no input comes (`None`: only on inputs).
    fn refresh_every(&self) -> Option<Duration> {
        None
    }
    /// Reloads what is on screen.
    fn refresh(&mut self) {}
    /// The size the program draws at.
    fn size(&self) -> (u16, u16);
    /// What to draw now.
    fn view(&self) -> Self::View;
    /// Draws a view.
    fn draw(frame: &mut Frame, view: &Self::View, theme: &Theme, keymap: &Keymap);
    /// Draws the program as it is now (headless, without copying its view when it can).
    fn draw_now(&self, frame: &mut Frame, theme: &Theme, keymap: &Keymap) {
        Self::draw(frame, &self.view(), theme, keymap);
    }
    /// Whether a view is the last: the user asked to quit.
    fn quits(view: &Self::View) -> bool;
    /// Whether a view wants the mouse captured.
    fn wants_mouse(_view: &Self::View) -> bool {
        false
    }
    /// The view's latest alert (a bell or a desktop notification), if it has any.
    fn alert(_view: &Self::View) -> Option<Alert<'_>> {
        None
    }
    /// Text the view asks to have written in `$EDITOR`, with a number that grows with each
    /// request.
    fn external_edit(_view: &Self::View) -> Option<(u64, &str)> {
        None
    }
    /// Text the view asks to copy to the terminal's clipboard, with a number that grows with
    /// each copy: the runtime writes it once, as the one OSC 52 sequence Parley sends.
    fn clipboard(_view: &Self::View) -> Option<(u64, &str)> {
        None
    }
}

/// Whether the terminal reports keys without ambiguity (Shift-Enter apart from Enter): asked
/// once, before the event reader starts.
static DISAMBIGUATES: OnceLock<bool> = OnceLock::new();
/// Whether Parley pushed the keyboard enhancement flags, and must pop them on the way out.
static PUSHED_FLAGS: AtomicBool = AtomicBool::new(false);

/// Puts the terminal back as it was: on quit, on error and on panic.
pub fn restore_terminal() {
    if PUSHED_FLAGS.swap(false, Ordering::SeqCst) {
        let _ = crossterm::execute!(stdout(), PopKeyboardEnhancementFlags);
    }
    let _ = disable_raw_mode();
    let _ = crossterm::execute!(
        stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
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

/// Runs a program full screen until the user quits; with `news`, a background task's news
/// reaches it. The terminal is always restored.
pub async fn run<P: Program>(
    program: P,
    theme: Theme,
    keymap: Keymap,
    news: Option<mpsc::Receiver<P::News>>,
) -> std::io::Result<()> {
    install_panic_hook();
    if let Err(e) = enter_terminal() {
        restore_terminal();
        return Err(e);
    }
    let result = run_loop(program, &theme, keymap, news).await;
    restore_terminal();
    result
}

/// Raw mode, the alternate screen, pastes reported whole, and keys reported without ambiguity
/// where the terminal can (so Shift-Enter is not Enter).
fn enter_terminal() -> std::io::Result<()> {
    enable_raw_mode()?;
    crossterm::execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    let disambiguates =
        *DISAMBIGUATES.get_or_init(|| supports_keyboard_enhancement().unwrap_or(false));
    if disambiguates {
        crossterm::execute!(
            stdout(),
            PushKeyboardEnhancementFlags(KeyboardEnhancementFlags::DISAMBIGUATE_ESCAPE_CODES)
        )?;
        PUSHED_FLAGS.store(true, Ordering::SeqCst);
    }
    Ok(())
}

/// What reaches the program's thread: the terminal's events, the background task's news,
/// and what `$EDITOR` gave back.
enum Input<N> {
    Terminal(Event),
    News(N),
    Edited(Result<String, String>),
}

/// The terminal side between frames: the mouse as the view wants it, the alerts rung so far.
struct Screen {
    terminal: Terminal<CrosstermBackend<Stdout>>,
    mouse: bool,
    rung: u64,
    /// The last `$EDITOR` request served.
    edits: u64,
    /// The last copy written to the clipboard.
    copies: u64,
}

async fn run_loop<P: Program>(
    mut program: P,
    theme: &Theme,
    keymap: Keymap,
    news: Option<mpsc::Receiver<P::News>>,
) -> std::io::Result<()> {
    let terminal = Terminal::new(CrosstermBackend::new(stdout()))?;
    let size = terminal.size()?;
    program.resize(size.width, size.height);
    let (input_tx, input_rx) = mpsc::channel::<Input<P::News>>(EVENT_QUEUE);
    let mut news = news.unwrap_or_else(|| mpsc::channel(1).1);
    let (view_tx, mut view_rx) = watch::channel(Arc::new(program.view()));
    let worker_keymap = keymap.clone();
    let runtime = tokio::runtime::Handle::current();
    let worker = std::thread::spawn(move || {
        program_thread(program, worker_keymap, input_rx, view_tx, runtime)
    });
    let mut events = Some(EventStream::new());
    let mut tick = tokio::time::interval(TICK);
    let view = view_rx.borrow_and_update().clone();
    let mut screen = Screen {
        terminal,
        mouse: false,
        rung: P::alert(&view).map_or(0, |a| a.count),
        edits: P::external_edit(&view).map_or(0, |(id, _)| id),
        copies: P::clipboard(&view).map_or(0, |(id, _)| id),
    };
    screen.show::<P>(&view, theme, &keymap)?;
    loop {
        tokio::select! {
            event = next_event(&mut events) => match event {
                Some(Ok(event)) => {
                    if input_tx.send(Input::Terminal(event)).await.is_err() {
                        break;
                    }
                }
                Some(Err(e)) => return Err(e),
                None => break,
            },
            changed = view_rx.changed() => {
                if changed.is_err() {
                    break;
                }
                let view = view_rx.borrow_and_update().clone();
                if P::quits(&view) {
                    break;
                }
                screen.show::<P>(&view, theme, &keymap)?;
                if let Some(text) = screen.edit_request::<P>(&view) {
                    // The reader stops before the editor reads the terminal; the old one must be
                    // gone before a new one starts (both take crossterm's reader lock).
                    drop(events.take());
                    let edited = screen.suspend_for_editor(text)?;
                    events = Some(EventStream::new());
                    if input_tx.send(Input::Edited(edited)).await.is_err() {
                        break;
                    }
                }
            }
            Some(news) = news.recv() => {
                if input_tx.send(Input::News(news)).await.is_err() {
                    break;
                }
            }
            _ = tick.tick() => {}
        }
    }
    drop(input_tx);
    let _ = worker.join();
    Ok(())
}

/// The terminal's next event, while there is a reader.
async fn next_event(events: &mut Option<EventStream>) -> Option<std::io::Result<Event>> {
    match events {
        Some(stream) => stream.next().await,
        None => std::future::pending().await,
    }
}

impl Screen {
    /// Applies what the view asks of the terminal, then draws it in one synchronized update.
    fn show<P: Program>(
        &mut self,
        view: &P::View,
        theme: &Theme,
        keymap: &Keymap,
    ) -> std::io::Result<()> {
        self.capture_mouse(P::wants_mouse(view))?;
        if let Some(alert) = P::alert(view).filter(|a| a.count > self.rung) {
            self.rung = alert.count;
            notify::ring(&alert);
        }
        crossterm::queue!(self.terminal.backend_mut(), BeginSynchronizedUpdate)?;
        self.terminal
            .draw(|frame| P::draw(frame, view, theme, keymap))?;
        crossterm::execute!(self.terminal.backend_mut(), EndSynchronizedUpdate)?;
        self.copy::<P>(view)
    }

    /// Writes a new copy of the view to the terminal's clipboard (OSC 52), once.
    fn copy<P: Program>(&mut self, view: &P::View) -> std::io::Result<()> {
        let Some((id, text)) = P::clipboard(view).filter(|(id, _)| *id > self.copies) else {
            return Ok(());
        };
        self.copies = id;
        crossterm::execute!(
            self.terminal.backend_mut(),
            CopyToClipboard::to_clipboard_from(text)
        )
    }

    /// The text of a new `$EDITOR` request of the view, if it has one.
    fn edit_request<'v, P: Program>(&mut self, view: &'v P::View) -> Option<&'v str> {
        let (id, text) = P::external_edit(view).filter(|(id, _)| *id > self.edits)?;
        self.edits = id;
        Some(text)
    }

    /// Gives the terminal to `$EDITOR` while it runs, then takes it back and redraws whole.
    fn suspend_for_editor(&mut self, text: &str) -> std::io::Result<Result<String, String>> {
        restore_terminal();
        self.mouse = false;
        let editor = std::env::var("EDITOR").ok();
        let edited = super::editor::edit(editor.as_deref(), text);
        enter_terminal()?;
        crossterm::execute!(stdout(), Clear(ClearType::All))?;
        // A new terminal draws the next frame whole (clearing the old one would ask the
        // terminal where its cursor is, and the answer would race the event reader).
        self.terminal = Terminal::new(CrosstermBackend::new(stdout()))?;
        Ok(edited)
    }

    fn capture_mouse(&mut self, wanted: bool) -> std::io::Result<()> {
        if wanted != self.mouse {
            if wanted {
                crossterm::execute!(stdout(), EnableMouseCapture)?;
            } else {
                crossterm::execute!(stdout(), DisableMouseCapture)?;
            }
            self.mouse = wanted;
        }
        Ok(())
    }
}

/// What the program's thread does next.
enum Next<N> {
    Input(Input<N>),
    Tick,
    Refresh,
    Stop,
}

/// The program's thread: applies every waiting input in the mode the program is in at that
/// moment (so fast typing never lands in a stale mode), or (when none waits and there is
/// work) does the next piece of work, or (when nothing came for a while) reloads; then
/// publishes one new view.
fn program_thread<P: Program>(
    mut program: P,
    keymap: Keymap,
    mut inputs: mpsc::Receiver<Input<P::News>>,
    views: watch::Sender<Arc<P::View>>,
    runtime: tokio::runtime::Handle,
) {
    loop {
        match next(&program, &mut inputs, &runtime) {
            Next::Input(input) => handle(&mut program, &keymap, input),
            Next::Tick => program.tick(),
            Next::Refresh => program.refresh(),
            Next::Stop => break,
        }
        while let Ok(input) = inputs.try_recv() {
            handle(&mut program, &keymap, input);
        }
        let view = Arc::new(program.view());
        let quit = P::quits(&view);
        if views.send(view).is_err() || quit {
            break;
        }
    }
}

/// Waits for the next input; a busy program does not wait, and one that wants refreshing
/// waits only so long.
fn next<P: Program>(
    program: &P,
    inputs: &mut mpsc::Receiver<Input<P::News>>,
    runtime: &tokio::runtime::Handle,
) -> Next<P::News> {
    let received = |input: Option<Input<P::News>>| input.map_or(Next::Stop, Next::Input);
    if program.busy() {
        return match inputs.try_recv() {
            Ok(input) => Next::Input(input),
            Err(TryRecvError::Empty) => Next::Tick,
            Err(TryRecvError::Disconnected) => Next::Stop,
        };
    }
    match program.refresh_every() {
        None => received(inputs.blocking_recv()),
        Some(every) => {
            match runtime.block_on(async { tokio::time::timeout(every, inputs.recv()).await }) {
                Ok(input) => received(input),
                Err(_) => Next::Refresh,
            }
        }
    }
}

fn handle<P: Program>(program: &mut P, keymap: &Keymap, input: Input<P::News>) {
    match input {
        Input::Terminal(Event::Key(key)) if key.kind != KeyEventKind::Release => {
            program.key(keymap, &key)
        }
        Input::Terminal(Event::Mouse(mouse)) => program.mouse(&mouse),
        Input::Terminal(Event::Resize(width, height)) => program.resize(width, height),
        Input::Terminal(Event::Paste(text)) => program.paste(keymap, &text),
        Input::Terminal(_) => {}
        Input::News(news) => program.news(news),
        Input::Edited(result) => program.edited(result),
    }
}
