import { expect, type Locator, type Page } from '@playwright/test';

// The app's date and time fields (renderer/components/DateField, TimeField) are a group of spin buttons
// named by the field's label, not an <input>: `fill()` has nothing to fill. People type into them, and
// so do the tests: focus the first part and type the text as a German user would ("07.12.2026", "14:30").

/** The date or time field labelled `label` (exactly), as the group that holds its parts. */
export function dateField(scope: Page | Locator, label: string): Locator {
  return scope.getByRole('group', { name: label, exact: true });
}

/** Types `text` ("07.12.2026", "0930") into the field labelled `label`, starting at its first part. */
export async function fillDate(scope: Page | Locator, label: string, text: string): Promise<void> {
  const first = dateField(scope, label).getByRole('spinbutton').first();
  await first.click();
  await first.pressSequentially(text);
}

/** The text the field shows as rendered (placeholders upper-cased by CSS), without the line breaks and
 *  invisible direction marks between its parts. */
export async function expectDateText(scope: Page | Locator, label: string, text: string | RegExp): Promise<void> {
  const field = dateField(scope, label);
  const shown = () => field.evaluate((el) => (el as HTMLElement).innerText.replace(/[\s\u200e\u200f\u2066-\u2069]/g, ''));
  if (typeof text === 'string') await expect.poll(shown).toBe(text);
  else await expect.poll(shown).toMatch(text);
}

/** "2026-12-07" → "07.12.2026", as a German user types it. */
export function germanDay(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}
