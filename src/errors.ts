/**
 * Lede's one error catalogue: every error a user can meet has a code, a message that names the
 * input and the problem, an HTTP status and a CLI exit code. The README documents each code
 * (a test checks it).
 */

/** Catalogue entry. */
export interface ErrorKind {
  readonly code: string;
  readonly httpStatus: number;
  readonly exitCode: number;
  /** One line for the README. */
  readonly description: string;
}

export const ERROR_KINDS = {
  E_USAGE: { code: 'E_USAGE', httpStatus: 400, exitCode: 2, description: 'Bad command-line usage or option value.' },
  E_INPUT_NOT_FOUND: { code: 'E_INPUT_NOT_FOUND', httpStatus: 404, exitCode: 3, description: 'The input file or directory does not exist.' },
  E_INPUT_EMPTY: { code: 'E_INPUT_EMPTY', httpStatus: 422, exitCode: 4, description: 'The input holds no text (empty, only whitespace, or no article body found).' },
  E_INPUT_BINARY: { code: 'E_INPUT_BINARY', httpStatus: 415, exitCode: 5, description: 'The input is binary data, not text or HTML.' },
  E_NO_ARTICLES: { code: 'E_NO_ARTICLES', httpStatus: 422, exitCode: 6, description: 'A directory holds no article files (.txt, .html, .htm, .jsonl, .json).' },
  E_BAD_RECORD: { code: 'E_BAD_RECORD', httpStatus: 400, exitCode: 7, description: 'A JSONL line is not valid JSON or lacks "text"/"html".' },
  E_BAD_DATE: { code: 'E_BAD_DATE', httpStatus: 400, exitCode: 8, description: 'A publication date is not a valid YYYY-MM-DD date.' },
  E_INPUT_TOO_LARGE: { code: 'E_INPUT_TOO_LARGE', httpStatus: 413, exitCode: 9, description: 'The input is larger than the size limit.' },
  E_BAD_ENCODING: { code: 'E_BAD_ENCODING', httpStatus: 415, exitCode: 10, description: 'The input bytes cannot be decoded as UTF-8, UTF-16 or Windows-1252.' },
  E_READ_FAILED: { code: 'E_READ_FAILED', httpStatus: 500, exitCode: 11, description: 'The input exists but cannot be read (permissions, a device, a broken link).' },
  E_TIMEOUT: { code: 'E_TIMEOUT', httpStatus: 504, exitCode: 12, description: 'Analysing one article took longer than its time budget.' },
  E_PIPELINE: { code: 'E_PIPELINE', httpStatus: 500, exitCode: 2, description: 'The pipeline was assembled wrongly (a stage requires a field no earlier stage assigns).' },
  E_BAD_REQUEST: { code: 'E_BAD_REQUEST', httpStatus: 400, exitCode: 2, description: 'An HTTP request or a query has a missing or invalid field (the message names it).' },
  E_NOT_FOUND: { code: 'E_NOT_FOUND', httpStatus: 404, exitCode: 16, description: 'No stored article, entity or route has that id or path.' },
  E_UNAUTHORIZED: { code: 'E_UNAUTHORIZED', httpStatus: 401, exitCode: 17, description: 'The server needs an API token: send `Authorization: Bearer <token>`.' },
  E_MEDIA_TYPE: { code: 'E_MEDIA_TYPE', httpStatus: 415, exitCode: 18, description: 'The request body has a content type the server does not read (send JSON, text/plain or text/html).' },
  E_DB: { code: 'E_DB', httpStatus: 503, exitCode: 19, description: 'The store cannot be opened or a database query failed (the message names the file or server).' },
  E_INTERNAL: { code: 'E_INTERNAL', httpStatus: 500, exitCode: 70, description: 'An unexpected failure inside Lede (a bug: please report it with the input).' },
} as const satisfies Record<string, ErrorKind>;

export type ErrorCode = keyof typeof ERROR_KINDS;

/** An error Lede expects and reports to the user without a stack trace. */
export class LedeError extends Error {
  readonly code: ErrorCode;
  /** Input id or path the error is about, when there is one. */
  readonly input?: string;

  constructor(code: ErrorCode, message: string, input?: string) {
    super(message);
    this.name = 'LedeError';
    this.code = code;
    if (input !== undefined) this.input = input;
  }

  get httpStatus(): number {
    return ERROR_KINDS[this.code].httpStatus;
  }

  get exitCode(): number {
    return ERROR_KINDS[this.code].exitCode;
  }
}

/** Wraps anything thrown into a LedeError (unexpected errors become E_INTERNAL). */
export function toLedeError(error: unknown, input?: string): LedeError {
  if (error instanceof LedeError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new LedeError('E_INTERNAL', `${input ? `${input}: ` : ''}internal error: ${message}`, input);
}

/** The `{code, message}` record written for a failed input in a batch or an HTTP response. */
export function errorRecord(error: LedeError): { code: ErrorCode; message: string } {
  return { code: error.code, message: error.message };
}
