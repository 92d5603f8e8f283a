import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedView } from '../../../shared/domain';
import { useLive } from '../../db/core/live';
import { deleteView, listViews, saveView } from '../../db/accounts/views';
import { COLUMN_IDS } from './columns';
import { DEFAULT_FILTERS, useCustomerFilters, type CustomerFilters } from './filters';
import { useCustomerQuery } from './search';
import type { ListState } from './useListState';
import { Popover } from '../../components/Popover';

/** What a saved view stores; the search text rides along with the filters, as it always has. */
type ViewState = ListState & { filters: CustomerFilters & { query?: string } };

/** Saved views (filters, sorting, columns under a name) and the column chooser. */
export function ViewBar({ list, onList }: { list: ListState; onList: (patch: Partial<ListState>) => void }) {
  const { t } = useTranslation('customers');
  const { filters, set } = useCustomerFilters();
  const views = useLive(() => listViews('customers')) ?? [];
  const [name, setName] = useState('');
  const [current, setCurrent] = useState('');
  const [choosing, setChoosing] = useState(false);

  const apply = (view: SavedView | undefined) => {
    setCurrent(view?.id ?? '');
    if (!view) return;
    const state = view.state as ViewState;
    const { query = '', ...filters } = state.filters;
    set({ ...DEFAULT_FILTERS, ...filters });
    useCustomerQuery.getState().setQuery(query);
    onList({ sort: state.sort, columns: state.columns });
  };
  const save = async () => {
    if (!name.trim()) return;
    const view = await saveView('customers', name, { filters: { ...filters, query: useCustomerQuery.getState().query }, sort: list.sort, columns: list.columns } satisfies ViewState);
    setCurrent(view.id);
    setName('');
  };

  return (
    <div className="toolbar viewbar">
      <div className="field">
        <label htmlFor="cv-view">{t('views.label')}</label>
        <select id="cv-view" value={current} onChange={(e) => apply(views.find((v) => v.id === e.target.value))}>
          <option value="">{t('views.none')}</option>
          {views.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
      </div>
      {current && (
        <button type="button" onClick={() => deleteView(current).then(() => setCurrent(''))}>
          {t('views.delete')}
        </button>
      )}
      {/* Saving a view is rare: behind a button, so the list's controls fit one row. */}
      <Popover className="save-view" label={t('views.saveOpen')}>
        {() => (
          <div className="save-view-fields">
            <label className="field">
              <span>{t('views.newName')}</span>
              <input value={name} onChange={(e) => setName(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && save()} />
            </label>
            <button type="button" onClick={save} disabled={!name.trim()}>
              {t('views.save')}
            </button>
          </div>
        )}
      </Popover>
      <details className="column-chooser" onToggle={(e) => setChoosing(e.currentTarget.open)}>
        <summary>{t('columns.label')}</summary>
        {/* Rendered only while open, so the column names do not double as labels of hidden inputs. */}
        {choosing && (
        <fieldset>
          <legend className="sr-only">{t('columns.label')}</legend>
          {COLUMN_IDS.filter((id) => id !== 'name').map((id) => (
            <label key={id} className="check">
              <input
                type="checkbox"
                aria-label={t('columns.show', { name: t(`column.${id}`) })}
                checked={list.columns[id] !== false}
                onChange={(e) => onList({ columns: { ...list.columns, [id]: e.target.checked } })}
              />
              {t(`column.${id}`)}
            </label>
          ))}
        </fieldset>
        )}
      </details>
    </div>
  );
}
