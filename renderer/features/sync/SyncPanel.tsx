import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatters } from '../../i18n/format';
import { useLive } from '../../db/core/live';
import { clearSyncLog, getSyncPrefs, setSyncPrefs, type SyncPrefs } from '../../db/sync/settings';
import { sameServer } from '../../../shared/sync/couch/move';
import { ConflictsSection } from './ConflictsSection';
import { MoveToServer } from './MoveToServer';
import { moveTeam } from './move-controller';
import { problemText } from './problem-text';
import { ServerSection, TargetChoice } from './ServerSection';
import { canSync, chooseFolder, chooseTarget, refreshSync, savePassphrase, syncNow, trustClock, useSync } from './sync-controller';

function FolderSection() {
  const { t } = useTranslation('sync');
  const folder = useSync((s) => s.folder);
  if (!folder) return null;
  return (
    <div className="sync-folder">
      <p>
        <strong>{t('folder')}:</strong> <span data-testid="sync-folder">{folder.path ?? t('noFolder')}</span>
      </p>
      {folder.needsPermission && <p className="hint">{t('needsPermission')}</p>}
      {!folder.canChoose && <p className="hint">{t('cannotChoose')}</p>}
      <div className="actions">
        {folder.needsPermission && (
          <button type="button" className="primary" onClick={() => void chooseFolder('grant')}>
            {t('grantAccess')}
          </button>
        )}
        {folder.canChoose && (
          <button type="button" onClick={() => void chooseFolder('choose')}>
            {folder.path ? t('changeFolder') : t('chooseFolder')}
          </button>
        )}
        {folder.path && (
          <button type="button" onClick={() => void chooseFolder('clear')}>
            {t('forgetFolder')}
          </button>
        )}
      </div>
    </div>
  );
}

/**
 * The move from folder to server: offered while a folder is chosen; the notice when the folder says the
 * team moved; once this laptop syncs with that server, only the fact that the team moved.
 */
function MoveSection() {
  const folder = useSync((s) => s.folder);
  const couch = useSync((s) => s.couch);
  const moved = useSync((s) => s.status?.moved ?? s.moved);
  const target = useSync((s) => s.target);
  const pending = useSync((s) => s.pending);
  if (!folder?.path) return null;
  const settled = target === 'couch' && !!moved && !!couch?.url && sameServer(couch.url, moved.url);
  return <MoveToServer serverUrl={couch?.url} move={moveTeam} moved={moved} settled={settled} pending={pending} onOpenServerSettings={() => void chooseTarget('couch')} />;
}

function PassphraseSection() {
  const { t } = useTranslation('sync');
  const hasPassphrase = useSync((s) => s.hasPassphrase);
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [error, setError] = useState<string>();
  const [outcome, setOutcome] = useState<string>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setOutcome(undefined);
    if (first.length < 8) return setError(t('passphraseTooShort'));
    if (first !== second) return setError(t('passphraseMismatch'));
    setError(undefined);
    const result = await savePassphrase(first);
    if (result === 'wrong') return setError(t('problem.crypto.wrongPassphrase'));
    setOutcome(t(`passphraseResult.${result}`));
    setFirst('');
    setSecond('');
  };
  return (
    <form className="sync-passphrase" onSubmit={submit} noValidate aria-labelledby="sync-pass-title">
      <h3 id="sync-pass-title">{t('passphrase')}</h3>
      <p className="hint">{t('passphraseHint')}</p>
      {hasPassphrase && <p>{t('passphraseSet')}</p>}
      <label className="field">
        <span>{t('passphraseNew')}</span>
        <input type="password" autoComplete="new-password" value={first} onChange={(e) => setFirst(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('passphraseConfirm')}</span>
        <input type="password" autoComplete="new-password" value={second} onChange={(e) => setSecond(e.target.value)} aria-invalid={!!error} />
      </label>
      {error && <p role="alert" className="error">{error}</p>}
      {outcome && <p role="status">{outcome}</p>}
      <div className="actions">
        <button type="submit">{t('passphraseSave')}</button>
        {hasPassphrase && (
          <button type="button" onClick={() => void savePassphrase('').then((r) => setOutcome(t(`passphraseResult.${r}`)))}>
            {t('passphraseRemove')}
          </button>
        )}
      </div>
    </form>
  );
}

function AutoSection({ prefs, onChange }: { prefs: SyncPrefs; onChange: (p: SyncPrefs) => void }) {
  const { t } = useTranslation('sync');
  const check = (key: 'onStart' | 'afterEdits' | 'onFocus', label: string) => (
    <label className="check">
      <input type="checkbox" checked={prefs[key]} onChange={(e) => onChange({ ...prefs, [key]: e.target.checked })} /> {label}
    </label>
  );
  return (
    <fieldset className="sync-auto">
      <legend>{t('auto')}</legend>
      {check('onStart', t('autoOnStart'))}
      <label className="check">
        {t('autoEvery')}{' '}
        <input type="number" min={0} max={1440} style={{ width: '5em' }} value={prefs.everyMinutes}
          onChange={(e) => onChange({ ...prefs, everyMinutes: Math.max(0, Math.min(1440, Math.round(Number(e.target.value) || 0))) })} />{' '}
        {t('autoMinutes')}
      </label>
      {check('afterEdits', t('autoAfterEdits'))}
      {check('onFocus', t('autoOnFocus'))}
    </fieldset>
  );
}

