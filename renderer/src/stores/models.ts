// Model JSON files the user opened (imported) in this session, and exporting a run's model.

import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type { ModelInspection } from '../../../core/api/labApi';
import { saveExportedFile } from '../lab/files';
import { lab } from '../lab/lab';
import { useNotices } from './notices';

export interface OpenedModel {
  /** Where it came from: a file name, or "run 7 (best)". */
  name: string;
  text: string;
  inspection: ModelInspection;
}

export const useModels = defineStore('models', () => {
  // shallowRef: provenance holds free JSON, too deep for Vue's ref unwrapping types.
  const opened = shallowRef<OpenedModel[]>([]);
  const notices = useNotices();

  /** Inspects a model JSON text and keeps it; a malformed file is reported, never kept. */
  async function open(name: string, text: string): Promise<OpenedModel | null> {
    try {
      const inspection = await lab().invoke('models.inspect', { text });
      const model = { name, text, inspection };
      opened.value = [model, ...opened.value.filter((m) => m.name !== name)];
      return model;
    } catch (error) {
      notices.error(error);
      return null;
    }
  }

  /** A run's best or final model, kept like an opened file. */
  async function openRunModel(runId: number, kind: 'best' | 'final'): Promise<OpenedModel | null> {
    try {
      const file = await lab().invoke('models.get', { runId, kind });
      return open(`run ${runId} (${kind})`, file.text);
    } catch (error) {
      notices.error(error);
      return null;
    }
  }

  async function exportRunModel(runId: number, kind: 'best' | 'final'): Promise<boolean> {
    try {
      const file = await lab().invoke('models.get', { runId, kind });
      const saved = await saveExportedFile({
        fileName: file.fileName,
        mimeType: 'application/json',
        text: file.text,
      });
      if (saved) notices.info(`Saved ${file.fileName}.`);
      return saved;
    } catch (error) {
      notices.error(error);
      return false;
    }
  }

  function close(name: string): void {
    opened.value = opened.value.filter((model) => model.name !== name);
  }

  return { opened, open, close, openRunModel, exportRunModel };
});
