//! The crate's hand-written ordering, for the short lists the interface orders (markers by size,
//! a site's milestones by date, a chart's bars by value). Insertion: the lists are tiny, and it
//! keeps the standard library's sorts, kilobytes per instantiation, out of the wasm.

/// Sorts `v` ascending by `key`, keeping the order of equal keys (stable). Keys that do not
/// compare (NaN) are left where they are relative to their neighbours.
pub fn sort_by_key<T, K: PartialOrd>(v: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && key(&v[j - 1]) > key(&v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Sorts indices ascending by `keys[i]`, equal keys by index: the order a stable sort of an
/// ascending list would give. Not generic, so a list of any length is sorted by one copy of the
/// standard library's unstable sort (the stable one costs kilobytes per instantiation).
pub fn sort_indices(v: &mut [usize], keys: &[f64]) {
    v.sort_unstable_by(|&a, &b| keys[a].total_cmp(&keys[b]).then(a.cmp(&b)));
}

/// Sorts `v` ascending by a numeric key, keeping the order of equal keys, for lists of any
/// length: through `sort_indices`, so every such sort shares its one copy of the code.
pub fn sort_by_number<T: Copy>(v: &mut Vec<T>, key: impl Fn(&T) -> f64) {
    let keys: Vec<f64> = v.iter().map(key).collect();
    let mut order: Vec<usize> = (0..v.len()).collect();
    sort_indices(&mut order, &keys);
    *v = order.into_iter().map(|i| v[i]).collect();
}

/// Inserts `x` keeping `v` in descending order of `key` (equal keys keep their arrival order):
/// for lists built one element at a time, such as a chart's bars.
pub fn insert_desc<T>(v: &mut Vec<T>, x: T, key: fn(&T) -> f64) {
    let k = key(&x);
    let at = v.iter().position(|y| key(y) < k).unwrap_or(v.len());
    v.insert(at, x);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_number_stably() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        sort_by_number(&mut v, |p| f64::from(p.0));
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn sorts_indices_by_key_then_index() {
        let keys = [3.0, 1.0, f64::INFINITY, 1.0, -2.0];
        let mut v = vec![0, 1, 2, 3, 4];
        sort_indices(&mut v, &keys);
        assert_eq!(v, [4, 1, 3, 0, 2]);
        let mut some = vec![3, 2, 1];
        sort_indices(&mut some, &keys);
        assert_eq!(some, [1, 3, 2]);
    }

    #[test]
    fn sorts_ascending_and_keeps_ties_in_order() {
        let mut v = [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn sorts_by_a_float_key_and_handles_empty_and_single() {
        let mut v = [0.5, -2.0, 10.0, 0.25];
        sort_by_key(&mut v, |x| -x);
        assert_eq!(v, [10.0, 0.5, 0.25, -2.0]);
        let mut empty: [u8; 0] = [];
        sort_by_key(&mut empty, |x| *x);
        let mut one = ["x"];
        sort_by_key(&mut one, |x| x.len());
        assert_eq!(one, ["x"]);
    }

    #[test]
    fn inserts_in_descending_order_after_equal_keys() {
        let mut v: Vec<(f64, char)> = Vec::new();
        for x in [(2.0, 'a'), (5.0, 'b'), (2.0, 'c'), (9.0, 'd'), (0.5, 'e')] {
            insert_desc(&mut v, x, |p| p.0);
        }
        assert_eq!(
            v,
            [(9.0, 'd'), (5.0, 'b'), (2.0, 'a'), (2.0, 'c'), (0.5, 'e')]
        );
    }
}
