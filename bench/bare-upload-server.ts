// The baseline for uploads: a bare Fastify route with @fastify/multipart that reads the same
// multipart body as Parley's POST /api/v2/media and throws the file away. The ratio then shows
// what Parley's own work (storing, checking, decoding and encoding the picture) costs.
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import Fastify from 'fastify';

const [port] = process.argv.slice(2);
const discard = () => new Writable({ write: (_chunk, _encoding, done) => done() });

const app = Fastify({ logger: false });
await app.register(multipart, { limits: { fileSize: 100 * 1024 * 1024 } });
app.post('/bare-upload', async (request) => {
  for await (const part of request.parts()) {
    if (part.type === 'file') await pipeline(part.file, discard());
  }
  return { received: true };
});
app.get('/bare-upload', async () => ({ ready: true }));
await app.listen({ port: Number(port), host: '127.0.0.1' });
