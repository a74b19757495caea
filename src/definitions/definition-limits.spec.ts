import { countNodes, firstTooDeep, jsonBytes, jsonChildren } from './definition-limits.js';

/** `[[[…'x'…]]]`, `depth` lists deep, built without recursion. */
const lists = (depth: number) => {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

describe('definition limits', () => {
  it('finds where a value is too deep without recursion, even 200,000 levels deep', () => {
    expect(firstTooDeep(lists(200_000), 32, jsonChildren, 1)).toEqual(Array.from({ length: 32 }, () => 0));
    expect(firstTooDeep(lists(32), 32, jsonChildren, 1)).toBeUndefined();
    expect(firstTooDeep({ a: 1, b: { c: { d: {} } } }, 2, jsonChildren, 1)).toEqual(['b', 'c']);
  });

  it('counts nodes no further than the limit', () => {
    expect(
      countNodes(
        Array.from({ length: 1000 }, () => ({})),
        10,
        jsonChildren,
      ),
    ).toBe(11);
    expect(countNodes([{}, [{}]], 10, jsonChildren)).toBe(4);
  });

  it('measures JSON text only of values within the depth', () => {
    expect(jsonBytes(['ab'], 1)).toBe(6);
    expect(jsonBytes(lists(5), 4)).toBeUndefined();
    expect(jsonBytes(3, 0)).toBe(1);
  });
});
