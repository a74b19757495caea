import { missingForMeasurable, progressOf, targetValueOf } from './goal-progress.js';

const halve = {
  kpi: 'N03937',
  indicatorName: null,
  municipalityCode: '10',
  organisationId: null,
  baselineValue: 12.4,
  baselineYear: 2022,
  targetKind: 'relative' as const,
  targetValue: -50,
  targetYear: 2030,
  direction: null,
};

describe('goal progress', () => {
  it('turns "halve youth unemployment" into a target value and a direction', () => {
    expect(targetValueOf(halve)).toBe(6.2);
    expect(progressOf(halve, []).direction).toBe('decrease');
  });

  it('is unknown until there is a measurement after the baseline year', () => {
    expect(progressOf(halve, [{ period: 2022, value: 12.4 }])).toMatchObject({ latest: null, onTrack: null });
  });

  it('compares the share of the way reached with a straight line to the target year', () => {
    // 2026: half of the 8 years gone, so half of the way (12.4 → 6.2) expected: 9.3
    expect(progressOf(halve, [{ period: 2026, value: 9.0 }])).toMatchObject({ share: 0.5484, expectedShare: 0.5, onTrack: true });
    expect(
      progressOf(halve, [
        { period: 2026, value: 11.0 },
        { period: 2024, value: 8 },
      ]),
    ).toMatchObject({ latest: { period: 2026, value: 11 }, onTrack: false });
  });

  it('says what a goal lacks to be measurable', () => {
    expect(missingForMeasurable(halve)).toEqual([]);
    expect(missingForMeasurable({ ...halve, kpi: null, baselineValue: null, targetYear: null }).map((m) => m.sv)).toEqual([
      'indikator',
      'utgångsvärde',
      'måldatum',
    ]);
  });
});
