import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import ICAL from 'ical.js';
import { generateDemoData } from '../../shared/demo';
import { addDays, isoWeekMonday, isoWeekOf } from '../../shared/planning/calendar';
import { todayIso } from '../../shared/time';
import { fillDate, germanDay } from './date-helpers';

// #19 "Paper and calendar agree": the printed A4 week and the exported .ics hold the same visits,
// in the same order, at the same times, day by day. The browser speaks English, the app German.
test.use({ locale: 'en-US' });

const DEMO_SEED = 20261123;
const WEEKDAY = /^(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag), (\d{2})\.(\d{2})\.(\d{4}) · \d+ Besuche?$/;
/** A visit on paper: "3. 10:30–11:30 Müller GmbH  B   Termin" or "4. ohne Uhrzeit Weber KG …". */
const VISIT = /^(\d+)\.\s+(?:(\d{2}:\d{2})–(\d{2}:\d{2})|ohne Uhrzeit)\s+(.+?)(?:\s{2,}|\s[ABCD](?:\s|$)|$)/;

type Visit = { stop: number; start?: string; end?: string; name: string };

async function firstRunWithDemoInGerman(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('radio', { name: 'Deutsch' }).check();
  await page.getByLabel('Ihr Name').fill('Anna Schröder');
  await page.getByRole('button', { name: 'Mit Demodaten starten (700 Kunden)' }).click();
  await expect(page.getByRole('link', { name: 'Heute' })).toBeVisible({ timeout: 150_000 });
}

/** The printed plan's visits per day (ISO date), in paper order, from `pdftotext -layout`. */
function visitsOnPaper(text: string): Map<string, Visit[]> {
  const days = new Map<string, Visit[]>();
  let day = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const heading = WEEKDAY.exec(line);
    if (heading) {
      day = `${heading[4]}-${heading[3]}-${heading[2]}`; // a heading repeated on the next page continues the day
      if (!days.has(day)) days.set(day, []);
      continue;
    }
    const m = VISIT.exec(line);
    if (m && day) days.get(day)?.push({ stop: Number(m[1]), start: m[2], end: m[3], name: (m[4] ?? '').trim() });
  }
  return days;
}

/**
 * Reads the plan three ways (the page, the A4 PDF through pdftotext, the .ics through ical.js and
 * python icalendar) and asserts that each day has the same visits in the same order at the same times.
 */
