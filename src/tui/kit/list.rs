//! Moving a selection within a list.

/// Moves an index by `delta` within `0..len` (0 when the list is empty).
pub fn step(current: usize, delta: i64, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    (current as i64)
        .saturating_add(delta)
        .clamp(0, len as i64 - 1) as usize
}
