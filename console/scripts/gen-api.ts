// Writes console/src/api/schema.d.ts from the server's routes: run after changing a route.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { API_TYPES_PATH, generateApiTypes } from './api-types.js';

writeFileSync(API_TYPES_PATH, await generateApiTypes());
console.error(`wrote ${fileURLToPath(API_TYPES_PATH)}`);
