import { dailyRunDue, RULE_KINDS, rulesForWrite, type AutomationTrigger, type RuleKind } from '../../../shared/automation';
import type { IsoDate } from '../../../shared/domain';
import { todayIso } from '../../../shared/time/today';
import { logError } from '../../core/error-log';
import { whenBulkWorkSettled } from '../../db/core/bulk-work';
import { onWriteCommitted } from '../../db/core/write';
import { runAutomationNow } from '../../db/pipeline/automation';

/** How long saves are gathered before the rules run (typing a deal's value saves once, a board drag may save twice). */
const SETTLE_MS = 250;
/** How often an open app checks whether a new day has begun. */
const DAY_CHECK_MS = 60_000;

/** What the runner needs from outside; tests give their own clock and start signal. */
export type RunnerDeps = {
  /** Resolves when start-up work may begin (the first screen is painted). */
  started: Promise<void>;
  /** Today's local day. */
  today?: () => IsoDate;
  /** Runs the rules; default the database's runAutomationNow. */
  run?: (today: IsoDate, kinds: readonly RuleKind[], trigger: AutomationTrigger) => Promise<number>;
};

/**
 * Runs the automation rules by themselves: after a committed write that concerns them (see
 * `rulesForWrite`), once at start, and once a day while the app stays open. Chosen over a
 * liveQuery-driven runner because the write path already knows the tables each save touched: a
 * save that concerns no rule costs one set lookup, and the rules only read when one might fire
 * (a liveQuery over the deals would re-read them on every deal change, also with all rules off).
 * Runs are queued one after another, and wait for a demo load or import in progress. Idempotency
 * lives in runAutomationNow (sourceKeys, ids derived from them). Returns the stop function.
 */
export function startAutomationRunner(deps: RunnerDeps): () => void {
  const today = deps.today ?? (() => todayIso());
  const run = deps.run ?? ((day, kinds, trigger) => runAutomationNow(day, Date.now(), { kinds, trigger }));
  let stopped = false;
  let pending = new Set<RuleKind>();
  let trigger: AutomationTrigger = 'write';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let queue: Promise<void> = Promise.resolve();
  let lastFullRun: IsoDate | undefined;

  const flush = () => {
    timer = undefined;
    const kinds = [...pending];
    const why = trigger;
    pending = new Set();
    trigger = 'write';
    queue = queue
      .then(() => whenBulkWorkSettled())
      .then(async () => {
        if (stopped || kinds.length === 0) return;
        const day = today();
        if (kinds.length === RULE_KINDS.length) lastFullRun = day;
        await run(day, kinds, why);
      })
      .catch((error: unknown) => logError('Automation run failed', error));
  };
  const request = (kinds: readonly RuleKind[], why: AutomationTrigger) => {
    if (stopped || kinds.length === 0) return;
    for (const k of kinds) pending.add(k);
    // A start or daily run outranks a save in the log's "why".
    if (why !== 'write') trigger = why;
    timer ??= setTimeout(flush, SETTLE_MS);
  };

  const off = onWriteCommitted((write) => request(rulesForWrite(write), 'write'));
  void deps.started.then(() => request(RULE_KINDS, 'start'));
  const daily = setInterval(() => {
    if (lastFullRun !== undefined && dailyRunDue(lastFullRun, today())) request(RULE_KINDS, 'daily');
  }, DAY_CHECK_MS);
  return () => {
    stopped = true;
    off();
    clearTimeout(timer);
    clearInterval(daily);
  };
}
