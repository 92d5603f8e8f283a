import { create } from 'zustand';

/** The pages of the main navigation, in menu order. */
export const NAV_PAGES = ['today', 'customers', 'plan', 'reports', 'settings'] as const;
export type NavPage = (typeof NAV_PAGES)[number];

/**
 * The customer list opened on the accounts a figure elsewhere counts (Today's visit coverage):
 * whose (`me` or `all`) and the list's contact-status filter value (checked by the list).
 */
export type CustomerListLink = { owner: 'me' | 'all'; due: string };

export type Route =
  | { page: NavPage }
  | { page: 'customers'; list: CustomerListLink }
  | { page: 'account'; accountId: string }
  | { page: 'briefing'; accountId: string }
  | { page: 'importExport' };

/** Routes live in the URL hash so reload, back/forward and e2e deep links all work. */
export function parseHash(hash: string): Route {
  const [path = '', query] = hash.replace(/^#/, '').split('?');
  const [, page, id, sub] = path.split('/');
  if (page === 'customers' && query) {
    const params = new URLSearchParams(query);
    const due = params.get('due');
    if (due) return { page: 'customers', list: { owner: params.get('owner') === 'all' ? 'all' : 'me', due } };
  }
  if (page === 'account' && id && sub === 'briefing') return { page: 'briefing', accountId: decodeURIComponent(id) };
  if (page === 'account' && id) return { page: 'account', accountId: decodeURIComponent(id) };
  if (page === 'settings' && id === 'import-export') return { page: 'importExport' };
  if ((NAV_PAGES as readonly string[]).includes(page ?? '')) return { page: page as NavPage };
  return { page: 'today' };
}

export function routeToHash(route: Route): string {
  if (route.page === 'briefing') return `#/account/${encodeURIComponent(route.accountId)}/briefing`;
  if (route.page === 'importExport') return '#/settings/import-export';
  if ('list' in route) return `#/customers?${new URLSearchParams({ owner: route.list.owner, due: route.list.due }).toString()}`;
  return route.page === 'account' ? `#/account/${encodeURIComponent(route.accountId)}` : `#/${route.page}`;
}

type RouterState = { route: Route; navigate: (route: Route) => void };

export const useRouter = create<RouterState>((set) => ({
  route: parseHash(typeof location === 'undefined' ? '' : location.hash),
  navigate: (route) => {
    const hash = routeToHash(route);
    if (location.hash !== hash) location.hash = hash;
    set({ route });
  },
}));

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => useRouter.setState({ route: parseHash(location.hash) }));
}
