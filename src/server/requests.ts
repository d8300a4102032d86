/**
 * Request bodies and query strings of the article routes, validated at the edge.
 */
import { z } from 'zod';

/** The JSON body of `POST /analyze` and `POST /articles`. */
export const ArticleBodySchema = z
  .object({
    id: z.union([z.string().min(1).max(500), z.number()]).optional(),
    text: z.string().optional(),
    html: z.string().optional(),
    /** Publication date `YYYY-MM-DD`. */
    published: z.string().optional(),
    url: z.string().max(2000).optional(),
  })
  .strict()
  .refine((body) => typeof body.text === 'string' || typeof body.html === 'string', { message: 'give "text" or "html"' });

/** Query parameters of `POST /analyze` and `POST /articles` (for text and HTML bodies). */
export const ArticleQuerySchema = z
  .object({
    id: z.string().min(1).max(500).optional(),
    published: z.string().optional(),
    url: z.string().max(2000).optional(),
  })
  .strict();