async function expectPaperAndCalendarAgree(page: Page, testInfo: TestInfo, tag: 'proposed' | 'routed'): Promise<{ text: string; inCalendar: Map<string, Visit[]> }> {
  // What the screen shows, day by day: stop, time, name.
  const onScreen = new Map<string, Visit[]>();
  for (const day of await page.locator('section.plan-day').all()) {
    const date = ((await day.getAttribute('aria-labelledby')) ?? '').replace(/^day-/, '');
    const visits: Visit[] = [];
    for (const e of await day.locator('.plan-entry').all()) {
      const when = (await e.locator('.when').textContent()) ?? '';
      const [start, end] = when.includes('–') ? when.split('–') : [undefined, undefined];
      visits.push({ stop: Number((await e.locator('.stop').textContent())?.replace('.', '')), start, end, name: (await e.locator('h4 a').textContent()) ?? '' });
    }
    onScreen.set(date, visits);
  }

  // The A4 print, as Chromium prints it, read back as text.
  await page.emulateMedia({ media: 'print' });
  const pdfPath = testInfo.outputPath(`${tag}.pdf`);
  await page.pdf({ format: 'A4', path: pdfPath, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  const text = spawnSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text.status, text.stderr).toBe(0);
  expect(spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdfPath, join(testInfo.outputDir, tag)]).status).toBe(0);
  const paper = visitsOnPaper(text.stdout);
  expect([...paper.keys()]).toEqual([...onScreen.keys()]);
  for (const [date, visits] of onScreen) {
    const printed = paper.get(date) ?? [];
    expect(printed.map((v) => [v.stop, v.start, v.end]), `paper, ${date}`).toEqual(visits.map((v) => [v.stop, v.start, v.end]));
    // -layout may run a long name into the category badge: the printed name starts with the real one.
    printed.forEach((v, i) => expect(`${v.name} `.startsWith(`${visits[i]?.name.slice(0, 25)}`), `${v.name} ~ ${visits[i]?.name}`).toBe(true));
  }

  // The .ics, parsed by ical.js: per day the same visits; timed ones at the paper's times in the
  // paper's order, untimed ones as all-day events; every event names its stop ("Stopp 3 von 7").
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '.ics exportieren' }).click()]);
  const icsPath = testInfo.outputPath(`${tag}.ics`);
  await download.saveAs(icsPath);
  const cal = new ICAL.Component(ICAL.parse(readFileSync(icsPath, 'utf8')));
  for (const vtz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtz);
  const hhmm = (t: ICAL.Time) => `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
  const inCalendar = new Map<string, Visit[]>();
  for (const ve of cal.getAllSubcomponents('vevent')) {
    const e = new ICAL.Event(ve);
    const date = e.startDate.toString().slice(0, 10);
    const stop = Number(/^Stopp (\d+) von \d+/.exec(e.description ?? '')?.[1]);
    if (!e.startDate.isDate) expect(e.startDate.zone?.tzid).toBe('Europe/Berlin');
    else expect(e.endDate.toString()).toBe(addDays(e.startDate.toString() as never, 1));
    const visit: Visit = { stop, name: e.summary, ...(e.startDate.isDate ? {} : { start: hhmm(e.startDate), end: hhmm(e.endDate) }) };
    inCalendar.set(date, [...(inCalendar.get(date) ?? []), visit]);
  }
  for (const [date, visits] of onScreen) {
    const events = [...(inCalendar.get(date) ?? [])].sort((a, b) => a.stop - b.stop);
    expect(events.map((v) => [v.stop, v.name, v.start, v.end]), `.ics, ${date}`).toEqual(visits.map((v) => [v.stop, v.name, v.start, v.end]));
    // A calendar sorts by time: in a routed day the times rise in stop order, so its calendar day
    // reads like the paper. (Today's unrouted proposal orders by area, appointments included.)
    const times = events.flatMap((v) => (v.start ? [v.start] : []));
    if (tag === 'routed') expect(times, `.ics times, ${date}`).toEqual([...times].sort());
  }
  expect([...inCalendar.keys()].every((d) => onScreen.has(d))).toBe(true);
  // python icalendar reads the same file the same way (another widely used parser).
  const script = [
    'import sys, json, icalendar',
    "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())",
    "print(json.dumps([[str(e.get('SUMMARY')), e.decoded('DTSTART').isoformat()] for e in cal.walk('VEVENT')]))",
  ].join('\n');
  const py = spawnSync('/usr/bin/python3', ['-c', script, icsPath], { encoding: 'utf8' });
  expect(py.stderr).toBe('');
  const parsed = JSON.parse(py.stdout) as [string, string][];
  const flat = [...inCalendar.entries()].flatMap(([date, vs]) => vs.map((v) => [v.name, v.start ? `${date}T${v.start}` : date]));
  expect(parsed.map(([name, start]) => [name, start.slice(0, start.length > 10 ? 16 : 10)])).toEqual(flat);
  return { text: text.stdout, inCalendar };
}

test('the printed A4 week and the .ics hold the same visits, in the same order, at the same times', async ({ page }, testInfo) => {
  test.setTimeout(360_000);
  // Next week, so the appointment is in the future whatever weekday the test runs on.
  const next = isoWeekOf(addDays(todayIso(), 7));
  const wednesday = addDays(isoWeekMonday(next.isoYear, next.week), 2);
  const data = generateDemoData({ seed: DEMO_SEED, accounts: 700, today: todayIso(), selfName: 'Anna Schröder' });
  const appointed = data.accounts.find((a) => !a.archived && a.name.length < 30);
  if (!appointed) throw new Error('the demo has no account');
  await firstRunWithDemoInGerman(page);

  // A fixed appointment: Wednesday of next week, 10:30.
  await page.goto(`/#/account/${encodeURIComponent(appointed.id)}`);
  await expect(page.getByRole('heading', { level: 1, name: appointed.name })).toBeVisible();
  await page.getByRole('button', { name: 'Termin planen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Termin planen' });
  await dialog.getByLabel('Betreff').fill('Jahresgespräch');
  await fillDate(dialog, 'Datum', germanDay(wednesday));
  await fillDate(dialog, 'Uhrzeit', '1030');
  await dialog.getByRole('button', { name: 'Termin speichern' }).click();
  await expect(dialog).toBeHidden();

  // Next week's plan, proposed, plus one visit added by hand (no time) on Thursday.
  await page.getByRole('link', { name: 'Plan' }).click();
  await page.getByRole('button', { name: 'Nächste Woche' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^Wochenplan KW ${next.week}/${next.isoYear}`) })).toBeVisible();
  await page.getByRole('button', { name: 'Plan vorschlagen' }).click();
  const status = page.getByRole('status').filter({ hasText: /vorgeschlagen/ });
  await expect(status).toBeVisible({ timeout: 30_000 });
  const entries = page.locator('.plan-entry');
  await expect(entries.first()).toBeVisible();
  const appointment = page.locator('.plan-entry').filter({ hasText: 'Termin' }).filter({ hasText: appointed.name });
  await expect(appointment).toHaveCount(1);
  // It keeps its time; its length is the appointment's own or the rep's visit length for the category.
  await expect(appointment.locator('.when')).toHaveText(/^10:30–1[01]:[0-5]\d$/);

  const add = page.getByRole('region', { name: 'Kunden hinzufügen' });
  await add.getByLabel('Tag').selectOption({ index: 3 });
  await add.getByLabel('Kunde suchen').fill('GmbH');
  const addButton = add.getByRole('button', { name: /^Hinzufügen: / }).last();
  const added = ((await addButton.getAttribute('aria-label')) ?? '').replace(/^Hinzufügen: /, '');
  await addButton.click();
  const manual = page.locator('.plan-entry').filter({ hasText: 'Selbst hinzugefügt' });
  await expect(manual).toHaveCount(1);
  await expect(manual).toContainText(added);
  await expect(manual.locator('.when')).toHaveText('ohne Uhrzeit');
  await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('plan-screen-1366.png') });

  const { inCalendar } = await expectPaperAndCalendarAgree(page, testInfo, 'proposed');
  // The appointment is at 10:30 on Wednesday in both; the hand-added visit is an all-day event.
  expect(inCalendar.get(wednesday)?.find((v) => v.name === appointed.name)?.start).toBe('10:30');
  expect([...inCalendar.values()].flat().find((v) => v.name === added)?.start).toBeUndefined();


  // The same week as the routed planner stores it (times, drives, a wait before the appointment,
  // points and the day's start and end): screen, paper and calendar still agree, and each day
  // shows its km, driving time and return, and a route sketch.
  const stored = await page.evaluate(readPlanRow, next.week);
  await page.evaluate(writePlanRow, { id: stored.id, value: routed(stored.value as StoredPlan, data.accounts) });
  await page.reload();
  await page.getByRole('button', { name: 'Nächste Woche' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^Wochenplan KW ${next.week}/`) })).toBeVisible();
  await expect(page.locator('.plan-entry').first()).toBeVisible();
  await expect(page.locator('.week-totals')).toHaveText(/^Woche gesamt: \d+ Besuche · [\d.]+ km Strecke · \d+ h( \d+ min)? Fahrzeit · \d+ (h|min).* Wartezeit$/);
  const sketch = page.getByRole('img', { name: /^Routenskizze Montag, / });
  await expect(sketch).toBeVisible();
  await expect(sketch).toHaveAttribute('aria-describedby', /.+/);
  await expect(page.locator('.plan-entry').filter({ hasText: appointed.name })).toContainText(/Wartezeit \d+ (h|min).* vor dem Termin/);
  await page.screenshot({ path: testInfo.outputPath('plan-routed-1366.png') });
  const routedRead = await expectPaperAndCalendarAgree(page, testInfo, 'routed');
  expect(routedRead.text).toMatch(/[\d.]+ km Strecke · \d+ h( \d+ min)? Fahrzeit.* · zurück \d{2}:\d{2}/);
  expect(routedRead.text).toMatch(/Start: 34117 Kassel/);
  expect(routedRead.inCalendar.get(wednesday)?.find((v) => v.name === appointed.name)?.start).toBe('10:30');
});

