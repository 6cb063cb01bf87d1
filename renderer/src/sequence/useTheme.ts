// Whether the dark theme is on (styles.css follows the system's colour scheme), kept live so
// canvases that paint theme colours themselves can repaint when it changes.

import { onBeforeUnmount, ref, type Ref } from 'vue';

const DARK_QUERY = '(prefers-color-scheme: dark)';

export function useDarkTheme(): Ref<boolean> {
  const query = window.matchMedia(DARK_QUERY);
  const dark = ref(query.matches);
  const onChange = (event: MediaQueryListEvent): void => {
    dark.value = event.matches;
  };
  query.addEventListener('change', onChange);
  onBeforeUnmount(() => query.removeEventListener('change', onChange));
  return dark;
}

/** A theme colour from styles.css (e.g. '--text'), for drawing on a canvas. */
export function themeColor(name: string, fallback = '#888888'): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}
