//! The values of a list parameter ([`super::ParamKind::IntList`], `3,5,2`).

use super::ParamError;

/// A list parameter's values: integers separated by commas (spaces allowed,
/// `_` inside a number as in [`super::parse_int`]), their count and each value within bounds.
pub(super) fn parse(
    key: &'static str,
    s: &str,
    (min, max): (i64, i64),
    (min_len, max_len): (usize, usize),
) -> Result<Vec<i64>, ParamError> {
    let mut out = Vec::new();
    for item in s.split(',').map(str::trim) {
        let v = super::parse_int(item).ok_or_else(|| ParamError::NotANumber { key, input: item.to_owned() })?;
        if !(min..=max).contains(&v) {
            return Err(ParamError::OutOfRange { key, value: v, min, max });
        }
        out.push(v);
    }
    if !(min_len..=max_len).contains(&out.len()) {
        return Err(ParamError::ListLength { key, len: out.len(), min: min_len, max: max_len });
    }
    Ok(out)
}
