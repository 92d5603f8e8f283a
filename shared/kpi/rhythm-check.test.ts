import { describe, expect, it } from 'vitest';
import { DEFAULT_RHYTHMS, visitCoverage } from '../planning/rhythm';
import { computeReport } from './report';
import { rhythmCheck } from './rhythm-check';
import { FIXTURE, Q1, TODAY } from './test-fixtures';

describe('rhythmCheck (planning rules as the coverage check)', () => {
  it('gives the same coverage per segment as planning’s visitCoverage', () => {
    const report = computeReport(FIXTURE, { ...Q1 }, TODAY, { isWithinRhythm: rhythmCheck(DEFAULT_RHYTHMS, 'UTC') });
    const live = FIXTURE.accounts.filter((a) => a.deletedAt === undefined);
    const planning = visitCoverage(live, DEFAULT_RHYTHMS, TODAY, 'UTC');
    expect(report.coverage?.bySegment.map((s) => [s.segment, s.covered.denominator, s.covered.numerator])).toEqual(
      planning.map((p) => [p.segment, p.accounts, p.withinRhythm]),
    );
  });
});
