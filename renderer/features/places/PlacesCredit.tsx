import { useTranslation } from 'react-i18next';

/**
 * The credit the place data's licences ask for, for the About panel. Static text (not read from the table)
 * so About does not load the 0.5 MB table; tests/unit/geo-table.test.ts pins the licences this names.
 */
export function PlacesCredit() {
  const { t } = useTranslation('places');
  return (
    <div>
      <dt>{t('credit.label')}</dt>
      <dd>{t('credit.text')}</dd>
    </div>
  );
}
