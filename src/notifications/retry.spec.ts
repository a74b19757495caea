import { retryDelayMs } from './retry.js';

describe('retryDelayMs', () => {
  it('waits a minute, then doubles up to an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) => retryDelayMs(n) / 60_000)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it('keeps trying for about six hours over the default 12 attempts', () => {
    const waited = Array.from({ length: 11 }, (_, i) => retryDelayMs(i + 1)).reduce((a, b) => a + b, 0);
    expect(waited / 3_600_000).toBeCloseTo(6.05, 1);
  });
});
