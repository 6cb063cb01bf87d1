// Which screen is shown, kept in the address's hash (#/runs, #/run/7, #/compare/3,4) so that
// reload, back and forward work in the browser and the menu can navigate the app.

import { defineStore } from 'pinia';
import { ref } from 'vue';

export type ViewName = 'datasets' | 'experiment' | 'runs' | 'run' | 'compare' | 'sequence' | 'models';

export interface Route {
  view: ViewName;
  /** The run shown (run), the runs compared (compare). */
  ids: number[];
}

const VIEWS: readonly ViewName[] = ['datasets', 'experiment', 'runs', 'run', 'compare', 'sequence', 'models'];

export function parseHash(hash: string): Route {
  const [name = '', idText = ''] = hash.replace(/^#\/?/, '').split('/');
  const view = (VIEWS as readonly string[]).includes(name) ? (name as ViewName) : 'runs';
  const ids = idText
    .split(',')
    .map(Number)
    .filter((id) => Number.isInteger(id) && id > 0);
  return { view, ids };
}

export function routeHash(route: Route): string {
  return `#/${route.view}${route.ids.length > 0 ? `/${route.ids.join(',')}` : ''}`;
}

export const useNavigation = defineStore('navigation', () => {
  const route = ref<Route>(parseHash(window.location.hash));

  function go(view: ViewName, ids: number[] = []): void {
    const next = { view, ids };
    const hash = routeHash(next);
    if (window.location.hash !== hash) window.location.hash = hash;
    route.value = next;
  }

  window.addEventListener('hashchange', () => {
    route.value = parseHash(window.location.hash);
  });

  return { route, go };
});
