//! The analyst's notes as pages show them: beside their paragraph on an article page (with
//! the paragraph's "cite" control), in a section of an event's or actor's page, and all
//! together on `/notes/`. A note is the analyst's own reading, so every one is labelled so.

use serde::Serialize;

use super::context::{ActorRef, ArticleRef, EventRef, NoteView, Views};
use super::markdown;
use crate::model::{Article, Dossier};

/// `/notes/`: every note, grouped by what it is about.
#[derive(Debug, Clone, Serialize)]
pub struct NotesPage {
    /// Articles with notes, in the dossier's order (newest first), each note by paragraph.
    pub articles: Vec<ArticleNotes>,
    /// Events with notes, oldest first.
    pub events: Vec<EventNotes>,
    /// Actors with notes, by name.
    pub actors: Vec<ActorNotes>,
    /// How many notes in all.
    pub count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct ArticleNotes {
    pub article: ArticleRef,
    pub notes: Vec<NoteView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EventNotes {
    pub event: EventRef,
    /// The notes section of the event's page.
    pub url: String,
    pub notes_html: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActorNotes {
    pub actor: ActorRef,
    /// The notes section of the actor's page.
    pub url: String,
    pub notes_html: Vec<String>,
}

/// Whether any article, event or actor has a note: the `/notes/` page and its link exist
/// only then.
pub fn any(dossier: &Dossier) -> bool {
    dossier.articles.iter().any(|a| !a.notes.is_empty())
        || dossier.events.iter().any(|e| !e.notes.is_empty())
        || dossier.actors.iter().any(|a| !a.notes.is_empty())
}

impl Views<'_> {
    /// An article's notes, rendered; a note on a paragraph the text no longer has (while the
    /// live preview shows an edit) is left out.
    pub fn article_notes(&self, article: &Article) -> Vec<NoteView> {
        let page = self.url(&super::pages::article::dir(&article.slug));
        article
            .notes
            .iter()
            .filter(|n| n.paragraph <= article.paragraphs.len())
            .map(|n| NoteView {
                paragraph: n.paragraph,
                url: format!("{page}#p{}", n.paragraph),
                html: markdown::render_note(&n.text, &self.config.markdown),
            })
            .collect()
    }

    /// An event's or actor's notes, rendered.
    pub fn notes_html(&self, notes: &[String]) -> Vec<String> {
        notes
            .iter()
            .map(|n| markdown::render_note(n, &self.config.markdown))
            .collect()
    }

    /// `body_html` with, after each paragraph, its side: the analyst's note on it, if any
    /// (searchable: inside the page's indexed body), and its "cite" control, a link to the
    /// page's one citation line for any paragraph (`#cite`), which the theme's script opens
    /// under the paragraph with its number filled in (left out of the search index). The
    /// citation is not written out after every paragraph: it would be most of the page.
    pub fn with_sides(&self, body_html: &str, notes: &[NoteView]) -> String {
        markdown::after_paragraphs(body_html, |n| {
            let mut side = String::from("<div class=\"para-side\">");
            if let Some(note) = notes.iter().find(|note| note.paragraph == n) {
                side.push_str(&format!(
                    "<div class=\"analyst-note\" id=\"note-p{n}\" role=\"note\" aria-label=\"Analyst’s note on paragraph {n}\"><p class=\"note-label\">Analyst’s note</p>{}</div>",
                    note.html
                ));
            }
            side.push_str(&format!(
                "<a class=\"cite\" href=\"#cite\" data-p=\"{n}\" data-pagefind-ignore>cite<span class=\"visually-hidden\"> paragraph</span> ¶{n}</a></div>\n"
            ));
            Some(side)
        })
    }

    /// The `/notes/` page.
    pub fn notes_page(&self) -> NotesPage {
        let d = self.dossier;
        let articles: Vec<ArticleNotes> = d
            .articles
            .iter()
            .filter(|a| !a.notes.is_empty())
            .map(|a| ArticleNotes {
                article: self.article_ref(a),
                notes: self.article_notes(a),
            })
            .collect();
        let events: Vec<EventNotes> = d
            .events
            .iter()
            .filter(|e| !e.notes.is_empty())
            .map(|e| EventNotes {
                event: self.event_ref(e),
                url: format!("{}#notes", self.url(&super::pages::event::dir(&e.slug))),
                notes_html: self.notes_html(&e.notes),
            })
            .collect();
        let actors: Vec<ActorNotes> = d
            .actors
            .iter()
            .enumerate()
            .filter(|(_, a)| !a.notes.is_empty())
            .map(|(i, a)| ActorNotes {
                actor: self.actor_ref(i, self.analysis.actor_mentions[i]),
                url: format!("{}#notes", self.url(&super::pages::actor::dir(&a.slug))),
                notes_html: self.notes_html(&a.notes),
            })
            .collect();
        let count = articles.iter().map(|a| a.notes.len()).sum::<usize>()
            + events.iter().map(|e| e.notes_html.len()).sum::<usize>()
            + actors.iter().map(|a| a.notes_html.len()).sum::<usize>();
        NotesPage {
            articles,
            events,
            actors,
            count,
        }
    }
}
