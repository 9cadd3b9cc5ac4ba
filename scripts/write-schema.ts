/** Regenerates rules/pack.schema.json from the zod schema in core/schema.ts. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { packJsonSchemaText } from '../core/json-schema';

const target = fileURLToPath(new URL('../rules/pack.schema.json', import.meta.url));
writeFileSync(target, packJsonSchemaText());
console.log(`wrote ${target}`);
