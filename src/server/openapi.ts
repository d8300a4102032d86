/**
 * The OpenAPI 3.1 description of the HTTP API (`GET /openapi.json`), with request schemas
 * generated from the same zod schemas that validate the requests.
 */
import { z } from 'zod';
import { docJsonSchema, SCHEMA_VERSION } from '../doc/schema.js';
import { ERROR_KINDS } from '../errors.js';
import { EventFilterSchema, FilterSchema } from '../store/store.js';
import { ArticleBodySchema, ArticleQuerySchema } from './requests.js';

type JsonObject = Record<string, unknown>;

function jsonSchema(schema: z.ZodType): JsonObject {
  const generated = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonObject;
  delete generated['$schema'];
  return generated;
}

/** Query parameters from the properties of an object schema. */
function queryParameters(schema: z.ZodType): JsonObject[] {
  const properties = (jsonSchema(schema)['properties'] ?? {}) as Record<string, JsonObject>;
  return Object.entries(properties).map(([name, property]) => ({ name, in: 'query', required: false, schema: property, ...(property['description'] ? { description: property['description'] } : {}) }));
}

const ERROR_RESPONSE = {
  description: 'An error from the catalogue',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};

const json = (description: string, schema: JsonObject = { type: 'object' }): JsonObject => ({ description, content: { 'application/json': { schema } } });

const ARTICLE_BODY = {
  required: true,
  content: {
    'application/json': { schema: { $ref: '#/components/schemas/ArticleBody' } },
    'text/plain': { schema: { type: 'string' } },
    'text/html': { schema: { type: 'string' } },
  },
};

/** The OpenAPI document. */
export function openApiDocument(): JsonObject {
  const errors = { 400: ERROR_RESPONSE, 401: ERROR_RESPONSE, 404: ERROR_RESPONSE, 413: ERROR_RESPONSE, 415: ERROR_RESPONSE, 422: ERROR_RESPONSE, 500: ERROR_RESPONSE, 503: ERROR_RESPONSE };
  const articleQuery = queryParameters(ArticleQuerySchema);
  const idParameter = (what: string): JsonObject => ({ name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: `${what} id` });
  return {
    openapi: '3.1.0',
    info: { title: 'Lede API', version: SCHEMA_VERSION, description: 'Analyse news articles, store them, and ask across them. Errors are `{error: {code, message}}`.' },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Only when the server was started with a token.' } },
      schemas: {
        Doc: docJsonSchema(),
        ArticleBody: jsonSchema(ArticleBodySchema),
        Error: {
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string', enum: Object.keys(ERROR_KINDS) }, message: { type: 'string' } } } },
        },
      },
    },
    security: [{}, { bearer: [] }],
    paths: {
      '/analyze': {
        post: {
          summary: 'Analyse one article (text, HTML or JSON) without storing it',
          parameters: articleQuery,
          requestBody: ARTICLE_BODY,
          responses: { 200: json('The analysis', { $ref: '#/components/schemas/Doc' }), ...errors },
        },
      },
      '/articles': {
        post: {
          summary: 'Analyse and store one article (the same id or text again updates it)',
          parameters: articleQuery,
          requestBody: ARTICLE_BODY,
          responses: { 201: json('Stored as a new article: {id, status, counts}'), 200: json('Updated a stored article: {id, status, counts}'), ...errors },
        },
      },
      '/articles/{id}': { get: { summary: 'A stored article with its full analysis', parameters: [idParameter('Article')], responses: { 200: json('The stored article'), ...errors } } },
      '/search': { get: { summary: 'Articles (and quotes) matching every filter', parameters: queryParameters(FilterSchema), responses: { 200: json('{total, totalExact, articles, quotes}: total counts up to 10,000 matches; totalExact is false when more match'), ...errors } } },
      '/entities': { get: { summary: 'Entities with this name or alias', parameters: [{ name: 'name', in: 'query', required: true, schema: { type: 'string' } }], responses: { 200: json('{entities}'), ...errors } } },
      '/entities/{id}': { get: { summary: 'One entity: mentions, quotes by it, events it takes part in', parameters: [idParameter('Entity')], responses: { 200: json('{entity, mentions, quotes, events}'), ...errors } } },
      '/events': {
        get: {
          summary: 'Events matching every filter, by date; CSV (ACLED-like columns) with Accept: text/csv or format=csv',
          parameters: [...queryParameters(EventFilterSchema), { name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ['json', 'csv'] } }],
          responses: { 200: { description: '{events} or CSV', content: { 'application/json': { schema: { type: 'object' } }, 'text/csv': { schema: { type: 'string' } } } }, ...errors },
        },
      },
      '/stats': { get: { summary: 'Counts of what is stored', responses: { 200: json('Counts, schema version, store kind'), ...errors } } },
      '/openapi.json': { get: { summary: 'This document', security: [{}], responses: { 200: json('OpenAPI 3.1') } } },
    },
  };
}
