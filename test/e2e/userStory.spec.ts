// The story a new user lives, end to end: the real UI in Chromium, the real web host with its
// database, real trainer processes. Drop the JapaneseVowels TRAIN and TEST files, see the
// dataset; start the 2 x 2 grid on a built-in long-range task; watch it finish; compare the four
// runs; open one and see its gradient charts; export its model, import it back, and get the
// same test accuracy. A screenshot of every screen is saved under test-results/screenshots.
/// <reference lib="dom" />
import { expect, test, type Page } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningWebHost } from './webHost';
import { repoRoot, startWebHost } from './webHost';

const sharedDatasets = process.env.RNN_LAB_SHARED_DATASETS ?? join(repoRoot, '../shared/datasets');
const japaneseVowels = join(sharedDatasets, 'JapaneseVowels');
const screenshots = join(repoRoot, 'test-results/screenshots');

let host: RunningWebHost;

test.beforeAll(async () => {
  host = await startWebHost();
  mkdirSync(screenshots, { recursive: true });
});
test.afterAll(async () => {
  await host.stop();
});

/** Saves the screen, after checking that each of its visible controls has a name. */
async function shoot(page: Page, name: string): Promise<void> {
  expect(await unnamedControls(page), `controls without a label on ${name}`).toEqual([]);
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

/** Visible buttons, inputs and selects that a screen reader would announce without a name. */
function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const named = (element: HTMLElement): boolean => {
      if (element.getAttribute('aria-label')?.trim()) return true;
      const labelledBy = element.getAttribute('aria-labelledby');
      if (
        labelledBy &&
        labelledBy.split(/\s+/).some((id) => document.getElementById(id)?.textContent?.trim())
      )
        return true;
      if (element instanceof HTMLButtonElement)
        return (element.textContent ?? '').trim() !== '' || !!element.title;
      const control = element as HTMLInputElement;
      if (control.labels && Array.from(control.labels).some((label) => label.textContent?.trim()))
        return true;
      return !!element.title;
    };
    return Array.from(document.querySelectorAll<HTMLElement>('button, input, select, textarea'))
      .filter((element) => element.getClientRects().length > 0 && !(element as HTMLInputElement).hidden)
      .filter((element) => !(element instanceof HTMLInputElement && element.type === 'hidden'))
      .filter((element) => !named(element))
      .map((element) => element.outerHTML.slice(0, 120));
  });
}

/** Drops files on the window the way a file manager does. */
async function dropFiles(page: Page, files: { name: string; text: string }[]): Promise<void> {
  await page.evaluate((dropped) => {
    const transfer = new DataTransfer();
    for (const file of dropped) transfer.items.add(new File([file.text], file.name));
    const target = document.querySelector('.app');
    if (target === null) throw new Error('the app is not mounted');
    target.dispatchEvent(
      new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true, cancelable: true }),
    );
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files);
}

/** Two classes of 2-feature sequences of different lengths, in the .ts format. */
function tinyPair(): { name: string; text: string }[] {
  const header =
    '@problemName Tiny\n@timeStamps false\n@missing false\n@univariate false\n@dimensions 2\n@equalLength false\n@classLabel true up down\n@data\n';
  const row = (i: number, label: string): string => {
    const values = Array.from({ length: 5 + i }, (_, t) => (label === 'up' ? t : -t) + i / 10);
    return `${values.join(',')}:${values.map((v) => v * 2).join(',')}:${label}`;
  };
  const part = (count: number): string =>
    header + Array.from({ length: count }, (_, i) => row(i, i % 2 === 0 ? 'up' : 'down')).join('\n') + '\n';
  return [
    { name: 'Tiny_TRAIN.ts', text: part(6) },
    { name: 'Tiny_TEST.ts', text: part(4) },
  ];
}

function percent(text: string | null): number {
  const match = /([\d.]+)\s*%/.exec(text ?? '');
  if (match === null) throw new Error(`no percentage in "${text}"`);
  return Number(match[1]);
}

