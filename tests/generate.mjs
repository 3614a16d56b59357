// A generated dataset for speed tests: the paper's items with `n` pseudo-random milestones
// (deterministic), a quarter each of day, month, year and part-of-year precision, 2005-2024.
export function withMilestones(ds, n) {
  const precisions = ['day', 'month', 'year', 'part_of_year'];
  let seed = 7;
  const rnd = (k) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % k; };
  const iso = (t) => new Date(t).toISOString().slice(0, 10);
  const base = Date.UTC(2005, 0, 1);
  ds.milestones = Array.from({ length: n }, (_, i) => {
    const item = ds.items[rnd(ds.items.length)].id;
    const start = base + rnd(20 * 365) * 86400000;
    const precision = precisions[i % 4];
    const end = precision === 'day' || precision === 'month' ? start : start + rnd(700) * 86400000;
    return {
      id: `gen-${i}`, item, event: 'launched', label: `Generated milestone number ${i} with a label`,
      date: { text: iso(start), precision, start: iso(start), end: iso(end) },
      source: { paragraph: ds.items[0].source.paragraph, quote: 'q' },
    };
  });
  return ds;
}
