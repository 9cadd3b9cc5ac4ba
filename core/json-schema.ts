/** The pack schema as JSON Schema, for editor completion in pack files (`"$schema": "./pack.schema.json"`). */
import { z } from 'zod';
import { PackSchema } from './schema';

export function packJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(PackSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://unspun.dev/schema/pack.schema.json',
    title: 'Unspun rule pack',
  };
}

/** The file's exact text, so the sync test and the writer agree byte for byte. */
export function packJsonSchemaText(): string {
  return `${JSON.stringify(packJsonSchema(), null, 2)}\n`;
}
