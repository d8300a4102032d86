/**
 * What the analyse form sends: plain text, HTML, or a JSON record as the CLI's JSONL reads it.
 */
import { ApiError, type AnalyzeRequest } from './api.js';

/**
 * Reads the form into an API request. `format` is `auto`, `text`, `html` or `json`; in `auto`,
 * input starting with `{` is read as a JSON record `{text|html, published?, url?, id?}` and input
 * with HTML tags near its start as HTML. The form's date and URL are defaults a record overrides.
 */
export function requestFromForm(raw: string, format: string, published: string, url: string): AnalyzeRequest {
  const extra = { ...(published ? { published } : {}), ...(url ? { url } : {}) };
  const trimmed = raw.trim();
  if (format === 'json' || (format === 'auto' && trimmed.startsWith('{') && trimmed.endsWith('}'))) {
    try {
      const record = JSON.parse(trimmed) as Record<string, unknown>;
      if (typeof record['text'] === 'string' || typeof record['html'] === 'string') {
        const pick = (name: string): Record<string, string> => (typeof record[name] === 'string' ? { [name]: record[name] as string } : {});
        return { ...extra, ...pick('text'), ...pick('html'), ...pick('published'), ...pick('url'), ...pick('id') };
      }
    } catch {
      if (format === 'json') throw new ApiError('E_BAD_RECORD', 'the input is not valid JSON', 0);
    }
  }
  const html = format === 'html' || (format === 'auto' && /<(?:html|body|article|p|div|h1|!doctype)\b/i.test(trimmed.slice(0, 5000)));
  return html ? { html: raw, ...extra } : { text: raw, ...extra };
}

