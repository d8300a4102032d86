/**
 * Publication dates given by callers, checked in one place (a module of its own so the CLI can
 * check `--published` without loading the pipeline).
 */
import { LedeError } from '../errors.js';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Validates a `YYYY-MM-DD` date (a full ISO timestamp is cut to its date). */
export function parsePublished(value: string, input: string): string {
  const date = value.trim().slice(0, 10);
  const match = DATE_PATTERN.exec(date);
  const valid = match && !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);
  if (!valid) throw new LedeError('E_BAD_DATE', `${input}: publication date ${JSON.stringify(value)} is not a valid YYYY-MM-DD date`, input);
  return date;
}
