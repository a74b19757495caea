import { compareDecisionText, formatRanges, textDigest, words } from './decision-text.js';

const REFERENCE = `Kommunen ställer sig bakom överenskommelsen Barnens bästa gäller i Kronoberg.
1. Kommunen prioriterar tidiga och förebyggande insatser för barn och unga.
2. Kommunen deltar i den regionala styrgruppen.`;

describe('compareDecisionText', () => {
  it('treats case, white space, punctuation and list numbering as the same text', () => {
    const variant = `KOMMUNEN ställer sig bakom överenskommelsen "Barnens bästa gäller" i Kronoberg
a) Kommunen   prioriterar tidiga och förebyggande insatser för barn och unga;
b) kommunen deltar i den regionala styrgruppen`;
    expect(compareDecisionText(REFERENCE, variant)).toEqual({
      identical: true,
      ranges: [],
      diff: [{ op: 'same', words: expect.any(Array) }],
      wordByWord: true,
    });
  });

  it('finds changed words and says where they are in the reference', () => {
    const changed = REFERENCE.replace('tidiga och förebyggande', 'tidiga eller akuta');
    const result = compareDecisionText(REFERENCE, changed);
    expect(result.identical).toBe(false);
    // Words: 1 Kommunen … 10 Kronoberg, 11 Kommunen 12 prioriterar 13 tidiga 14 och 15 förebyggande
    expect(result.ranges).toEqual([{ from: 14, to: 15 }]);
    expect(formatRanges(result.ranges)).toBe('14–15');
    expect(result.diff.filter((p) => p.op !== 'same')).toEqual([
      { op: 'missing', words: ['och', 'förebyggande'] },
      { op: 'extra', words: ['eller', 'akuta'] },
    ]);
  });

  it('points at missing and extra words, also at the ends', () => {
    expect(compareDecisionText('a b c d', 'a b c d e').ranges).toEqual([{ from: 4, to: 4 }]);
    expect(compareDecisionText('a b c d', 'b c d').ranges).toEqual([{ from: 1, to: 1 }]);
    const two = compareDecisionText('a b c d e f g', 'a x c d e f');
    expect(formatRanges(two.ranges)).toBe('2, 7');
  });

  it('splits into words without numbering and punctuation-only tokens', () => {
    expect(words('1. Ja – och nej!\n  ii) Kanske.').map((w) => w.norm)).toEqual(['ja', 'och', 'nej', 'kanske']);
  });
});

describe('textDigest', () => {
  it('is the same exactly for texts the comparison finds identical', () => {
    const same = `KOMMUNEN ställer sig bakom överenskommelsen "Barnens bästa gäller" i Kronoberg\na) Kommunen prioriterar tidiga och förebyggande insatser för barn och unga;\nb) kommunen deltar i den regionala styrgruppen`;
    const texts = [REFERENCE, same, REFERENCE.replace('tidiga', 'sena'), REFERENCE.replace('regionala ', ''), `${REFERENCE} Punkt.`, '', '–'];
    for (const a of texts) {
      for (const b of texts) expect([a, b, textDigest(a) === textDigest(b)]).toEqual([a, b, compareDecisionText(a, b).identical]);
    }
  });
});

describe('compareDecisionText within its bounds', () => {
  const distinct = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(' ');

  it('shows texts in other words as one differing passage, quickly, and still word by word when they differ a little', () => {
    const reference = distinct('ref', 7_000);
    const started = performance.now();
    const other = compareDecisionText(reference, `${distinct('ref', 10)} ${distinct('dec', 7_000)}`);
    // A guard against the unbounded diff (seconds to minutes on texts like these), not a measurement:
    // the bound leaves room for a loaded 2-core CI machine (631 ms seen there against 500).
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(other).toMatchObject({ identical: false, wordByWord: false, ranges: [{ from: 11, to: 7_000 }] });
    expect(other.diff.map((p) => [p.op, p.words.length])).toEqual([
      ['same', 10],
      ['missing', 6_990],
      ['extra', 7_000],
    ]);
    const few = compareDecisionText(reference, reference.replace('ref100 ', 'x ').replace('ref5000 ', ''));
    expect(few).toMatchObject({
      identical: false,
      wordByWord: true,
      ranges: [
        { from: 101, to: 101 },
        { from: 5_001, to: 5_001 },
      ],
    });
  });

  it('finds long texts identical without a diff', () => {
    const reference = distinct('ord', 20_000);
    expect(compareDecisionText(reference, reference.toUpperCase())).toMatchObject({ identical: true, wordByWord: true, ranges: [] });
  });
});
