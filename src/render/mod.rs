//! Rendering: the dossier and its analysis → the files of the site. [`plan`] lists every page
//! with its template; [`Renderer::render`] turns one page into bytes. Pure: nothing here
//! touches the file system (templates arrive compiled, output leaves as bytes).

pub mod chronology;
pub mod cite;
pub mod compare;
pub mod context;
pub mod coverage;
pub mod data;
pub mod feeds;
pub mod front;
pub mod links;
pub mod markdown;
pub mod network;
pub mod notes;
pub mod pages;
pub mod templates;
pub mod timeline;

pub use pages::{affected, plan, PageKind, PlannedPage, Renderer};
