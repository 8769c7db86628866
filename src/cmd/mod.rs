//! The commands: each one orchestrates the stages for one use and returns what the CLI
//! prints. Thin on purpose; the work is in the stages.

pub mod build;
pub mod check;
pub mod import;
pub mod init;
pub mod new;
pub mod progress;
