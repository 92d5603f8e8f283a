import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { UI_LANGUAGES, type UiLanguage } from '../../shared/bridge/contract';

type Messages = Record<string, unknown>;

// App-wide words are the `common` namespace; each feature folder brings its own namespace,
// so features never edit one shared locale file.
const commonFiles = import.meta.glob<Messages>('./locales/*.json', { eager: true, import: 'default' });
const featureFiles = import.meta.glob<Messages>('../features/*/locales/*.json', { eager: true, import: 'default' });

export function buildResources(): Resource {
  const resources: Resource = {};
  for (const lang of UI_LANGUAGES) resources[lang] = {};
  for (const [path, messages] of Object.entries(commonFiles)) {
    const lang = /\/(\w+)\.json$/.exec(path)?.[1];
    const bucket = lang ? resources[lang] : undefined;
    if (bucket) bucket.common = messages;
  }
  for (const [path, messages] of Object.entries(featureFiles)) {
    const match = /features\/([^/]+)\/locales\/(\w+)\.json$/.exec(path);
    const bucket = match?.[2] ? resources[match[2]] : undefined;
    if (match?.[1] && bucket) bucket[match[1]] = messages;
  }
  return resources;
}

export function pickLanguage(preferred: string | undefined): UiLanguage {
  return preferred?.toLowerCase().startsWith('en') ? 'en' : 'de';
}

export async function initI18n(language: UiLanguage): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: buildResources(),
    lng: language,
    fallbackLng: false,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

export { i18next };

/** Switches the UI language everywhere: translations, `<html lang>`, the stored setting and the shell's menu. */
export async function switchLanguage(
  i18n: typeof i18next,
  lang: UiLanguage,
  save: (lang: UiLanguage) => Promise<void>,
  shell: (lang: UiLanguage) => Promise<void>,
): Promise<void> {
  await i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
  await save(lang);
  await shell(lang);
}
