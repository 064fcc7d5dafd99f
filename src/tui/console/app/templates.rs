//! The Templates screen: browse, write a template in the editor or submit one from a TOML
//! file, see its review at once, edit or resubmit it as a new version, delete it, and start a
//! broadcast of an approved one.

use super::super::field::TextField;
use super::super::source::*;
use super::super::state::*;
use super::{ConsoleApp, movement};
use crate::model::*;
use crate::tui::console::Action;
use crate::tui::kit::list::step;

/// Largest template file read, in bytes.
const MAX_FILE_BYTES: u64 = 64 * 1024;

impl ConsoleApp {
    pub(super) fn templates_action(&mut self, action: Action) {
        if let Some(delta) = movement(&action) {
            let list = &mut self.state.templates;
            list.selected = step(list.selected, delta, list.rows.len());
            return;
        }
        match action {
            Action::NewTemplate => self.state.editor = Some(Editor::default()),
            Action::SubmitFile => self.state.prompt = Some(TextField::default()),
            Action::EditTemplate => self.edit_selected(),
            Action::DeleteTemplate => self.ask_delete_selected(),
            Action::Send | Action::Open => self.send_selected(),
            _ => {}
        }
    }

    /// Opens the editor on the selected template's current version, or says why it cannot
    /// take a new one.
    fn edit_selected(&mut self) {
        let Some(t) = self
            .state
            .templates
            .selected_card()
            .map(|c| c.template.clone())
        else {
            self.info(tr!("console-templates-none-yet"));
            return;
        };
        if let Some(why) = not_editable(&t, self.state.clock) {
            self.info(tr!(
                "console-template-not-editable",
                name = t.name.as_str(),
                why = why
            ));
            return;
        }
        let field = |text: &str| TextField {
            text: text.to_string(),
            cursor: text.chars().count(),
        };
        self.state.editor = Some(Editor {
            name: field(&t.name),
            category: t.requested_category,
            allow_recategorise: t.allow_recategorise,
            body: field(&t.body),
            focus: EditorField::Body,
            revising: Some(Revising {
                template: t.id,
                resubmit: t.status == TemplateStatus::Rejected,
            }),
        });
    }

    /// Asks whether to delete the selected template.
    fn ask_delete_selected(&mut self) {
        let Some(t) = self.state.templates.selected_card().map(|c| &c.template) else {
            self.info(tr!("console-templates-none-yet"));
            return;
        };
        if t.status == TemplateStatus::Deleted {
            self.info(tr!(
                "console-template-already-deleted",
                name = t.name.as_str()
            ));
            return;
        }
        self.state.dialog = Some(ConsoleDialog::Delete {
            template: t.id,
            name: t.name.clone(),
        });
    }

    /// Deletes a template the business confirmed.
    pub(super) fn delete(
        &mut self,
        source: &mut dyn ConsoleSource,
        template: TemplateId,
        name: &str,
    ) -> Result<()> {
        let Some(business) = self.business() else {
            return Ok(());
        };
        source.delete(template)?;
        self.load_templates(source, business)?;
        self.info(tr!("console-template-deleted", name = name));
        Ok(())
    }

    /// Opens the broadcast form on the selected template, or says why it cannot be sent.
    fn send_selected(&mut self) {
        let Some(card) = self.state.templates.selected_card() else {
            self.info(tr!("console-templates-none-yet"));
            return;
        };
        let (id, name) = (card.template.id, card.template.name.clone());
        if let Some(why) = not_sendable(&card.template, self.state.clock) {
            self.info(tr!(
                "console-template-not-sendable",
                name = name.as_str(),
                why = why
            ));
            return;
        }
        self.state.screen = ConsoleScreen::Compose;
        self.state.compose.stage = BroadcastStage::Editing;
        self.choose_template(Some(id));
        let form = &mut self.state.compose.form;
        form.focus = match form.params.is_empty() {
            true => ComposeField::Audience,
            false => ComposeField::Param(0),
        };
    }

    pub(super) fn editor_action(
        &mut self,
        source: &mut dyn ConsoleSource,
        action: Action,
    ) -> Result<()> {
        let Some(editor) = self.state.editor.as_mut() else {
            return Ok(());
        };
        match action {
            Action::Back => self.state.editor = None,
            Action::Confirm | Action::Open => {
                let draft = TemplateDraft {
                    name: editor.name.value().to_string(),
                    category: editor.category,
                    body: editor.body.text.clone(),
                    allow_recategorise: editor.allow_recategorise,
                };
                if draft.name.is_empty() {
                    editor.focus = EditorField::Name;
                    self.info(tr!("console-template-name-first"));
                    return Ok(());
                }
                let revising = editor.revising;
                self.submit(source, &draft, revising)?;
                self.state.editor = None;
            }
            Action::NextField | Action::MoveDown => editor.focus = next_field(editor, 1),
            Action::PrevField | Action::MoveUp => editor.focus = next_field(editor, -1),
            Action::Quit => self.state.quit = true,
            other => edit_field(editor, &other),
        }
        Ok(())
    }

