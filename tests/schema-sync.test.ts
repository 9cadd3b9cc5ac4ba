import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packJsonSchemaText } from '../core/json-schema';

describe('rules/pack.schema.json', () => {
  it('is the JSON Schema generated from the zod pack schema (run `npm run schema` after changing core/schema.ts)', () => {
    const onDisk = readFileSync(new URL('../rules/pack.schema.json', import.meta.url), 'utf8');
    expect(onDisk).toBe(packJsonSchemaText());
  });
});
