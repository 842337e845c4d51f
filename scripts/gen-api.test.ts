import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { OpenAPI3 } from 'openapi-typescript';
import { generateApiTypes, requireDefaultsInResponses, SCHEMA_FILE } from './gen-api.ts';

/** The first line where two texts differ, to say what is stale without printing 15,000 lines. */
function firstDifference(a: string, b: string): string | null {
  const left = a.split('\n');
  const right = b.split('\n');
  for (let i = 0; i < Math.max(left.length, right.length); i++)
    if (left[i] !== right[i])
      return `line ${i + 1}: committed ${JSON.stringify(left[i])}, generated ${JSON.stringify(right[i])}`;
  return null;
}

describe('generated API types (web/src/api/schema.d.ts)', () => {
  it('match the current route declarations (after changing a route: npm run gen:api)', async () => {
    const committed = await readFile(SCHEMA_FILE, 'utf8');
    const generated = await generateApiTypes();
    expect(firstDifference(committed, generated)).toBeNull();
  });

  const doc = (schemas: Record<string, unknown>, paths: Record<string, unknown>) =>
    ({
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths,
      components: { schemas },
    }) as OpenAPI3;
  const json = (ref: string) => ({ content: { 'application/json': { schema: { $ref: ref } } } });

  it('makes defaulted properties required only in what the server answers', () => {
    const withDefault = () => ({
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'boolean', default: false } },
      required: ['a'],
    });
    const out = requireDefaultsInResponses(
      doc(
        { Out: withDefault(), In: withDefault(), Both: withDefault() },
        {
          '/x': {
            post: {
              requestBody: json('#/components/schemas/In'),
              responses: { 200: json('#/components/schemas/Out') },
            },
            put: {
              requestBody: json('#/components/schemas/Both'),
              responses: { 200: json('#/components/schemas/Both') },
            },
          },
        },
      ),
    ) as unknown as { components: { schemas: Record<string, { required: string[] }> } };
    expect(out.components.schemas.Out!.required).toEqual(['a', 'b']);
    expect(out.components.schemas.In!.required).toEqual(['a']);
    // A component requests use too keeps the request (input) reading.
    expect(out.components.schemas.Both!.required).toEqual(['a']);
  });
});
