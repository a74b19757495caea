import { createHash } from 'node:crypto';
import { diffArrays } from 'diff';

/** A word of a decision text: as written, and normalised for comparison. */
export interface Word {
  readonly text: string;
  readonly norm: string;
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
  /**
   * Whether `diff` goes word by word. False when the texts differ too much to compare word by
   * word within {@link DIFF_LIMITS}: `diff` then marks the whole passage from the first to the last
   * differing word as missing and extra, and `ranges` is that passage.
   */
  wordByWord: boolean;
}

/**
 * Bounds of the word-by-word comparison. Finding the fewest changes between two texts takes time
 * that grows with their length times the number of changes (jsdiff's Myers diff); two 50,000
 * character texts in other words took minutes with the event loop blocked. Beyond these bounds
 * the comparison gives the differing passage as a whole instead (see {@link TextComparison}).
 * Whether the texts are identical never depends on them.
 */
export const DIFF_LIMITS = {
  /**
   * At most this many words missing plus extra are shown word by word. The diff's time grows
   * with its square: 100 takes about 2 ms, 350 about 40 ms (7,000 words, unloaded machine).
   */
  maxEditLength: 120,
  /** Words compared word by word, both texts together, after their common beginning and end. */
  maxWords: 40_000,
  /** A safety net on a loaded machine: a diff that takes longer is given up (milliseconds). */
  timeoutMs: 15,
} as const;

/** List numbering at the start of a line: "1.", "2)", "a)", "iv.", "-", "•", "–". */
const LIST_MARK = /^\s*(?:\(?(?:\d{1,3}|[a-zåäö]|[ivxlcdm]{1,6})[.)]|[-•*–—])\s+/iu;
const PUNCTUATION = /\p{P}/gu;

/**
 * Words of texts split recently, by text. A gate compares every board's decision with the reference
 * on every evaluation (311 of them for all of Sweden's municipalities and regions), and the texts
 * rarely change; splitting is most of the cost. Bounded by characters kept; the oldest go first.
 */
const recent = new Map<string, readonly Word[]>();
const RECENT_MAX_CHARS = 4_000_000;
let recentChars = 0;

/**
 * Splits a decision text into words, dropping list numbering at the start of lines and words that
 * are only punctuation. Pure (the result is remembered for the next call with the same text).
 */
export function words(text: string): readonly Word[] {
  const known = recent.get(text);
  if (known) return known;
  const split = Object.freeze(splitWords(text));
  if (text.length <= RECENT_MAX_CHARS) {
    for (const [oldest] of recent) {
      if (recentChars + text.length <= RECENT_MAX_CHARS) break;
      recent.delete(oldest);
      recentChars -= oldest.length;
    }
    recent.set(text, split);
    recentChars += text.length;
  }
  return split;
}

function splitWords(text: string): Word[] {
  const joined = text
    .normalize('NFC')
    .split(/\r?\n/)
    .map((line) => line.replace(LIST_MARK, ''))
    .join(' ');
  // Lower-cased and stripped of punctuation as a whole, not word by word: the Swedish locale's
  // lower-casing is costly per call, and neither step adds or removes white space, so the two
  // splits below stay word for word aligned.
  const originals = joined.split(/\s+/u);
  const norms = joined.toLocaleLowerCase('sv').replace(PUNCTUATION, '').split(/\s+/u);
  const out: Word[] = [];
  originals.forEach((text, i) => {
    const norm = norms[i] ?? '';
    if (norm.length > 0) out.push({ text, norm });
  });
  return out;
}

/**
 * Compares a board's decision text with the reference text after normalisation (letter case,
 * white space, punctuation and list numbering do not count: likalydande means the same words),
 * and gives a word-level diff and the reference word positions that differ. Pure.
 *
 * @param reference the reference text, or its {@link words} when many decisions are compared with it
 */