test('a new user: import, a 2x2 grid, compare, inspect a run, export and re-import its model', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  await test.step('the app opens on the first-start card, with the built-in tasks in place', async () => {
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: 'Runs' })).toBeVisible();
    await expect(page.getByText(/try it/i).first()).toBeVisible();
    await shoot(page, '01-first-start');
  });

  await test.step('dropping a TRAIN and a TEST file makes one dataset', async () => {
    // The real archive's JapaneseVowels where ../shared is present; a small pair of our own otherwise.
    const real = existsSync(japaneseVowels);
    const files = real
      ? ['JapaneseVowels_TRAIN.ts', 'JapaneseVowels_TEST.ts'].map((name) => ({
          name,
          text: readFileSync(join(japaneseVowels, name), 'utf8'),
        }))
      : tinyPair();
    await dropFiles(page, files);
    await expect(page.getByRole('heading', { name: 'Datasets', exact: true })).toBeVisible();
    const row = page.getByRole('row', { name: real ? /JapaneseVowels/ : /Tiny/ });
    await expect(row).toBeVisible();
    for (const figure of real ? ['270', '370', '12', '9'] : ['6', '4', '2'])
      await expect(row).toContainText(figure);
    await row.click();
    await expect(page.locator('figure.chart[data-points]:not([data-points="0"])').first()).toBeVisible();
    await shoot(page, '02-datasets');
  });

  await test.step('the 2x2 grid single/stacked x clipped/unclipped on temporal-order', async () => {
    await page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('button', { name: 'New experiment' })
      .click();
    const chooser = page.getByLabel('Train on');
    const options = await chooser.locator('option').allTextContents();
    const task = options.find((text) => /temporal-order/.test(text));
    expect(task, `a temporal-order dataset among ${options.join(', ')}`).toBeDefined();
    await chooser.selectOption({ label: task ?? '' });
    await page.getByLabel('Hidden units per layer').fill('16');
    await page.getByLabel(/^Epochs/).fill('2');
    await page.getByRole('button', { name: /Single\/stacked × clipped\/unclipped/ }).click();
    await shoot(page, '03-new-experiment');
    await page.getByRole('button', { name: 'Start 4 runs' }).click();
  });

  await test.step('the four runs train to the end, with progress on the way', async () => {
    await expect(page.getByRole('heading', { name: 'Runs' })).toBeVisible();
    await expect(page.locator('tbody tr')).toHaveCount(4);
    await expect(page.locator('.status-completed')).toHaveCount(4, { timeout: 4 * 60_000 });
    await shoot(page, '04-runs');
  });

  await test.step('Compare overlays four runs and names the two differing hyperparameters', async () => {
    for (const checkbox of await page
      .getByRole('checkbox', { name: /^Select run \d+ for comparison$/ })
      .all()) {
      await checkbox.check();
    }
    await page.getByRole('button', { name: /Compare selected \(4\)/ }).click();
    await expect(page.getByRole('heading', { name: 'Compare' })).toBeVisible();
    const loss = page.locator('figure.chart', { hasText: /^Loss/ }).first();
    await expect(loss).toHaveAttribute('data-series', '4');
    await expect(page.getByText(/layers=1/).first()).toBeVisible();
    await expect(page.getByText(/layers=2/).first()).toBeVisible();
    await expect(page.getByText(/clip/i).first()).toBeVisible();
    await shoot(page, '05-compare');
  });

  let testAccuracy = 0;
  await test.step('a run shows its gradient-norm and temporal-profile charts with data', async () => {
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Runs' }).click();
    await page.locator('tbody tr td.name button.run-name').first().click();
    const gradient = page.locator('figure.chart', { hasText: /gradient norm/i }).first();
    await expect(gradient).not.toHaveAttribute('data-points', '0');
    const profile = page.locator('figure.chart', { hasText: /Gradient reaching each step/ }).first();
    await expect(profile).not.toHaveAttribute('data-points', '0');
    await expect(page.locator('section.confusion table')).toBeVisible();
    testAccuracy = percent(await page.locator('.figure', { hasText: 'test accuracy' }).first().textContent());
    await shoot(page, '06-run');
  });

  await test.step('the exported model, imported back, has the same test accuracy', async () => {
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: /Export best model/i }).click();
    const download = await downloading;
    const path = join(host.folder, download.suggestedFilename());
    await download.saveAs(path);
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Models' }).click();
    await page.getByTestId('model-file-input').setInputFiles(path);
    await page.getByRole('combobox', { name: /^Part/ }).first().selectOption('test');
    await page.getByRole('button', { name: 'Evaluate' }).click();
    const accuracy = page.locator('.figure', { hasText: 'accuracy' }).first();
    await expect(accuracy).toContainText('%');
    expect(percent(await accuracy.textContent())).toBeCloseTo(testAccuracy, 1);
    await shoot(page, '07-models');
  });

  await test.step('inside a sequence: the network unrolled over one sequence', async () => {
    await page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('button', { name: 'Inside a sequence' })
      .click();
    await expect(page.locator('canvas').first()).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await shoot(page, '08-inside-a-sequence');
  });

  expect(errors).toEqual([]);
});
