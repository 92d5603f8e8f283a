import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { emptyTrash, listTrashedAccounts, restoreAccount } from '../../db/accounts/account-writes';
import { listTrashedContacts, restoreContact } from '../../db/accounts/contact-writes';
import { useLive } from '../../db/core/live';
import { formatters } from '../../i18n/format';

/** Accounts and contacts in the trash: restore one, or empty the trash for good after a confirmation. */
export function TrashView() {
  const { t, i18n } = useTranslation('customers');
  const fmt = formatters(i18n.language);
  const accounts = useLive(listTrashedAccounts);
  const contacts = useLive(listTrashedContacts);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<number>();
  if (!accounts || !contacts) return <p role="status">{t('common:loading')}</p>;
  const empty = accounts.length === 0 && contacts.length === 0;
  return (
    <div className="trash">
      <p className="hint">{t('trash.explain')}</p>
      {done !== undefined && <p role="status">{t('trash.emptied', { count: done })}</p>}
      {empty ? (
        <p className="empty-state">{t('trash.empty')}</p>
      ) : (
        <ul className="plain-list" aria-label={t('trash.title')}>
          {accounts.map((a) => (
            <li key={a.id} className="trash-row">
              <span>
                <strong>{a.name}</strong> <span className="muted">· {a.postalCode} {a.city} · {t('trash.deletedAt', { date: fmt.dateTime(new Date(a.deletedAt ?? 0)) })}</span>
              </span>
              <button type="button" onClick={() => restoreAccount(a.id)} aria-label={t('trash.restoreNamed', { name: a.name })}>
                {t('trash.restore')}
              </button>
            </li>
          ))}
          {contacts.map((c) => {
            const name = `${c.firstName} ${c.lastName}`.trim();
            return (
              <li key={c.id} className="trash-row">
                <span>
                  <strong>{name}</strong> <span className="muted">· {t('trash.contactOf', { account: c.accountName })} · {t('trash.deletedAt', { date: fmt.dateTime(new Date(c.deletedAt ?? 0)) })}</span>
                </span>
                <button type="button" onClick={() => restoreContact(c.id)} aria-label={t('trash.restoreNamed', { name })}>
                  {t('trash.restore')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="actions">
        {confirming ? (
          <>
            <span role="alert">{t('trash.confirm', { count: accounts.length + contacts.length })}</span>
            <button
              type="button"
              className="danger"
              onClick={async () => {
                setDone(await emptyTrash());
                setConfirming(false);
              }}
            >
              {t('trash.emptyNow')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('common:action.cancel')}
            </button>
          </>
        ) : (
          // Nothing to empty: no button (a disabled one only raised the question why).
          !empty && (
            <button type="button" onClick={() => setConfirming(true)}>
              {t('trash.emptyTrash')}
            </button>
          )
        )}
      </div>
    </div>
  );
}
