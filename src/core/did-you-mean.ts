import { compareCodeUnits } from './compare-code-units.js';

/**
 * The candidate closest to `word` when it is close enough to be a likely typo, else undefined.
 * Case differences count as half an edit, so `displayname` suggests `displayName`; a word of three
 * or more letters that begins exactly one candidate suggests it (`prod` → `production`). The
 * allowance is a third of the word (at least one edit). Ties go to the candidate that sorts first,
 * so the suggestion is the same on every machine; `word` itself is never suggested.
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const list = [...new Set(candidates)].filter((candidate) => candidate !== word).sort(compareCodeUnits);
  const extensions = list.filter((candidate) => word.length >= 3 && candidate.toLowerCase().startsWith(lower));
  if (extensions.length === 1) return extensions[0];
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of list) {
    const distance = candidate.toLowerCase() === lower ? 0.5 : editDistance(lower, candidate.toLowerCase());
    if (best === undefined || distance < best.distance) best = { candidate, distance };
  }
  const allowed = Math.max(1, Math.floor(word.length / 3));
  return best !== undefined && best.distance <= allowed ? best.candidate : undefined;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps each cost 1. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = value;
    }
  }
  return rows[a.length]![b.length]!;
}
