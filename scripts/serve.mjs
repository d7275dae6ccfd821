// Serves a built site on 127.0.0.1 and prints its address: node scripts/serve.mjs DIR [PORT]
import path from 'node:path';
import { serve } from '../tests/e2e/harness.mjs';

const root = path.resolve(process.argv[2] || 'build/web/site');
const port = Number(process.argv[3] || 8080);
const server = await serve(root, port);
console.log(`iadesk kjører på ${server.url}  (Ctrl+C avslutter)`);
