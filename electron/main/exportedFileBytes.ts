// What the save dialog writes for an exported file: its text, or for a chart saved as PNG
// (the renderer sends the canvas as a data: URL) the decoded image bytes.

import type { ExportedFile } from '../../core/api/labResults';

const PNG_DATA_URL = 'data:image/png;base64,';

export function exportedFileBytes(file: ExportedFile): string | Buffer {
  if (file.mimeType === 'image/png' && file.text.startsWith(PNG_DATA_URL)) {
    return Buffer.from(file.text.slice(PNG_DATA_URL.length), 'base64');
  }
  return file.text;
}
