import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountOption } from '../../db/accounts/account-picker';
import { getAccount } from '../../db/accounts/accounts';
import { useFindAccounts } from '../customers';

/** A searchable combobox for the account (WAI-ARIA combobox with a listbox popup). */
export function AccountPicker({ value, onChange, error }: { value: string; onChange: (id: string) => void; error?: string }) {
  const { t } = useTranslation('interactions');
  const id = useId();
  const [text, setText] = useState('');
  const [options, setOptions] = useState<AccountOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const findAccounts = useFindAccounts();

  // Show the chosen account's name (e.g. restored from a draft).
  useEffect(() => {
    if (!value) return;
    let live = true;
    void getAccount(value).then((a) => {
      if (live && a) setText(a.name);
    });
    return () => {
      live = false;
    };
  }, [value]);

  useEffect(() => {
    let live = true;
    void findAccounts(text).then((found) => {
      if (live) setOptions(found);
    });
    return () => {
      live = false;
    };
  }, [text, findAccounts]);

  const choose = (o: AccountOption) => {
    onChange(o.id);
    setText(o.name);
    setOpen(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, options.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && open && options[active]) {
      e.preventDefault();
      choose(options[active]);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  };

  const listId = `${id}-list`;
  const showList = open && options.length > 0;
  return (
    <div className="field combobox">
      <label htmlFor={id}>{t('field.account')}</label>
      <input
        id={id}
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList ? `${listId}-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        placeholder={t('field.accountPlaceholder')}
        value={text}
        autoComplete="off"
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
          if (value) onChange('');
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <ul id={listId} role="listbox" className="combobox-list" hidden={!showList} aria-label={t('field.account')}>
        {options.map((o, i) => (
          <li
            key={o.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(o);
            }}
          >
            {o.name} <span className="muted">{[o.customerNumber, o.city].filter(Boolean).join(' · ')}</span>
          </li>
        ))}
      </ul>
      {error && <span className="error" role="alert">{t(error)}</span>}
    </div>
  );
}
