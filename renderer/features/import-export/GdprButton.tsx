import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { gdprDocument, type GdprExport } from '../../../shared/export/gdpr';
import { getBridge } from '../../bridge';
import { todayIso } from '../../../shared/time/today';
import { collectGdprExport } from '../../db/backup/export';
import { GdprDocumentView } from './GdprDocumentView';
import './import-export.css';

/** "Auskunft exportieren" on a contact: everything stored about the person as JSON, or as a printable document. */
export function GdprButton({ contactId, name }: { contactId: string; name: string }) {
  const { t } = useTranslation('import-export');
  const [data, setData] = useState<GdprExport>();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!data) return;
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setData(undefined);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [data]);

  const open = async () => setData(await collectGdprExport(contactId));
  const file = `${t('gdpr.fileBase')}-${name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '')}-${todayIso()}`;
  const saveJson = () =>
    data &&
    getBridge().saveFile({ suggestedName: `${file}.json`, mimeType: 'application/json', data: JSON.stringify(data, null, 2), filters: [{ name: 'JSON', extensions: ['json'] }] });
  const print = async () => {
    document.body.classList.add('printing-gdpr');
    try {
      await getBridge().printToPdf({ suggestedName: `${file}.pdf`, landscape: false });
    } finally {
      document.body.classList.remove('printing-gdpr');
    }
  };

  return (
    <>
      <button type="button" className="link" onClick={() => void open()} aria-label={t('gdpr.buttonLabel', { name })}>
        {t('gdpr.button')}
      </button>
      {data &&
        createPortal(
          <div className="gdpr-overlay" role="dialog" aria-modal="true" aria-labelledby="gdpr-dialog-title">
            <div className="gdpr-dialog">
              <div className="title-row no-print">
                <h2 id="gdpr-dialog-title">{t('gdpr.dialogTitle')}</h2>
                <div className="actions">
                  <button type="button" onClick={() => void saveJson()}>
                    {t('gdpr.json')}
                  </button>
                  <button type="button" className="primary" onClick={() => void print()}>
                    {t('gdpr.print')}
                  </button>
                  <button type="button" ref={closeRef} onClick={() => setData(undefined)}>
                    {t('gdpr.close')}
                  </button>
                </div>
              </div>
              <GdprDocumentView doc={gdprDocument(data)} />
            </div>
          </div>,
          document.body,
        )}
    </>
  );
}