type StoredEntry = { accountId: string; reason: string; time?: string; manual?: boolean } & Record<string, unknown>;
type StoredPlan = { isoWeek: number; days: ({ date: string; areas: { areaKey: string; entries: StoredEntry[] }[] } & Record<string, unknown>)[] };

function readPlanRow(week: number): Promise<{ id: string; value: unknown }> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('rapport');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction('settings').objectStore('settings').getAll();
      req.onsuccess = () => {
        const row = (req.result as { id: string; value: { isoWeek?: number; days?: unknown } }[]).find((r) => r.value?.isoWeek === week && r.value.days);
        open.result.close();
        if (row) resolve(row);
        else reject(new Error('no stored plan'));
      };
    };
  });
}

function writePlanRow(row: { id: string; value: unknown }): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('rapport');
    open.onsuccess = () => {
      const tx = open.result.transaction('settings', 'readwrite', { durability: 'strict' });
      tx.objectStore('settings').put({ ...row, updatedAt: Date.now() });
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/**
 * What a routed plan looks like, made here so this spec does not depend on the planner: per day
 * from 08:00, 45-minute visits, 20–35 minutes of driving between them, appointments at their time
 * (with the wait before them) and visits fitted in before an appointment only where they fit.
 * Hand-added entries stay untimed at the end. Points are schematic, by postcode region.
 */
function routed(plan: StoredPlan, accounts: readonly { id: string; postalCode: string }[]): StoredPlan {
  const plz = new Map(accounts.map((a) => [a.id, Number(a.postalCode.slice(0, 2)) || 50]));
  const home = { lat: 51.3127, lon: 9.4797, precision: 'postcode', label: '34117 Kassel' };
  const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return {
    ...plan,
    days: plan.days.map((day) => {
      const all = day.areas.flatMap((a) => a.entries.map((e) => ({ areaKey: a.areaKey, e })));
      const fixed = all.filter((x) => x.e.time).sort((a, b) => minutes(a.e.time ?? '') - minutes(b.e.time ?? ''));
      const free = all.filter((x) => !x.e.time && !x.e.manual);
      const order: typeof all = [];
      let cursor = 8 * 60;
      let km = 0;
      let drive = 0;
      const place = (x: (typeof all)[number], at?: number) => {
        const d = 20 + (order.length % 4) * 5;
        const arrive = cursor + d;
        const start = at !== undefined && at > arrive ? at : arrive;
        const region = plz.get(x.e.accountId) ?? 50;
        order.push({ areaKey: x.areaKey, e: { ...x.e, start: clock(start), end: clock(start + 45), driveKm: d * 1.1, driveMinutes: d,
          ...(start > arrive ? { waitMinutes: start - arrive } : {}), point: { lat: 47.6 + (region % 50) / 8, lon: 6.5 + ((region * 37) % 90) / 10 } } });
        km += d * 1.1;
        drive += d;
        cursor = start + 45;
      };
      for (const f of fixed) {
        while (free.length && cursor + 35 + 45 + 35 <= minutes(f.e.time ?? '')) place(free.shift() as (typeof all)[number]);
        place(f, minutes(f.e.time ?? ''));
      }
      for (const x of free) place(x);
      for (const x of all.filter((y) => y.e.manual)) order.push(x);
      const areas: { areaKey: string; entries: StoredEntry[] }[] = [];
      for (const x of order) {
        const last = areas[areas.length - 1];
        if (last?.areaKey === x.areaKey) last.entries.push(x.e);
        else areas.push({ areaKey: x.areaKey, entries: [x.e] });
      }
      return order.length ? { ...day, areas, from: home, to: home, km: km + 30, driveMinutes: drive + 30, back: clock(cursor + 30) } : day;
    }),
  };
}

