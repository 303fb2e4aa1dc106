// The baseline: a bare Fastify route that returns fixed bytes. Parley's timelines are compared
// with it, so the ratio shows what Parley's own work costs on this machine, in this run.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const [bodyFile, contentType, port] = process.argv.slice(2);
const body = readFileSync(bodyFile!);
const app = Fastify({ logger: false });
app.get('/bare', async (_req, reply) => reply.header('content-type', contentType!).send(body));
await app.listen({ port: Number(port), host: '127.0.0.1' });
process.send?.('ready');
