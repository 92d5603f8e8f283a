/**
 * Settings → Synchronisation → CouchDB-Server: choosing the target, testing the connection, saving.
 * The shell keeps URL, user and password (setCouchTarget); the app database keeps only the choice.
 */
import type { CouchTargetRequest } from '../../../shared/bridge/contract';
import { type CouchUrlProblem, parseCouchUrl } from '../../../shared/bridge/couch-url';
import { SyncError, type SyncProblem } from '../../../shared/sync';
import { problem } from '../../../shared/sync/problems';
import { faultOf, unlockCouchKey } from '../../../shared/sync/couch';
import { getBridge } from '../../bridge';
import { couchLabels, probeCouch } from './bridge-couch';
import { type CheckedCouchKey, chooseTarget, resetEngine, savePassphrase, syncNow, useSync } from './sync-controller';

/** The server as the shell keeps it (setCouchTarget) or probes it (couchProbe). */
type CouchTarget = NonNullable<CouchTargetRequest>;

/** What the server form holds; an empty password keeps the one the shell already keeps. */
export type ServerForm = { url: string; user: string; password: string; passphrase: string };

/** What a typed team passphrase met on the server: its key opened, no key yet (the first run makes it), or none used. */
export type PassphraseCheck = 'unlocked' | 'waiting' | 'notEncrypted';

/** The outcome of "Verbindung testen". */
export type ConnectionCheck =
  | { kind: 'ok'; database: string; passphrase?: PassphraseCheck }
  /** The typed team passphrase does not open the database's key (the folder's check and message). */
  | { kind: 'wrongPassphrase' }
  | { kind: 'url'; problem: CouchUrlProblem }
  /** The browser build's CSP does not list the server (docs/couchdb-setup.md). */
  | { kind: 'csp'; server: string }
  | { kind: 'problem'; problem: SyncProblem };

/** The typed server as the shell would keep it, or why the URL is refused. */
function targetOf(form: ServerForm): CouchTarget | { problem: CouchUrlProblem } {
  const parsed = parseCouchUrl(form.url);
  if ('problem' in parsed) return parsed;
  return { url: parsed.url, user: form.user.trim(), password: form.password };
}

/** Hands URL and login to the shell; a URL it would refuse is reported instead. */
async function keep(form: ServerForm): Promise<CouchTarget | { problem: CouchUrlProblem }> {
  const target = targetOf(form);
  if ('problem' in target) return target;
  const couch = await getBridge().setCouchTarget(target);
  resetEngine();
  useSync.setState({ couch });
  return target;
}

/**
 * Asks the typed server for the database once, through a probe that keeps nothing (a test is not a
 * save: URL, user, password and the previous target stay as they were); the same answer-to-problem
 * mapping the engine uses (faultOf), so the message here is the one a sync run would log.
 */
export async function testConnection(form: ServerForm): Promise<ConnectionCheck> {
  const target = targetOf(form);
  if ('problem' in target) return { kind: 'url', problem: target.problem };
  const labels = couchLabels(target.url, target.user);
  const probe = probeCouch(getBridge(), target);
  const res = await probe.request({ method: 'GET', path: '' }).catch(() => ({ status: 0, body: null }));
  const body = res.body as { db_name?: unknown; reason?: unknown } | null;
  if (res.status === 200 && typeof body?.db_name === 'string') {
    if (!form.passphrase) return { kind: 'ok', database: body.db_name };
    try {
      const opened = await unlockCouchKey(probe, labels, form.passphrase);
      return { kind: 'ok', database: body.db_name, passphrase: !opened ? 'waiting' : opened.key ? 'unlocked' : 'notEncrypted' };
    } catch (e) {
      if (!(e instanceof SyncError)) throw e;
      if (e.code === 'crypto.wrongPassphrase') return { kind: 'wrongPassphrase' };
      return { kind: 'problem', problem: problem(e.code, 'error', e.params) };
    }
  }
  if (res.status === 0 && body?.reason === 'csp') return { kind: 'csp', server: labels.server };
  if (res.status >= 200 && res.status < 300) return { kind: 'problem', problem: problem('couch.notCouch', 'error', { url: labels.server }) };
  const fault = faultOf(res, labels);
  return { kind: 'problem', problem: problem(fault.code, 'error', fault.params) };
}

/** The outcome of "Speichern". */
export type SaveOutcome =
  | { kind: 'saved'; passphrase?: PassphraseCheck }
  | { kind: 'url'; problem: CouchUrlProblem }
  /** Refused: the passphrase does not open the server's key; nothing typed is kept, the previous target stays, no run starts. */
  | { kind: 'wrongPassphrase' };

/**
 * Checks a typed team passphrase against the typed server's key document first (as the folder form
 * does), through a probe that keeps nothing: a refusal leaves URL, user, password and the previous
 * target exactly as they were. Then keeps the server, makes it this laptop's target and runs a first
 * sync (its problems go to the log).
 */
export async function saveServer(form: ServerForm): Promise<SaveOutcome> {
  const target = targetOf(form);
  if ('problem' in target) return { kind: 'url', problem: target.problem };
  let checked: CheckedCouchKey | undefined;
  if (form.passphrase) {
    try {
      checked = { opened: await unlockCouchKey(probeCouch(getBridge(), target), couchLabels(target.url, target.user), form.passphrase) };
    } catch (e) {
      if (e instanceof SyncError && e.code === 'crypto.wrongPassphrase') return { kind: 'wrongPassphrase' };
      // The server did not answer now (or not as CouchDB): as with the folder, the passphrase waits for the first run, which says why.
      checked = 'unread';
    }
  }
  await keep(form);
  let passphrase: PassphraseCheck | undefined;
  if (form.passphrase) {
    const result = await savePassphrase(form.passphrase, 'couch', checked);
    if (result === 'wrong') return { kind: 'wrongPassphrase' };
    if (result !== 'removed') passphrase = result;
  }
  await chooseTarget('couch');
  void syncNow();
  return passphrase ? { kind: 'saved', passphrase } : { kind: 'saved' };
}

/** Forgets server and password on this laptop; the queue stays for whichever target comes next. */
export async function forgetServer(): Promise<void> {
  const couch = await getBridge().setCouchTarget(null);
  resetEngine();
  useSync.setState({ couch, status: undefined });
}
