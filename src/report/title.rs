//! The head of a report: its title, on one line or two.

use super::{marker, parts};

/// The first line of a title set on two lines: short, no punctuation, not a
/// title by itself (`××市人民代表大会常务委员会`).
pub(super) fn title_first_line(line: &str) -> bool {
    line.len() <= 40 * 4
        && !line.contains(['。', '，', ',', ':', '：', '!', '！', '?', '？', '、'])
        && !parts::looks_like_title(line)
        && marker::parse(line, 0).is_none()
        && (line.ends_with("委员会") || line.ends_with("人民政府") || line.ends_with("政府"))
}
