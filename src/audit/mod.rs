//! What makes a run provable: `manifest` (what a report read and wrote, by SHA-256),
//! `earlier` (the outputs an earlier run left in a folder, by its manifest), and `verify`
//! (whether a report folder is still what its inputs make), and `diff` (what changed
//! between two runs, and which change moved which rank).

pub mod diff;
pub mod earlier;
pub mod manifest;
pub mod verify;
