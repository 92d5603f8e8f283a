import { describe, expect, it } from 'vitest';
import type { LeadSource } from '../../../shared/domain';
import { validateLeadSource } from './lead-source-form';

const fair: LeadSource = { id: 's1', updatedAt: 0, name: 'SHK-Messe Essen', kind: 'trade_fair', cost: 12_000 };
const ok = { name: 'Frühjahrskampagne', kind: 'campaign' as const, cost: 2500, periodStart: '2026-03-01', periodEnd: '2026-04-30' };

describe('validateLeadSource', () => {
  it('accepts a complete source and an open period', () => {
    expect(validateLeadSource(ok, [fair])).toEqual({});
    expect(validateLeadSource({ ...ok, periodStart: '', periodEnd: '' }, [fair])).toEqual({});
    expect(validateLeadSource({ ...ok, periodEnd: '' }, [fair])).toEqual({});
    expect(validateLeadSource({ ...ok, cost: 0 }, [fair])).toEqual({});
  });

  it('wants a name, not too long and not another source’s (case and spaces ignored)', () => {
    expect(validateLeadSource({ ...ok, name: '   ' }, [fair]).name).toBe('sourceName');
    expect(validateLeadSource({ ...ok, name: 'x'.repeat(81) }, [fair]).name).toBe('sourceNameLong');
    expect(validateLeadSource({ ...ok, name: ' shk-messe essen ' }, [fair]).name).toBe('sourceNameTaken');
    // Saving a source under its own name is no clash.
    expect(validateLeadSource({ ...ok, name: 'SHK-Messe Essen' }, [fair], 's1')).toEqual({});
  });

  it('refuses negative, non-numeric and absurd costs', () => {
    for (const cost of [-1, Number.NaN, Number.POSITIVE_INFINITY, 10_000_001]) expect(validateLeadSource({ ...ok, cost }, []).cost).toBe('sourceCost');
    expect(validateLeadSource({ ...ok, cost: 10_000_000 }, []).cost).toBeUndefined();
  });

  it('refuses a period ending before it starts and days that do not exist', () => {
    expect(validateLeadSource({ ...ok, periodStart: '2026-05-01', periodEnd: '2026-04-30' }, []).period).toBe('sourcePeriod');
    expect(validateLeadSource({ ...ok, periodStart: '2026-04-30', periodEnd: '2026-04-30' }, []).period).toBeUndefined();
    expect(validateLeadSource({ ...ok, periodStart: '2026-02-30' }, []).period).toBe('sourceDate');
    expect(validateLeadSource({ ...ok, periodEnd: '30.04.2026' }, []).period).toBe('sourceDate');
  });

  it('refuses an unknown kind', () => {
    expect(validateLeadSource({ ...ok, kind: 'billboard' as never }, []).kind).toBe('sourceKind');
  });
});
