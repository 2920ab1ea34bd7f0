// The published JSON Schemas (public/*.schema.json) as validators, for checking
// what a real receiver gets and what is downloaded.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** A validator for `public/{name}` (its `errors` say why after a failure). */
export function schemaValidator(name) {
  const schema = JSON.parse(readFileSync(new URL(`../../../public/${name}`, import.meta.url), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}
