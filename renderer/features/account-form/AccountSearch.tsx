import { useEffect, useId, useState } from 'react';
import { findAccountOptions, type AccountOption } from '../../db/accounts/account-picker';

type Props = {
  label: string;
  exceptId?: string;
  onPick: (option: AccountOption) => void;
  autoFocus?: boolean;
  /** How accounts are found; by default name (any umlaut spelling) or customer number from the database. */
  find?: (query: string, limit: number) => Promise<AccountOption[]>;
};

/** A search box listing matching accounts (by default name prefix in any umlaut spelling, or customer number). */
export function AccountSearch({ label, exceptId, onPick, autoFocus, find = findAccountOptions }: Props) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<AccountOption[]>([]);
  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      find(query, 8)
        .then((found) => !cancelled && setOptions(found.filter((o) => o.id !== exceptId)))
        .catch(() => undefined);
    }, 120);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query, exceptId, find]);
  return (
    <div className="field account-search">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoFocus={autoFocus} />
      {query.trim() !== '' && options.length > 0 && (
        <ul className="options" aria-label={label}>
          {options.map((o) => (
            <li key={o.id}>
              <button
                type="button"
                className="link"
                onClick={() => {
                  onPick(o);
                  setQuery('');
                }}
              >
                {o.name}
                {o.city && ` · ${o.city}`}
                {o.customerNumber && ` · ${o.customerNumber}`}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
