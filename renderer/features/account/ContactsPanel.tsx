import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../shared/domain';
import { createContact, restoreContact, trashContact, updateContact } from '../../db/accounts/contact-writes';
import { ContactForm } from '../account-form';
import { EraseContactButton } from '../backup';
import { GdprButton } from '../import-export';
import { useUndo } from '../undo';

function birthdayText(c: Contact, locale: string): string {
  if (!c.birthday) return '';
  const { day, month, year } = c.birthday;
  const dd = String(day).padStart(2, '0');
  const mm = String(month).padStart(2, '0');
  if (locale === 'de') return year ? `${dd}.${mm}.${year}` : `${dd}.${mm}.`;
  return year ? `${dd}/${mm}/${year}` : `${dd}/${mm}`;
}

/** Apple's own labels (`_$!<Main>!$_`, stored as "Main"), said in the app's language; any other label is the user's own text. */
const ADDRESS_BOOK_LABELS = new Set(['main', 'work', 'home', 'other', 'mobile', 'iphone', 'pager', 'school', 'homefax', 'workfax', 'otherfax']);

/** The account's contact persons: add, edit in place, delete with undo. */
export function ContactsPanel({ accountId, contacts }: { accountId: string; contacts: Contact[] }) {
  const { t, i18n } = useTranslation('account');
  const offer = useUndo((s) => s.offer);
  const [editing, setEditing] = useState<string | 'new'>();
  const fullName = (c: Contact) =>
    [t(`common:salutation.${c.salutation}`, ''), c.title, c.firstName, c.lastName].filter((p) => p && p !== '—').join(' ');
  // A number or address with its address-book label ("Zentrale: 0351 987650"), the label kept from the import.
  const labelled = (value: string, label: string | undefined) => {
    if (!label) return value;
    const known = label.toLowerCase();
    return t('labelled', { label: ADDRESS_BOOK_LABELS.has(known) ? t(`addressBookLabel.${known}`) : label, value });
  };
  const remove = async (c: Contact) => {
    await trashContact(c.id);
    offer(t('undo.contactDeleted', { name: `${c.firstName} ${c.lastName}`.trim() }), () => restoreContact(c.id));
  };
  return (
    <section className="panel" aria-labelledby="contacts-title">
      <div className="title-row">
        <h2 id="contacts-title">{t('contacts', { count: contacts.length })}</h2>
        {editing === undefined && (
          <button type="button" onClick={() => setEditing('new')}>
            {t('addContact')}
          </button>
        )}
      </div>
      {editing === 'new' && (
        <ContactForm
          onCancel={() => setEditing(undefined)}
          onSubmit={async (input) => {
            const r = await createContact(accountId, input);
            if (!r.ok) return r.errors;
            setEditing(undefined);
            return undefined;
          }}
        />
      )}
      {contacts.length === 0 && editing !== 'new' ? (
        <p className="empty-state">{t('noContacts')}</p>
      ) : (
        <ul className="contact-list">
          {contacts.map((c) =>
            editing === c.id ? (
              <li key={c.id}>
                <ContactForm
                  contact={c}
                  onCancel={() => setEditing(undefined)}
                  onSubmit={async (input) => {
                    const r = await updateContact(c.id, input);
                    if (!r.ok) return r.errors;
                    setEditing(undefined);
                    return undefined;
                  }}
                />
              </li>
            ) : (
              <li key={c.id}>
                <strong>{fullName(c)}</strong>
                {c.position && <span className="muted"> · {c.position}</span>}
                <div className="contact-lines">
                  {c.phone && <a href={`tel:${c.phone.replace(/\s/g, '')}`}>{labelled(c.phone, c.phoneLabel)}</a>}
                  {c.mobile && <a href={`tel:${c.mobile.replace(/\s/g, '')}`}>{labelled(c.mobile, c.mobileLabel)}</a>}
                  {c.email && <a href={`mailto:${c.email}`}>{labelled(c.email, c.emailLabel)}</a>}
                  {c.birthday && <span>{t('birthday', { date: birthdayText(c, i18n.language) })}</span>}
                  {c.preferredChannel !== 'none' && <span>{t('prefers', { channel: t(`common:channel.${c.preferredChannel}`) })}</span>}
                  {c.consent && <span>{t(c.consent.granted ? 'consentYes' : 'consentNo')}</span>}
                </div>
                <div className="row-actions">
                  <button type="button" className="link" onClick={() => setEditing(c.id)} aria-label={t('editContact', { name: fullName(c) })}>
                    {t('common:action.edit')}
                  </button>
                  <button type="button" className="link" onClick={() => remove(c)} aria-label={t('deleteContact', { name: fullName(c) })}>
                    {t('common:action.delete')}
                  </button>
                  <GdprButton contactId={c.id} name={fullName(c)} />
                  {!c.erased && <EraseContactButton contactId={c.id} name={fullName(c)} />}
                </div>
              </li>
            ),
          )}
        </ul>
      )}
    </section>
  );
}
