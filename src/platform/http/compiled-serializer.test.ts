import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { createCompiledSerializerCompiler, serializationSchemaFor } from './compiled-serializer.ts';

const compile = (schema: z.ZodType) =>
  createCompiledSerializerCompiler({ crossCheck: true })({
    schema,
    method: 'GET',
    url: '/example',
    httpStatus: '200',
  } as never);

describe('compiled response serialisation', () => {
  test('an optional property between required ones: same data as Zod, keys possibly reordered', () => {
    const serialize = compile(
      z.object({ first: z.string(), middle: z.object({ n: z.number() }).optional(), last: z.array(z.string()) }),
    );
    const data = { first: 'a', middle: { n: 1 }, last: ['x'] };
    assert.deepEqual(JSON.parse(serialize(data)), data);
    assert.deepEqual(JSON.parse(serialize({ first: 'a', last: [] })), { first: 'a', last: [] });
  });

  test('schemas whose output is not the data itself keep Zod', () => {
    assert.equal(serializationSchemaFor(z.object({ name: z.string().trim() })), undefined);
    assert.equal(serializationSchemaFor(z.object({ n: z.number().default(1) })), undefined);
    assert.ok(serializationSchemaFor(z.object({ name: z.string(), tags: z.array(z.string()) })));
  });

  test('a response Zod rejects still fails in the cross-check', () => {
    const serialize = compile(z.object({ count: z.number() }));
    assert.throws(() => serialize({ count: 'many' }));
  });
});
