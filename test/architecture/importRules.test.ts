// DESIGN.md's import rules are enforced by ESLint on every `npm test`; these tests prove the
// rules are there and bite, by linting small sources placed in each folder.

import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/runLab';

const eslint = new ESLint({ cwd: repoRoot });

async function importErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: join(repoRoot, file) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the import rules of DESIGN.md', () => {
  it('core/ imports no Node built-in', async () => {
    expect(
      await importErrors('core/x.ts', "import { readFile } from 'node:fs';\nvoid readFile;\n"),
    ).toHaveLength(1);
    expect(await importErrors('core/x.ts', "import path from 'path';\nvoid path;\n")).toHaveLength(1);
  });

  it('core/ imports no electron and no other project folder', async () => {
    expect(await importErrors('core/x.ts', "import { app } from 'electron';\nvoid app;\n")).toHaveLength(1);
    expect(
      await importErrors(
        'core/model/x.ts',
        "import { loadData } from '../../electron/cli/dataInput';\nvoid loadData;\n",
      ),
    ).toHaveLength(1);
    expect(await importErrors('core/x.ts', "import { y } from '../renderer/y';\nvoid y;\n")).toHaveLength(1);
  });

  it('core/ may import core/ and pure npm libraries', async () => {
    expect(
      await importErrors(
        'core/model/x.ts',
        "import { z } from 'zod';\nimport { allocate } from '../numeric';\nvoid z;\nvoid allocate;\n",
      ),
    ).toEqual([]);
  });

  it('renderer/ never imports electron/, electron or a Node built-in', async () => {
    expect(
      await importErrors(
        'renderer/src/x.ts',
        "import { a } from '../../electron/data/dataSource';\nvoid a;\n",
      ),
    ).toHaveLength(1);
    expect(
      await importErrors('renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nvoid ipcRenderer;\n"),
    ).toHaveLength(1);
    expect(
      await importErrors('renderer/src/x.ts', "import { readFile } from 'node:fs';\nvoid readFile;\n"),
    ).toHaveLength(1);
    expect(
      await importErrors(
        'renderer/src/views/X.vue',
        '<script setup lang="ts">\nimport { a } from \'../../../electron/data/dataSource\';\nvoid a;\n</script>\n',
      ),
    ).toHaveLength(1);
    expect(
      await importErrors(
        'renderer/src/x.ts',
        "import { train } from '../../core/train/trainLoop';\nvoid train;\n",
      ),
    ).toEqual([]);
  });

  it('only the Electron entry files import electron', async () => {
    expect(
      await importErrors('electron/data/x.ts', "import { app } from 'electron';\nvoid app;\n"),
    ).toHaveLength(1);
    expect(
      await importErrors('electron/cli/x.ts', "import { app } from 'electron';\nvoid app;\n"),
    ).toHaveLength(1);
    expect(
      await importErrors('electron/main/index.ts', "import { app } from 'electron';\nvoid app;\n"),
    ).toEqual([]);
    expect(
      await importErrors(
        'electron/preload/index.ts',
        "import { contextBridge } from 'electron';\nvoid contextBridge;\n",
      ),
    ).toEqual([]);
  });
});
