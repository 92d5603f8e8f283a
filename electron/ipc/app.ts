import type { AppInfo, UiLanguage } from '../../shared/bridge/contract';
import { isSafeExternalUrl } from '../url-policy';
import { type HandlerMap, ShellError } from './types';

export type AppDeps = {
  /** Current facts about the app (read on each call: the log path can change on rotation). */
  info(): AppInfo;
  /** Rebuilds the application menu in `lang`. */
  setLanguage(lang: UiLanguage): void;
  /** shell.openExternal. */
  openExternal(url: string): Promise<void>;
};

/** appInfo, setLanguage and openExternal. */
export function createAppHandlers<S>(deps: AppDeps): HandlerMap<S, 'appInfo' | 'setLanguage' | 'openExternal'> {
  return {
    appInfo: async () => deps.info(),
    setLanguage: async (lang) => deps.setLanguage(lang),
    openExternal: async (url) => {
      if (!isSafeExternalUrl(url)) {
        throw new ShellError('ERR_URL_NOT_ALLOWED', 'Only https: and mailto: links can be opened.');
      }
      await deps.openExternal(url);
    },
  };
}
