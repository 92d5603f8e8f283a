import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../shared/domain';

function birthdayText(c: Contact, locale: string): string {
  if (!c.birthday) return '';
  const { day, month, year } = c.birthday;
  const dd = String(day).padStart(2, '0');
  const mm = String(month).padStart(2, '0');
  if (locale === 'de') return year ? `${dd}.${mm}.${year}` : `${dd}.${mm}.`;
  return year ? `${dd}/${mm}/${year}` : `${dd}/${mm}`;
}

export function ContactsPanel({ contacts }: { contacts: Contact[] }) {
  const { t, i18n } = useTranslation('account');
  return (
    <section className="panel" aria-labelledby="contacts-title">
      <h2 id="contacts-title">{t('contacts', { count: contacts.length })}</h2>
      {contacts.length === 0 ? (
        <p className="empty-state">{t('noContacts')}</p>
      ) : (
        <ul className="contact-list">
          {contacts.map((c) => (
            <li key={c.id}>
              <strong>
                {[t(`common:salutation.${c.salutation}`, ''), c.title, c.firstName, c.lastName]
                  .filter((p) => p && p !== '—')
                  .join(' ')}
              </strong>
              {c.position && <span className="muted"> · {c.position}</span>}
              <div className="contact-lines">
                {c.phone && <a href={`tel:${c.phone.replace(/\s/g, '')}`}>{c.phone}</a>}
                {c.mobile && <a href={`tel:${c.mobile.replace(/\s/g, '')}`}>{c.mobile}</a>}
                {c.email && <span>{c.email}</span>}
                {c.birthday && <span>{t('birthday', { date: birthdayText(c, i18n.language) })}</span>}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
