import { type ChainedEvent, hashEvent, type StoredChainedEvent, verifyChain } from './audit-chain.js';
import { historySigner } from './history-signing.js';

const KEYS = { current: { id: 'k2', secret: 'x'.repeat(40) }, old: [{ id: 'k1', secret: 'y'.repeat(40) }] };
const signer = historySigner(KEYS);
const check = signer.check;

function chain(n: number, sign: (seq: number) => boolean = () => true): StoredChainedEvent[] {
  const out: StoredChainedEvent[] = [];
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
    out.push({ ...event, hash, signature: sign(seq) ? signer.sign(hash) : null });
    prevHash = hash;
  }
  return out;
}

const headOf = (events: StoredChainedEvent[]) => ({ version: events.length, headHash: events.at(-1)!.hash });

describe('audit chain', () => {
  it('verifies an untouched, signed history', () => {
    const events = chain(4);
    expect(verifyChain(events, headOf(events), check)).toEqual({ valid: true, events: 4 });
  });

  it('does not depend on key order (jsonb hands keys back in its own order)', () => {
    const [event] = chain(1);
    const reordered = { ...event!, payload: { nested: { a: [1, 2], b: 1 }, n: 1 } };
    expect(hashEvent(reordered)).toBe(event!.hash);
  });

  it('finds the first changed event', () => {
    const events = chain(5);
    events[2] = { ...events[2]!, payload: { n: 99 } };
    expect(verifyChain(events, headOf(events), check)).toEqual({
      valid: false,
      events: 5,
      firstBrokenEvent: 3,
      reason: {
        sv: 'händelse 3 har ändrats efter att den skrevs (hashen stämmer inte med innehållet)',
        en: 'event 3 was changed after it was written (its hash does not match its content)',
      },
    });
  });

  it('finds a removed event in the middle and at the end', () => {
    const events = chain(4);
    const head = headOf(events);
    expect(verifyChain([events[0]!, events[2]!, events[3]!], head, check)).toMatchObject({ valid: false, firstBrokenEvent: 2 });
    expect(verifyChain(events.slice(0, 3), head, check)).toMatchObject({ valid: false, firstBrokenEvent: 4 });
  });

  it('finds an event whose time or actor was changed', () => {
    const events = chain(2);
    const head = headOf(events);
    expect(verifyChain([events[0]!, { ...events[1]!, occurredAt: new Date(0) }], head, check)).toMatchObject({ valid: false, firstBrokenEvent: 2 });
    expect(verifyChain([{ ...events[0]!, actor: { ...events[0]!.actor, person: 'eve' } }, events[1]!], head, check)).toMatchObject({
      valid: false,
      firstBrokenEvent: 1,
    });
  });

  it('finds a rewritten event whose chain was recomputed, by its signature', () => {
    const events = chain(3);
    // A forger changes event 2 and recomputes the hashes from there, but has no key: they keep the old signatures.
    const forged: StoredChainedEvent[] = [events[0]!];
    for (const e of events.slice(1)) {
      const changed = { ...e, payload: e.seq === 2 ? { n: 99 } : e.payload, prevHash: forged.at(-1)!.hash };
      forged.push({ ...changed, hash: hashEvent(changed) });
    }
    expect(verifyChain(forged, headOf(forged), check)).toMatchObject({
      valid: false,
      firstBrokenEvent: 2,
      reason: { en: expect.stringContaining('signature that does not match') },
    });
    // Signed with a key of their own: not one the service knows.
    const own = historySigner({ current: { id: 'k2', secret: 'z'.repeat(40) }, old: [] });
    const signedByForger = forged.map((e) => ({ ...e, signature: own.sign(e.hash) }));
    expect(verifyChain(signedByForger, headOf(signedByForger), check)).toMatchObject({ valid: false, firstBrokenEvent: 1 });
  });

  it('accepts events signed with an older key, and refuses one signed with a key it does not know', () => {
    const old = historySigner({ current: KEYS.old[0]!, old: [] });
    const events = chain(2).map((e) => ({ ...e, signature: e.seq === 1 ? old.sign(e.hash) : e.signature }));
    expect(verifyChain(events, headOf(events), check)).toEqual({ valid: true, events: 2 });
    const forgotten = historySigner({ current: KEYS.current, old: [] }).check;
    expect(verifyChain(events, headOf(events), forgotten)).toMatchObject({
      valid: false,
      firstBrokenEvent: 1,
      reason: { en: expect.stringContaining('key "k1"') },
    });
  });

  it('counts unsigned events written before signing began, and refuses an unsigned event after a signed one', () => {
    const legacy = chain(4, (seq) => seq > 2);
    expect(verifyChain(legacy, headOf(legacy), check)).toMatchObject({
      valid: true,
      events: 4,
      unsignedEvents: 2,
      note: { en: expect.stringContaining('events 1–2 were written before') },
    });
    const stripped = chain(4, (seq) => seq !== 3);
    expect(verifyChain(stripped, headOf(stripped), check)).toMatchObject({
      valid: false,
      firstBrokenEvent: 3,
      reason: { en: expect.stringContaining('not signed although earlier events are') },
    });
  });
});