function StatusSection() {
  const { t, i18n } = useTranslation('sync');
  const fmt = formatters(i18n.language);
  const { status, pending, running, traffic, failure } = useSync();
  const when = (ms?: number) => (ms === undefined ? t('never') : fmt.dateTime(new Date(ms)));
  const others = (status?.devices ?? []).filter((d) => d.device !== status?.deviceId);
  const byDevice = new Map<string, number>();
  for (const q of status?.quarantined ?? []) byDevice.set(q.device, Math.max(byDevice.get(q.device) ?? 0, q.aheadMs));
  return (
    <div className="sync-status" aria-live="polite">
      <h3>{t('status')}</h3>
      {running && <p role="status">{t('syncing')} {traffic && t('progress', { read: t('common:counted.files', { count: traffic.read }), written: t('common:counted.files', { count: traffic.written }) })}</p>}
      {failure && <p role="alert" className="error">{t('failure', { message: failure })}</p>}
      <dl className="facts">
        <div><dt>{t('lastSync')}</dt><dd data-testid="sync-last">{when(status?.lastSyncAt)}</dd></div>
        <div><dt>{t('pending')}</dt><dd data-testid="sync-pending">{fmt.number(pending ?? 0)}</dd></div>
        {status && <div><dt>{t('lastRun')}</dt><dd>{status.ok ? t('ok') : t('failed')} · {t('lastRunResult', { applied: status.applied, written: status.written })}</dd></div>}
        {status?.deviceId && <div><dt>{t('thisDevice')}</dt><dd>{status.deviceId}</dd></div>}
      </dl>
      <h4>{t('devices')}</h4>
      {others.length === 0 ? <p className="hint">{t('noDevices')}</p> : (
        <table className="data-table">
          <thead><tr><th>{t('device')}</th><th>{t('lastSeen')}</th></tr></thead>
          <tbody>
            {others.map((d) => (
              <tr key={d.device}><td>{d.device}</td><td>{d.lastSeenAt ? fmt.dateTime(new Date(d.lastSeenAt)) : t('unknown')}{d.expired ? ` (${t('expired')})` : ''}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      {byDevice.size > 0 && (
        <>
          <h4>{t('quarantined')}</h4>
          {[...byDevice].map(([device, aheadMs]) => (
            <p key={device}>
              <strong>{device}</strong>: {t('quarantinedHint', { hours: t('common:counted.hours', { count: Math.round(aheadMs / 3_600_000) }) })}{' '}
              <button type="button" onClick={() => void trustClock(device)}>{t('trustClock')}</button>
            </p>
          ))}
        </>
      )}
    </div>
  );
}

function LogSection() {
  const { t, i18n } = useTranslation('sync');
  const fmt = formatters(i18n.language);
  const log = useSync((s) => s.log);
  return (
    <div className="sync-log">
      <div className="title-row">
        <h3>{t('log')}</h3>
        {log.length > 0 && <button type="button" onClick={() => void clearSyncLog().then(refreshSync)}>{t('clearLog')}</button>}
      </div>
      {log.length === 0 ? <p className="hint">{t('logEmpty')}</p> : (
        <ul className="sync-log-list">
          {log.slice(0, 50).map((p, i) => (
            <li key={`${p.at}-${i}`} className={`level-${p.level}`}>
              <time>{fmt.dateTime(new Date(p.at))}</time> · {t(`level.${p.level}`)}: {problemText(t, p)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Settings → Synchronisation: folder or CouchDB server, passphrase, "sync now", automatic runs, status and the problems log. */
export function SyncPanel() {
  const { t } = useTranslation('sync');
  const stored = useLive(getSyncPrefs);
  const [edited, setPrefs] = useState<SyncPrefs>();
  const prefs = edited ?? stored;
  const running = useSync((s) => s.running);
  const ready = useSync(canSync);
  const target = useSync((s) => s.target);
  useEffect(() => void refreshSync(), []);
  const change = (p: SyncPrefs) => {
    setPrefs(p);
    void setSyncPrefs(p);
  };
  return (
    <section className="panel" aria-labelledby="sync-title">
      <h2 id="sync-title">{t('title')}</h2>
      <p className="hint">{t('lead')}</p>
      <TargetChoice />
      {target === 'folder' ? (
        <>
          {/* Passphrase first: choosing a folder may start a sync, and a first sync without a passphrase sets the
              team folder up unencrypted. */}
          <PassphraseSection />
          <FolderSection />
        </>
      ) : (
        <ServerSection />
      )}
      <MoveSection />
      <div className="actions">
        <button type="button" className="primary" disabled={!ready || running} onClick={() => void syncNow()}>
          {running ? t('syncing') : t('syncNow')}
        </button>
      </div>
      {prefs && <AutoSection prefs={prefs} onChange={change} />}
      <StatusSection />
      <ConflictsSection />
      <LogSection />
    </section>
  );
}
