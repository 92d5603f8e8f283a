import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MoveError, type MoveProgress, type MoveResult, sameServer } from '../../../shared/sync/couch/move';
import type { MovedMarker } from '../../../shared/sync/couch/types';
import { ProgressBar } from '../../components/ProgressBar';
import { problemText } from './problem-text';

export type MoveToServerProps = {
  /** The team database this laptop is set up for (URL without credentials); without one the move waits for it. */
  serverUrl?: string;
  /**
   * Runs the move: `moveFolderToServer` (shared/sync/couch/move.ts) with the app's folder sync (capturing
   * local edits first), its store and the CouchEngine of `serverUrl`.
   */
  move: (onProgress: (p: MoveProgress) => void) => Promise<MoveResult>;
  /** The marker the folder holds (the folder sync's `status.moved`): the team has moved already. */
  moved?: MovedMarker;
  /** This laptop syncs with the server the team moved to: the move is not offered again. */
  settled?: boolean;
  /** Local edits waiting to be sent (shown in the notice). */
  pending?: number;
  /** Opens the server settings (the CouchDB target form). */
  onOpenServerSettings?: () => void;
};

type Phase = { step: 'idle' } | { step: 'confirm' } | { step: 'running'; progress?: MoveProgress } | { step: 'done'; result: MoveResult } | { step: 'failed'; message: string };

/**
 * Settings → Synchronisation: moves the team from its folder to the CouchDB server (or, once the folder
 * says the team moved, lets this laptop join), with a confirmation saying what happens, progress and
 * the outcome. A laptop whose folder shows the marker but has no server set up sees `MovedNotice`.
 */
export function MoveToServer({ serverUrl, move, moved, settled, pending, onOpenServerSettings }: MoveToServerProps) {
  const { t } = useTranslation('sync');
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const joining = moved !== undefined;
  if (moved && (!serverUrl || !sameServer(serverUrl, moved.url)) && phase.step === 'idle')
    return <MovedNotice marker={moved} pending={pending} onOpenServerSettings={onOpenServerSettings} />;
  // Moved (just now, or seen in the folder later): what happened, and no second move.
  if ((settled && moved && phase.step === 'idle') || phase.step === 'done')
    return (
      <section className="sync-move" aria-labelledby="sync-move-title">
        <h3 id="sync-move-title">{t('move.doneTitle')}</h3>
        {phase.step === 'done' ? <Outcome result={phase.result} /> : moved && <p role="status">{t('move.movedAway', { server: moved.url })}</p>}
      </section>
    );
  const start = async () => {
    setPhase({ step: 'running' });
    try {
      const result = await move((progress) => setPhase({ step: 'running', progress }));
      setPhase({ step: 'done', result });
    } catch (e) {
      setPhase({ step: 'failed', message: failureText(t, e) });
    }
  };
  return (
    <section className="sync-move" aria-labelledby="sync-move-title">
      <h3 id="sync-move-title">{t(joining ? 'move.joinTitle' : 'move.title')}</h3>
      {moved && <p>{t('move.notice.title', { server: moved.url })}</p>}
      <p className="hint">{serverUrl ? t(joining ? 'move.joinLead' : 'move.lead', { server: serverUrl }) : t('move.needsServer')}</p>
      <div className="actions">
        <button type="button" disabled={!serverUrl || phase.step === 'running'} onClick={() => setPhase({ step: 'confirm' })}>
          {t(joining ? 'move.joinButton' : 'move.button')}
        </button>
      </div>
      {phase.step === 'running' && <Progress progress={phase.progress} />}
      {phase.step === 'failed' && <p role="alert" className="error">{phase.message}</p>}
      {phase.step === 'confirm' && serverUrl && (
        <ConfirmDialog server={serverUrl} joining={joining} onConfirm={() => void start()} onCancel={() => setPhase({ step: 'idle' })} />
      )}
    </section>
  );
}

function ConfirmDialog({ server, joining, onConfirm, onCancel }: { server: string; joining: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation('sync');
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const steps = joining ? (['joinRead', 'joinSend', 'joinAfter'] as const) : (['read', 'send', 'marker', 'offline', 'folder'] as const);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="sync-move-confirm-title" onCancel={onCancel}>
      <h2 id="sync-move-confirm-title">{t(joining ? 'move.joinTitle' : 'move.title')}</h2>
      <p>{t('move.confirm.intro', { server })}</p>
      <ol>
        {steps.map((s) => (
          <li key={s}>{t(`move.confirm.${s}`)}</li>
        ))}
      </ol>
      <div className="actions">
        <button type="button" className="primary" onClick={onConfirm}>
          {t(joining ? 'move.confirm.joinGo' : 'move.confirm.go')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common:action.cancel')}
        </button>
      </div>
    </dialog>
  );
}

function Progress({ progress }: { progress?: MoveProgress }) {
  const { t } = useTranslation('sync');
  const p = progress ?? { phase: 'folder', done: 0, total: 1 };
  // Reading the folder is the first fifth of the way, sending most of it, the marker the end.
  const share = p.total > 0 ? p.done / p.total : 1;
  const value = p.phase === 'folder' ? share * 0.2 : p.phase === 'push' ? 0.2 + share * 0.75 : 0.95 + share * 0.05;
  const label = p.phase === 'push' ? t('move.progress.push', { done: p.done, total: p.total }) : t(`move.progress.${p.phase}`);
  return (
    <div role="status">
      <ProgressBar value={value} label={label} />
    </div>
  );
}

function Outcome({ result }: { result: MoveResult }) {
  const { t } = useTranslation('sync');
  return (
    <div role="status" className="sync-move-result">
      <p>{t(result.alreadyMoved ? 'move.result.joined' : 'move.result.moved', { server: result.marker.url })}</p>
      <p>{t('move.result.sent', { count: result.changes })}</p>
      {result.waiting > 0 && <p>{t('move.result.waiting', { count: result.waiting })}</p>}
      {result.quarantined > 0 && <p>{t('move.result.quarantined', { count: result.quarantined })}</p>}
    </div>
  );
}

function failureText(t: ReturnType<typeof useTranslation>['t'], e: unknown): string {
  if (!(e instanceof MoveError)) return t('move.failed.unexpected', { message: e instanceof Error ? e.message : String(e) });
  const reason = e.problem ? problemText(t, { ...e.problem, params: { server: '', ...e.problem.params } }) : '';
  return t(`move.failed.${e.failure}`, { reason, server: e.server ?? '' });
}

/** What a laptop shows when its folder says the team moved and it has no server yet: its edits wait, nothing is lost. */
export function MovedNotice({ marker, pending, onOpenServerSettings }: { marker: MovedMarker; pending?: number; onOpenServerSettings?: () => void }) {
  const { t } = useTranslation('sync');
  return (
    <section className="sync-moved notice" aria-labelledby="sync-moved-title">
      <h3 id="sync-moved-title">{t('move.notice.title', { server: marker.url })}</h3>
      <p>{t('move.notice.body')}</p>
      {pending !== undefined && pending > 0 && <p>{t('move.notice.pending', { count: pending })}</p>}
      {onOpenServerSettings && (
        <div className="actions">
          <button type="button" className="primary" onClick={onOpenServerSettings}>
            {t('move.notice.setUp')}
          </button>
        </div>
      )}
    </section>
  );
}
