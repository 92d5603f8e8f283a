import { DateField } from './DateField';

/** A period as two ISO days; empty strings when an end is open (only where `optional`). */
export type PeriodValue = { from: string; to: string };

type Props = {
  value: PeriodValue;
  onChange: (value: PeriodValue) => void;
  fromLabel: string;
  toLabel: string;
  /** Ends may be left empty (an open period); otherwise clearing a field is ignored. */
  optional?: boolean;
  /** Marks the fields invalid (e.g. the end before the start), with the message's element id. */
  errorId?: string;
};

/**
 * "From" and "to" day fields that keep the end on or after the start (each bounds the other's
 * picker). Used by the report filters and the lead-source form, so both behave the same.
 */
export function PeriodFields({ value, onChange, fromLabel, toLabel, optional = false, errorId }: Props) {
  const set = (patch: Partial<PeriodValue>) => {
    const next = { ...value, ...patch };
    if (!optional && (next.from === '' || next.to === '')) return;
    onChange(next);
  };
  return (
    <>
      <DateField label={fromLabel} value={value.from} max={value.to || undefined} required={!optional} errorId={errorId} onChange={(from) => set({ from })} />
      <DateField label={toLabel} value={value.to} min={value.from || undefined} required={!optional} errorId={errorId} onChange={(to) => set({ to })} />
    </>
  );
}
