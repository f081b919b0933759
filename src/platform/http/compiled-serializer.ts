import { isDeepStrictEqual } from 'node:util';
import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

type ZodSchema = z.core.$ZodType;

/** Zod node types whose output is plain data that fast-json-stringify writes exactly as Zod would. */
const PLAIN_TYPES = new Set([
  'string',
  'number',
  'int',
  'boolean',
  'null',
  'literal',
  'enum',
  'unknown',
  'any',
  'object',
  'array',
  'optional',
  'nullable',
  'readonly',
  'record',
  'union',
]);

function fromRouteSchema(schema: unknown): ZodSchema | undefined {
  if (schema instanceof z.core.$ZodType) return schema;
  const properties = (schema as { properties?: unknown } | undefined)?.properties;
  return properties instanceof z.core.$ZodType ? properties : undefined;
}

/**
 * True when Zod's output for valid data is the data itself (minus unknown keys): no transforms,
 * defaults, catches, lazies, or checks that rewrite a value (trim, toLowerCase). Only then does a
 * JSON-schema serialiser write the same bytes without running Zod.
 */
function outputIsPlainData(schema: ZodSchema, seen = new Set<ZodSchema>()): boolean {
  if (seen.has(schema)) return false;
  seen.add(schema);
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  if (!PLAIN_TYPES.has(def.type)) return false;
  const checks = (def.checks ?? []) as Array<{ _zod: { def: { check: string } } }>;
  if (checks.some((check) => check._zod.def.check === 'overwrite')) return false;
  const children: unknown[] = [];
  if (def.type === 'object') {
    children.push(...Object.values(def.shape as Record<string, ZodSchema>));
    if (def.catchall) children.push(def.catchall);
  }
  if (def.type === 'array') children.push(def.element);
  if (def.type === 'optional' || def.type === 'nullable' || def.type === 'readonly') children.push(def.innerType);
  if (def.type === 'record') children.push(def.keyType, def.valueType);
  if (def.type === 'union') children.push(...(def.options as ZodSchema[]));
  return children.every((child) => child instanceof z.core.$ZodType && outputIsPlainData(child, seen));
}

/** True when the schema, or any schema inside it, needs a JSON-schema feature we do not compile. */
function usesUnsupportedKeywords(jsonSchema: unknown): boolean {
  if (Array.isArray(jsonSchema)) return jsonSchema.some(usesUnsupportedKeywords);
  if (!jsonSchema || typeof jsonSchema !== 'object') return false;
  const record = jsonSchema as Record<string, unknown>;
  // References and branch selection (anyOf picks a branch by validating with ajv, not with Zod).
  if ('$ref' in record || 'anyOf' in record || 'oneOf' in record || 'allOf' in record || 'not' in record) return true;
  return Object.values(record).some(usesUnsupportedKeywords);
}

/** The JSON schema fast-json-stringify compiles, or undefined when Zod must keep serialising this response. */
export function serializationSchemaFor(schema: ZodSchema): Record<string, unknown> | undefined {
  if (!outputIsPlainData(schema)) return undefined;
  let jsonSchema: Record<string, unknown>;
  try {
    jsonSchema = z.toJSONSchema(schema, {
      io: 'output',
      target: 'draft-7',
      unrepresentable: 'throw',
      reused: 'inline',
    });
  } catch {
    return undefined;
  }
  if (usesUnsupportedKeywords(jsonSchema)) return undefined;
  delete jsonSchema.$schema;
  return jsonSchema;
}

/**
 * Fastify's compiled response serialisation for routes whose response schemas are Zod: each schema
 * whose output is plain data becomes a JSON schema compiled once by fast-json-stringify (what Fastify
 * does for JSON-schema routes), so a response is written without walking it through Zod. Any other
 * schema keeps Zod's serialiser. The OpenAPI document is generated from the Zod schemas as before.
 *
 * `crossCheck` (tests) also runs Zod's serialiser on every response and fails on any difference in
 * the data written, so the whole test suite proves both write the same, and Zod still rejects invalid
 * responses there. Only the order of keys may differ (fast-json-stringify writes an object's optional
 * properties after its required ones); JSON objects are unordered, so no client can tell. In production an invalid response is written by the compiled serialiser instead of
 * failing with a 500; the tests are what keep responses valid.
 */
export function createCompiledSerializerCompiler(options: { crossCheck: boolean }): FastifySerializerCompiler<unknown> {
  return (routeSchema) => {
    const zodSerialize = zodSerializerCompiler(routeSchema as Parameters<typeof zodSerializerCompiler>[0]);
    const schema = fromRouteSchema(routeSchema.schema);
    const jsonSchema = schema ? serializationSchemaFor(schema) : undefined;
    if (!jsonSchema) return zodSerialize;
    const stringify = fastJson(jsonSchema);
    if (!options.crossCheck) return (data) => stringify(data);
    return (data) => {
      const expected = zodSerialize(data);
      const actual = stringify(data);
      if (actual !== expected && !isDeepStrictEqual(JSON.parse(actual), JSON.parse(expected))) {
        throw new Error(
          `compiled serialiser of ${routeSchema.method} ${routeSchema.url} (${routeSchema.httpStatus}) wrote ${actual}, Zod wrote ${expected}`,
        );
      }
      return actual;
    };
  };
}
