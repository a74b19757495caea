import { type ChainedEvent, hashEvent, verifyChain } from './audit-chain.js';

function chain(n: number): Array<ChainedEvent & { hash: string }> {
  const out: Array<ChainedEvent & { hash: string }> = [];
  let prevHash: string | null = null;
  for (let seq = 1; seq <= n; seq++) {
    const event: ChainedEvent = {
      caseId: 'c1',
      seq,
      type: seq === 1 ? 'case.created' : 'case.transitioned',
      occurredAt: new Date(Date.UTC(2026, 0, seq)),
      actor: { kind: 'person', person: 'anna', organisation: '0780' },
      payload: { n: seq, nested: { b: 1, a: [1, 2] } },
      prevHash,
    };
    const hash = hashEvent(event);
    out.push({ ...event, hash });
    prevHash = hash;
  }
  return out;
}

describe('audit chain', () => {
  it('verifies an untouched history', () => {
    const events = chain(4);
    expect(verifyChain(events, { version: 4, headHash: events[3]!.hash })).toEqual({ valid: true, events: 4 });
  });

  it('does not depend on key order (jsonb hands keys back in its own order)', () => {
    const [event] = chain(1);
    const reordered = { ...event!, payload: { nested: { a: [1, 2], b: 1 }, n: 1 } };
    expect(hashEvent(reordered)).toBe(event!.hash);
  });

  it('finds the first changed event', () => {
    const events = chain(5);
    events[2] = { ...events[2]!, payload: { n: 99 } };
    expect(verifyChain(events, { version: 5, headHash: events[4]!.hash })).toEqual({
      valid: false,
      events: 5,
      firstBrokenEvent: 3,
      reason: 'event 3 was changed after it was written (its hash does not match its content)',
    });
  });

  it('finds a removed event in the middle and at the end', () => {
    const events = chain(4);
    const head = { version: 4, headHash: events[3]!.hash };
    expect(verifyChain([events[0]!, events[2]!, events[3]!], head)).toMatchObject({ valid: false, firstBrokenEvent: 2 });
    expect(verifyChain(events.slice(0, 3), head)).toMatchObject({ valid: false, firstBrokenEvent: 4 });
  });

  it('finds an event whose time or actor was changed', () => {
    const events = chain(2);
    const head = { version: 2, headHash: events[1]!.hash };
    expect(verifyChain([events[0]!, { ...events[1]!, occurredAt: new Date(0) }], head)).toMatchObject({ valid: false, firstBrokenEvent: 2 });
    expect(verifyChain([{ ...events[0]!, actor: { ...events[0]!.actor, person: 'eve' } }, events[1]!], head)).toMatchObject({ valid: false, firstBrokenEvent: 1 });
  });
});