export function compareDecisionText(reference: string | readonly Word[], decision: string): TextComparison {
  const ref = typeof reference === 'string' ? words(reference) : reference;
  const dec = words(decision);
  // Most decisions are identical: say so without a diff. A comparison of words, never of a diff.
  if (ref.length > 0 && ref.length === dec.length && ref.every((w, i) => w.norm === dec[i]!.norm)) {
    return { identical: true, ranges: [], diff: [{ op: 'same', words: ref.map((w) => w.text) }], wordByWord: true };
  }
  // The common beginning and end cost one pass; only the passage between them is diffed.
  let head = 0;
  while (head < ref.length && head < dec.length && ref[head]!.norm === dec[head]!.norm) head++;
  let tail = 0;
  while (tail < ref.length - head && tail < dec.length - head && ref[ref.length - 1 - tail]!.norm === dec[dec.length - 1 - tail]!.norm) tail++;
  const refMiddle = ref.slice(head, ref.length - tail).map((w) => w.norm);
  const decMiddle = dec.slice(head, dec.length - tail).map((w) => w.norm);
  const bounded =
    Math.abs(refMiddle.length - decMiddle.length) <= DIFF_LIMITS.maxEditLength && refMiddle.length + decMiddle.length <= DIFF_LIMITS.maxWords
      ? diffArrays(refMiddle, decMiddle, { maxEditLength: DIFF_LIMITS.maxEditLength, timeout: DIFF_LIMITS.timeoutMs })
      : undefined;
  // Too different to compare word by word in bounded time: the passage as a whole.
  const middle = bounded ?? [
    { removed: true, added: false, count: refMiddle.length },
    { removed: false, added: true, count: decMiddle.length },
  ];
  const changes = [{ removed: false, added: false, count: head }, ...middle, { removed: false, added: false, count: tail }];
  const diff: DiffPart[] = [];
  const ranges: WordRange[] = [];
  let refPos = 0; // words of the reference consumed so far
  let decPos = 0;
  let afterMissing = false;
  for (const change of changes) {
    const n = change.count ?? 0;
    if (n === 0) continue;
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
      const same = ref.slice(refPos, refPos + n).map((w) => w.text);
      const last = diff.at(-1);
      if (last?.op === 'same') last.words = last.words.concat(same);
      else diff.push({ op: 'same', words: same });
      refPos += n;
      decPos += n;
    }
    afterMissing = false;
  }
  return { identical: ranges.length === 0, ranges, diff, wordByWord: bounded !== undefined };
}

/**
 * Which normalisation {@link textDigest} stands for. Change it whenever {@link words} changes what
 * counts as the same words: stored digests of the old kind then never equal new ones, and those
 * decisions are compared word by word instead (never wrongly judged identical).
 */
const DIGEST_VERSION = 'w1';

/**
 * A digest of a text's normalised words: two texts have the same digest exactly when
 * {@link compareDecisionText} finds them identical. Stored with each decision so that a gate finds
 * the identical ones without reading their texts. Pure.
 */
export function textDigest(text: string): string {
  return `${DIGEST_VERSION}:${createHash('sha256')
    .update(
      words(text)
        .map((w) => w.norm)
        .join(' '),
      'utf8',
    )
    .digest('hex')}`;
}

/**
 * The words a decision lacks and those it has in their place, as the secretariat reads them
 * ("och förebyggande"), each at most `max` words (then "…"); passages are separated by " … ".
 * Empty when there are none. Pure.
 */
export function differingWords(comparison: Pick<TextComparison, 'diff'>, max = 12): { missing: string; extra: string } {
  const of = (op: DiffPart['op']) => {
    const passages = comparison.diff.filter((p) => p.op === op).map((p) => p.words);
    const out: string[] = [];
    let count = 0;
    for (const passage of passages) {
      if (count >= max) {
        out.push('…');
        break;
      }
      const taken = passage.slice(0, max - count);
      count += taken.length;
      out.push(taken.join(' ') + (taken.length < passage.length ? ' …' : ''));
    }
    return out.join(' … ').replace(/ … …$/, ' …');
  };
  return { missing: of('missing'), extra: of('extra') };
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
