/**
 * The lead-score rules and bands are the team's (issue #20): a lead's thresholds set on one laptop
 * reach every other one, a laptop joining later gets them, and opening or saving the editor on a new
 * laptop never writes the defaults over what the team chose.
 */
import { describe, expect, it } from 'vitest';
import { laptopTeam, type Laptop } from './laptops.test-support';
import { MemoryFolder } from '../../shared/sync/memory-folder';
import { DEFAULT_LEAD_SCORE_BANDS, DEFAULT_LEAD_SCORE_RULES } from '../../shared/scoring';
import { useDatabase } from '../../renderer/db/core/db';
import { getLeadScoreBands, getLeadScoreRules, saveLeadScoreBands, saveLeadScoreRules } from '../../renderer/db/pipeline/admin';

const laptops = laptopTeam('score');

async function on<T>(l: Laptop, fn: () => Promise<T>): Promise<T> {
  useDatabase(l.db);
  return fn();
}

async function syncAll(...ls: Laptop[]) {
  for (const l of ls) expect((await l.sync.sync()).problems.filter((p) => p.level === 'error')).toEqual([]);
}

/** What the lead-score editor shows: the bands and every rule's points. */
const shown = (l: Laptop) =>
  on(l, async () => ({ bands: await getLeadScoreBands(), points: Object.fromEntries((await getLeadScoreRules()).map((r) => [r.id, r.points])) }));

const withPoints = (id: string, points: number) => ({ ...DEFAULT_LEAD_SCORE_RULES.find((r) => r.id === id)!, points });

describe('lead-score rules and bands across laptops', () => {
  it('reach a second laptop, and a late joiner after the first laptop compacted its segments', async () => {
    const folder = new MemoryFolder();
    const alice = laptops.laptop('alice', folder, { snapshotEvery: 1 });
    const bob = laptops.laptop('bob', folder);
    await syncAll(alice, bob);
    await on(alice, () => saveLeadScoreBands({ hot: 65, warm: 35 }, laptops.now()));
    await on(alice, () => saveLeadScoreRules([withPoints('cat-a', 40), withPoints('cold-180', -35)], laptops.now()));
    await syncAll(alice, bob, alice);
    const team = await shown(alice);
    expect(team.bands).toEqual({ hot: 65, warm: 35 });
    expect(team.points['cat-a']).toBe(40);
    expect(team.points['cold-180']).toBe(-35);
    expect(await shown(bob)).toEqual(team);

    // Carol joins days later, after both acknowledged and Alice compacted into a snapshot.
    laptops.advance(3 * 86_400_000);
    await on(alice, () => saveLeadScoreRules([withPoints('cat-b', 25)], laptops.now()));
    await syncAll(alice, bob, alice, bob, alice);
    // Alice's early segments (with the bands) are gone: Carol can only have them from Alice's snapshot.
    expect((await folder.list('snapshots/alice')).length).toBe(1);
    expect((await folder.list('segments/alice')).map((e) => e.path)).not.toContainEqual(expect.stringMatching(/\/00000001-/));
    const carol = laptops.laptop('carol', folder);
    // Carol opens the editor and saves it untouched before her first sync: nothing is written.
    await on(carol, async () => {
      await saveLeadScoreBands(await getLeadScoreBands(), laptops.now());
      await saveLeadScoreRules(await getLeadScoreRules(), laptops.now());
    });
    expect(await carol.db.teamSettings.count()).toBe(0);
    await syncAll(carol);
    const now = await shown(alice);
    expect(now.points['cat-b']).toBe(25);
    expect(await shown(carol)).toEqual(now);
    await syncAll(bob);
    expect(await shown(bob)).toEqual(now);
  });

  it('merges two leads editing different rules, and the later edit of the same rule wins everywhere', async () => {
    const folder = new MemoryFolder();
    const alice = laptops.laptop('alice', folder);
    const bob = laptops.laptop('bob', folder);
    await syncAll(alice, bob);
    await on(alice, () => saveLeadScoreRules([withPoints('cat-a', 41), withPoints('expand', 12)], laptops.now()));
    laptops.advance(60_000);
    // Bob had not seen Alice's edit: his rule list still shows the defaults, and he edits another rule and cat-a.
    await on(bob, () => saveLeadScoreRules([withPoints('referral', 3), withPoints('cat-a', 33)], laptops.now()));
    await syncAll(alice, bob, alice);
    for (const l of [alice, bob]) {
      const { points } = await shown(l);
      expect([points['cat-a'], points['expand'], points['referral']]).toEqual([33, 12, 3]);
    }
  });

  it('a laptop that kept the defaults changes nothing for the team, even when its clock is ahead', async () => {
    const folder = new MemoryFolder();
    const alice = laptops.laptop('alice', folder);
    await on(alice, () => saveLeadScoreBands({ hot: 80, warm: 20 }, laptops.now()));
    await syncAll(alice);
    const bob = laptops.laptop('bob', folder, { skew: 3_600_000 });
    expect(await shown(bob)).toEqual({ bands: DEFAULT_LEAD_SCORE_BANDS, points: (await shown(laptops.laptop('x', new MemoryFolder()))).points });
    await on(bob, async () => saveLeadScoreBands(await getLeadScoreBands(), bob.now()));
    await syncAll(bob, alice, bob);
    expect((await shown(alice)).bands).toEqual({ hot: 80, warm: 20 });
    expect((await shown(bob)).bands).toEqual({ hot: 80, warm: 20 });
  });
});
