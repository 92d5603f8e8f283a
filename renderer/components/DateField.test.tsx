// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { i18next, initI18n } from '../i18n';
import { DateField } from './DateField';
import { TimeField } from './TimeField';

// jsdom's navigator.language is en-US, like the English Chromium of the issue: the fields must
// follow the app's language (i18next), never the browser's.

/** A field that keeps what it reports, as the forms do; `seen` collects every reported value. */
function Harness({ initial = '', min, max, seen, time = false }: { initial?: string; min?: string; max?: string; seen: string[]; time?: boolean }) {
  const [value, setValue] = useState(initial);
  const onChange = (next: string) => {
    seen.push(next);
    setValue(next);
  };
  return time
    ? <TimeField label="Uhrzeit" value={value} onChange={onChange} />
    : <DateField label="Datum" value={value} onChange={onChange} {...(min ? { min } : {})} {...(max ? { max } : {})} />;
}

const segmentsText = (name: string) => screen.getByRole('group', { name }).textContent?.replace(/[\u2066-\u2069\u200e]/g, '');

beforeAll(async () => {
  // jsdom has no CSS.escape; the calendar's focus handling uses it.
  if (typeof globalThis.CSS === 'undefined') Object.assign(globalThis, { CSS: { escape: (v: string) => v.replace(/[^\w-]/g, (c) => `\\${c}`) } });
  expect(navigator.language).toBe('en-US');
  await initI18n('de');
});
afterEach(async () => {
  cleanup();
  await act(() => i18next.changeLanguage('de'));
});

describe('DateField', () => {
  it('shows a stored day as dd.mm.yyyy in German and dd/mm/yyyy in English, named by its label', async () => {
    render(<Harness initial="2026-12-07" seen={[]} />);
    expect(segmentsText('Datum')).toBe('07.12.2026');
    expect(screen.getByRole('spinbutton', { name: /Tag/ })).toHaveProperty('textContent', '07');
    await act(() => i18next.changeLanguage('en'));
    expect(segmentsText('Datum')).toBe('07/12/2026');
    expect(screen.getByRole('spinbutton', { name: /day/i })).toBeTruthy();
  });

  it('an empty field shows the German placeholder and takes "07.12.2026" typed key by key', async () => {
    const seen: string[] = [];
    render(<Harness seen={seen} />);
    expect(segmentsText('Datum')).toBe('tt.mm.jjjj');
    const user = userEvent.setup();
    await user.click(screen.getByRole('spinbutton', { name: /Tag/ }));
    await user.keyboard('07.12.2026');
    expect(seen.at(-1)).toBe('2026-12-07');
    expect(segmentsText('Datum')).toBe('07.12.2026');
  });

  it('arrow keys step the focused part; a one-digit day moves on by itself', async () => {
    const seen: string[] = [];
    render(<Harness initial="2026-12-07" seen={seen} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('spinbutton', { name: /Tag/ }));
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(seen.at(-1)).toBe('2026-12-09');
    await user.keyboard('{ArrowRight}{ArrowDown}');
    expect(seen.at(-1)).toBe('2026-11-09');
    await user.click(screen.getByRole('spinbutton', { name: /Tag/ }));
    await user.keyboard('5');
    expect(seen.at(-1)).toBe('2026-11-05');
    expect(screen.getByRole('spinbutton', { name: /Monat/ })).toBe(document.activeElement);
  });

  it('says in the UI language when a day is before min or after max', async () => {
    const user = userEvent.setup();
    render(<Harness initial="2026-12-07" min="2026-12-08" seen={[]} />);
    expect(screen.getByText('Frühestens am 08.12.2026.')).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Datum' }).closest('[data-invalid]')).not.toBeNull();
    await user.click(screen.getByRole('spinbutton', { name: /Tag/ }));
    await user.keyboard('{ArrowUp}');
    expect(screen.queryByText('Frühestens am 08.12.2026.')).toBeNull();
    cleanup();
    render(<Harness initial="2026-12-07" max="2026-12-01" seen={[]} />);
    expect(screen.getByText('Spätestens am 01.12.2026.')).toBeTruthy();
  });

  it('a half-typed day reports nothing and, once left, asks for the whole date', async () => {
    const seen: string[] = [];
    render(<><Harness seen={seen} /><button type="button">weiter</button></>);
    const user = userEvent.setup();
    await user.click(screen.getByRole('spinbutton', { name: /Tag/ }));
    await user.keyboard('0712');
    expect(seen.filter((v) => v !== '')).toEqual([]);
    expect(screen.queryByText(/vollständig/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'weiter' }));
    expect(screen.getByText('Bitte das Datum vollständig eingeben, z. B. 07.12.2026.')).toBeTruthy();
  });

  it('clearing a part reports an empty day, as the native input did', async () => {
    const seen: string[] = [];
    render(<Harness initial="2026-12-07" seen={seen} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('spinbutton', { name: /Jahr/ }));
    await user.keyboard('{Backspace}{Backspace}{Backspace}{Backspace}');
    expect(seen.at(-1)).toBe('');
  });

  it('the calendar button opens a German month to pick a day from', async () => {
    const seen: string[] = [];
    render(<Harness initial="2026-12-07" seen={seen} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /^Datum im Kalender wählen/ }));
    const calendar = await screen.findByRole('dialog', { name: 'Datum' });
    expect(within(calendar).getByRole('heading').textContent).toBe('Dezember 2026');
    await user.click(within(calendar).getByText('15'));
    expect(seen.at(-1)).toBe('2026-12-15');
    expect(segmentsText('Datum')).toBe('15.12.2026');
  });
});

describe('TimeField', () => {
  it('is 24 h in German although the browser is en-US, and takes "1430" typed', async () => {
    const seen: string[] = [];
    render(<Harness time initial="09:05" seen={seen} />);
    expect(segmentsText('Uhrzeit')).toBe('09:05');
    expect(screen.queryByRole('spinbutton', { name: /AM|PM|Tageszeit/i })).toBeNull();
    const user = userEvent.setup();
    await user.click(screen.getByRole('spinbutton', { name: /Stunde/ }));
    await user.keyboard('1430');
    expect(seen.at(-1)).toBe('14:30');
    expect(segmentsText('Uhrzeit')).toBe('14:30');
  });
});
