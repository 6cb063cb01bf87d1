// Messages for the user: errors from the host (never a blank screen) and short confirmations.

import { defineStore } from 'pinia';
import { ref } from 'vue';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const useNotices = defineStore('notices', () => {
  const notices = ref<Notice[]>([]);
  let nextId = 1;

  function dismiss(id: number): void {
    notices.value = notices.value.filter((notice) => notice.id !== id);
  }

  function push(kind: Notice['kind'], text: string): void {
    const id = nextId++;
    notices.value = [...notices.value.slice(-4), { id, kind, text }];
    if (kind === 'info') setTimeout(() => dismiss(id), 5000);
  }

  return {
    notices,
    dismiss,
    error: (error: unknown) => push('error', describeError(error)),
    info: (text: string) => push('info', text),
  };
});
