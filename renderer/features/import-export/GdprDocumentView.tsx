import { useTranslation } from 'react-i18next';
import type { DocValue, GdprDocument } from '../../../shared/export/gdpr';
import { formatters } from '../../i18n/format';

/** The readable access-request document: headings and label/value lines, formatted for the UI language. */
export function GdprDocumentView({ doc }: { doc: GdprDocument }) {
  const { t, i18n } = useTranslation('import-export');
  const fmt = formatters(i18n.language);
  const value = (v: DocValue): string => {
    switch (v.kind) {
      case 'text':
        return v.text;
      case 'date':
        return fmt.date(v.iso);
      case 'instant':
        return fmt.dateTime(v.iso);
      case 'key':
        return v.key.startsWith('gdpr.') ? t(v.key) : t(`common:${v.key}`);
    }
  };
  return (
    <article className="gdpr-document" aria-labelledby="gdpr-doc-title">
      <h1 id="gdpr-doc-title">{t(doc.title)}</h1>
      <p>
        <strong>{doc.subject}</strong> · {t('gdpr.exportedAt', { date: fmt.dateTime(doc.exportedAt) })}
      </p>
      {doc.sections.map((s, i) => (
        <section key={i}>
          <h2>{t(s.title)}</h2>
          <dl className="facts">
            {s.rows.map((r) => (
              <div key={r.label}>
                <dt>{t(r.label)}</dt>
                <dd className="pre-line">{value(r.value)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </article>
  );
}