    pub(super) fn prompt_action(
        &mut self,
        source: &mut dyn ConsoleSource,
        action: Action,
    ) -> Result<()> {
        let Some(prompt) = self.state.prompt.as_mut() else {
            return Ok(());
        };
        match action {
            Action::Back => self.state.prompt = None,
            Action::Confirm | Action::Open => {
                let path = prompt.value().to_string();
                match read_draft(&path) {
                    Ok(draft) => {
                        self.submit(source, &draft, None)?;
                        self.state.prompt = None;
                    }
                    Err(problem) => self.error(problem),
                }
            }
            Action::Quit => self.state.quit = true,
            other => {
                prompt.edit(&other);
            }
        }
        Ok(())
    }

    /// Submits a template (or, `revising` one, its new version) for review and shows the
    /// result at once.
    fn submit(
        &mut self,
        source: &mut dyn ConsoleSource,
        draft: &TemplateDraft,
        revising: Option<Revising>,
    ) -> Result<()> {
        let Some(business) = self.business() else {
            return Ok(());
        };
        let card = match revising {
            Some(r) => source.revise(r.template, draft, r.resubmit)?,
            None => source.submit(business, draft)?,
        };
        self.state.screen = ConsoleScreen::Templates;
        self.load_templates(source, business)?;
        if let Some(i) = self
            .state
            .templates
            .rows
            .iter()
            .position(|c| c.template.id == card.template.id)
        {
            self.state.templates.selected = i;
        }
        let card = self
            .state
            .templates
            .selected_card()
            .cloned()
            .unwrap_or_else(|| super::load::clean_card(card));
        self.state.dialog = Some(ConsoleDialog::Review { card });
        Ok(())
    }
}

/// The next field; a new version keeps its template's name, so its name is passed by.
fn next_field(editor: &Editor, delta: i64) -> EditorField {
    let all: Vec<EditorField> = EditorField::ALL
        .iter()
        .copied()
        .filter(|f| editor.revising.is_none() || *f != EditorField::Name)
        .collect();
    let i = all.iter().position(|f| *f == editor.focus).unwrap_or(0);
    all[step(i, delta, all.len())]
}

/// Why a template cannot take a new version now, or `None` when it can: a paused or
/// disabled one would dodge its enforcement, and a deleted one is gone.
pub fn not_editable(template: &Template, now: Timestamp) -> Option<String> {
    match template.status_at(now) {
        TemplateStatus::Paused | TemplateStatus::Disabled | TemplateStatus::Deleted => {
            not_sendable(template, now)
        }
        _ => None,
    }
}

/// Typing, or changing a choice with left and right.
fn edit_field(editor: &mut Editor, action: &Action) {
    let sideways = match action {
        Action::CursorLeft => Some(-1),
        Action::CursorRight => Some(1),
        _ => None,
    };
    match (editor.focus, sideways) {
        (EditorField::Name, _) if editor.revising.is_some() => {}
        (EditorField::Name, _) => {
            editor.name.edit(action);
        }
        (EditorField::Body, _) => {
            editor.body.edit(action);
        }
        (EditorField::Category, Some(delta)) => {
            let all = Category::ALL;
            let i = all.iter().position(|c| *c == editor.category).unwrap_or(0) as i64;
            editor.category = all[(i + delta).rem_euclid(all.len() as i64) as usize];
        }
        (EditorField::Recategorise, Some(_)) => {
            editor.allow_recategorise = !editor.allow_recategorise
        }
        _ => {}
    }
}

/// Reads a template from a TOML file: `name`, `category`, `body` and optionally
/// `allow_recategorise`.
pub fn read_draft(path: &str) -> std::result::Result<TemplateDraft, String> {
    if path.is_empty() {
        return Err(tr!("console-file-type-path"));
    }
    let shown = text::clean_line(path, 80);
    let size = std::fs::metadata(path)
        .map_err(|e| cannot_read(&shown, &e))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(tr!(
            "console-file-too-big",
            file = shown.as_str(),
            size = size,
            most = MAX_FILE_BYTES
        ));
    }
    let text = std::fs::read_to_string(path).map_err(|e| cannot_read(&shown, &e))?;
    toml::from_str(&text).map_err(|e| {
        let message = text::clean_line(e.message(), 200);
        tr!(
            "console-file-not-a-template",
            file = shown.as_str(),
            error = message
        )
    })
}

fn cannot_read(shown: &str, e: &std::io::Error) -> String {
    tr!(
        "console-file-cannot-read",
        file = shown,
        error = e.to_string()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_file_needs_name_category_and_body() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("t.toml");
        std::fs::write(
            &good,
            "name = \"spring\"\ncategory = \"utility\"\nbody = \"Hi {{1}}\"\n",
        )
        .unwrap();
        let draft = read_draft(good.to_str().unwrap()).unwrap();
        assert_eq!(draft.category, Category::Utility);
        assert!(draft.allow_recategorise);
        let bad = dir.path().join("b.toml");
        std::fs::write(&bad, "name = \"x\"\ncolour = 1\n").unwrap();
        let err = read_draft(bad.to_str().unwrap()).unwrap_err();
        assert!(err.contains("not a template file"), "{err}");
        assert!(
            read_draft("/nonexistent/t.toml")
                .unwrap_err()
                .contains("Cannot read")
        );
    }
}
