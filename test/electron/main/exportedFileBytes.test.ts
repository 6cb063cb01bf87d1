import { describe, expect, it } from 'vitest';
import { exportedFileBytes } from '../../../electron/main/exportedFileBytes';

describe('the bytes a saved file gets', () => {
  it('writes text files as they are', () => {
    expect(exportedFileBytes({ fileName: 'm.json', mimeType: 'application/json', text: '{"a":1}' })).toBe(
      '{"a":1}',
    );
  });

  it('decodes a chart sent as a PNG data URL', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const bytes = exportedFileBytes({
      fileName: 'chart.png',
      mimeType: 'image/png',
      text: `data:image/png;base64,${png.toString('base64')}`,
    });
    expect(Buffer.isBuffer(bytes) && bytes.equals(png)).toBe(true);
  });

  it('does not decode a data URL that claims another type', () => {
    const text = 'data:image/png;base64,AAAA';
    expect(exportedFileBytes({ fileName: 'x.txt', mimeType: 'text/plain', text })).toBe(text);
  });
});
