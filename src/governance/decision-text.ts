import { diffArrays } from 'diff';

/** A word of a decision text: as written, and normalised for comparison. */
export interface Word {
  text: string;
  norm: string;
}

/** One run of a word diff: words both texts share, or that only the reference / the decision has. */
export interface DiffPart {
  op: 'same' | 'missing' | 'extra';
  words: string[];
}

/** Word positions (1-based, in the reference text) where a decision differs. */
export interface WordRange {
  from: number;
  to: number;
}

/** How a board's decision text compares with the reference text. */
export interface TextComparison {
  identical: boolean;
  ranges: WordRange[];
  diff: DiffPart[];
}

/** List numbering at the start of a line: "1.", "2)", "a)", "iv.", "-", "•", "–". */
const LIST_MARK = /^\s*(?:\(?(?:\d{1,3}|[a-zåäö]|[ivxlcdm]{1,6})[.)]|[-•*–—])\s+/iu;
const PUNCTUATION = /\p{P}/gu;

/**
 * Splits a decision text into words, dropping list numbering at the start of lines and words that
 * are only punctuation. Pure.
 */
export function words(text: string): Word[] {
  return text
    .normalize('NFC')
    .split(/\r?\n/)
    .map((line) => line.replace(LIST_MARK, ''))
    .join(' ')
    .split(/\s+/u)
    .map((w) => ({ text: w, norm: w.toLocaleLowerCase('sv').replace(PUNCTUATION, '') }))
    .filter((w) => w.norm.length > 0);
}

/**
 * Compares a board's decision text with the reference text after normalisation (letter case,
 * white space, punctuation and list numbering do not count: likalydande means the same words),
 * and gives a word-level diff and the reference word positions that differ. Pure.
 */
export function compareDecisionText(reference: string, decision: string): TextComparison {
  const ref = words(reference);
  const dec = words(decision);
  const changes = diffArrays(
    ref.map((w) => w.norm),
    dec.map((w) => w.norm),
  );
  const diff: DiffPart[] = [];
  const ranges: WordRange[] = [];
  let refPos = 0; // words of the reference consumed so far
  let decPos = 0;
  let afterMissing = false;
  for (const change of changes) {
    const n = change.count ?? change.value.length;
    if (change.added) {
      diff.push({ op: 'extra', words: dec.slice(decPos, decPos + n).map((w) => w.text) });
      // Extra words replacing missing ones are already pointed at; extra words on their own sit
      // between two reference words: point at the next one (or the last).
      if (!afterMissing) {
        const at = Math.min(refPos + 1, Math.max(ref.length, 1));
        addRange(ranges, at, at);
      }
      decPos += n;
    } else if (change.removed) {
      diff.push({ op: 'missing', words: ref.slice(refPos, refPos + n).map((w) => w.text) });
      addRange(ranges, refPos + 1, refPos + n);
      refPos += n;
      afterMissing = true;
      continue;
    } else {
      diff.push({ op: 'same', words: ref.slice(refPos, refPos + n).map((w) => w.text) });
      refPos += n;
      decPos += n;
    }
    afterMissing = false;
  }
  return { identical: ranges.length === 0, ranges, diff };
}

/** "14–16" or "3, 14–16": word ranges as a secretariat reads them. */
export function formatRanges(ranges: readonly WordRange[]): string {
  return ranges.map((r) => (r.from === r.to ? String(r.from) : `${r.from}–${r.to}`)).join(', ');
}

/** Merges a range into the list, joining it with the last one when they touch or overlap. */
function addRange(ranges: WordRange[], from: number, to: number): void {
  const last = ranges.at(-1);
  if (last && from <= last.to + 1) last.to = Math.max(last.to, to);
  else ranges.push({ from, to });
}
