import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CouchUrlProblem } from '../../../shared/bridge/couch-url';
import { describeWriteError } from '../../core/write-error';
import { problemText } from './problem-text';
import { type ConnectionCheck, forgetServer, type PassphraseCheck, saveServer, type ServerForm, testConnection } from './server-controller';
import { chooseTarget, useSync } from './sync-controller';

type Message = { tone: 'ok' | 'error'; text: string };

/** Plain http outside this machine sends password and data readable on the way. */
const insecure = (url: string) => /^http:\/\//i.test(url.trim()) && !/^http:\/\/(localhost|127\.0\.0\.1|\[::1\])([:/]|$)/i.test(url.trim());

/**
 * Settings → Synchronisation: folder or CouchDB server. The radio follows the click at once, the choice
 * is stored behind it (syncMeta); if storing fails the radio shows the stored choice again and says why.
 */
export function TargetChoice() {
  const { t } = useTranslation('sync');
  const target = useSync((s) => s.target);
  const [failure, setFailure] = useState<string>();
  const choose = (next: 'folder' | 'couch') => {
    setFailure(undefined);
    chooseTarget(next).catch((e: unknown) => setFailure(describeWriteError(e, t, 'settings')));
  };
  return (
    <fieldset className="sync-target">
      <legend>{t('target.legend')}</legend>
      <label className="check">
        <input type="radio" name="sync-target" checked={target === 'folder'} onChange={() => choose('folder')} /> {t('target.folder')}
      </label>
      <label className="check">
        <input type="radio" name="sync-target" checked={target === 'couch'} onChange={() => choose('couch')} /> {t('target.couch')}
      </label>
      {failure && <p role="alert" className="error">{failure}</p>}
    </fieldset>
  );
}

/** The team's CouchDB database: address, login, optional team passphrase, test and save. */
export function ServerSection() {
  const { t } = useTranslation('sync');
  const couch = useSync((s) => s.couch);
  // What the user typed, over the kept server (which arrives after the first paint).
  const [edited, setForm] = useState<Partial<ServerForm>>({});
  const form: ServerForm = { url: edited.url ?? couch?.url ?? '', user: edited.user ?? couch?.user ?? '', password: edited.password ?? '', passphrase: edited.passphrase ?? '' };
  const [urlError, setUrlError] = useState<string>();
  const [message, setMessage] = useState<Message>();
  const [busy, setBusy] = useState(false);

  const field = (key: keyof ServerForm) => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value })),
  });
  const urlText = (p: CouchUrlProblem) => t(`server.urlProblem.${p}`);
  const withPassphrase = (text: string, p: PassphraseCheck | undefined) => (p ? `${text} ${t(`server.passphraseResult.${p}`)}` : text);
  const checkText = (c: ConnectionCheck): Message => {
    if (c.kind === 'ok') return { tone: 'ok', text: withPassphrase(t('server.testOk', { database: c.database }), c.passphrase) };
    // The folder form's check, in the server's words (the folder's message speaks of a folder).
    if (c.kind === 'wrongPassphrase') return { tone: 'error', text: t('server.wrongPassphrase') };
    if (c.kind === 'csp') return { tone: 'error', text: t('server.blockedByCsp', { server: c.server }) };
    if (c.kind === 'url') return { tone: 'error', text: urlText(c.problem) };
    return { tone: 'error', text: problemText(t, c.problem) };
  };
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setMessage(undefined);
    setUrlError(undefined);
    try {
      await work();
    } catch (e) {
      setMessage({ tone: 'error', text: t('failure', { message: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setBusy(false);
    }
  };
  const passphraseOk = () => {
    if (form.passphrase === '' || form.passphrase.length >= 8) return true;
    setMessage({ tone: 'error', text: t('passphraseTooShort') });
    return false;
  };
  const test = () =>
    run(async () => {
      const check = await testConnection(form);
      if (check.kind === 'url') setUrlError(urlText(check.problem));
      setMessage(checkText(check));
    });
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!passphraseOk()) return;
    void run(async () => {
      const outcome = await saveServer(form);
      if (outcome.kind === 'url') {
        setUrlError(urlText(outcome.problem));
        return setMessage({ tone: 'error', text: urlText(outcome.problem) });
      }
      // A wrong passphrase stays in the field to be corrected; nothing typed was kept, the previous server stays.
      if (outcome.kind === 'wrongPassphrase') return setMessage({ tone: 'error', text: t('server.wrongPassphrase') });
      setForm((f) => ({ ...f, password: '', passphrase: '' }));
      setMessage({ tone: 'ok', text: withPassphrase(t('server.saved'), outcome.passphrase) });
    });
  };
  const forget = () =>
    run(async () => {
      await forgetServer();
      setForm({ url: '', user: '' });
      setMessage({ tone: 'ok', text: t('server.forgotten') });
    });

  return (
    <form className="sync-server" onSubmit={save} noValidate aria-labelledby="sync-server-title">
      <h3 id="sync-server-title">{t('server.title')}</h3>
      <p className="hint">{t('server.lead')}</p>
      <label className="field">
        <span>{t('server.url')}</span>
        <input type="url" inputMode="url" autoComplete="url" spellCheck={false} placeholder="https://couch.example.com/rapport-team"
          aria-invalid={!!urlError} aria-describedby="sync-server-url-hint" {...field('url')} />
      </label>
      <p id="sync-server-url-hint" className={urlError ? 'error' : 'hint'}>{urlError ?? t('server.urlHint')}</p>
      {insecure(form.url) && <p className="hint">{t('server.insecure')}</p>}
      <label className="field">
        <span>{t('server.user')}</span>
        <input autoComplete="username" spellCheck={false} {...field('user')} />
      </label>
      <label className="field">
        <span>{t('server.password')}</span>
        <input type="password" autoComplete="current-password" {...field('password')} />
      </label>
      {couch?.url && <p className="hint" data-testid="sync-server-kept">{t(`server.kept.${couch.kept}`)}</p>}
      <label className="field">
        <span>{t('server.passphrase')}</span>
        <input type="password" autoComplete="new-password" {...field('passphrase')} />
      </label>
      <p className="hint">{t('server.passphraseHint')}</p>
      {message && (message.tone === 'ok' ? <p role="status">{message.text}</p> : <p role="alert" className="error">{message.text}</p>)}
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void test()}>{busy ? t('server.testing') : t('server.test')}</button>
        <button type="submit" className="primary" disabled={busy}>{t('server.save')}</button>
        {couch?.url && <button type="button" disabled={busy} onClick={() => void forget()}>{t('server.forget')}</button>}
      </div>
    </form>
  );
}
