// POST /api/v1/imports: type (following | blocking | muting | lists | bookmarks |
// domain_blocking), mode (merge | overwrite) and data, the CSV, as a multipart file or as a
// text field of a JSON or form body. The file is checked at once (422 and nothing changes);
// the rows are applied by a job: 202 with the import, whose progress GET /imports/:id shows.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { parseInput } from '../../../validation.ts';
import { AppError } from '../../../../domain/errors.ts';
import { IMPORT_MODES, IMPORT_TYPES, importText, MAX_IMPORT_BYTES } from '../../../../services/portability/parse-import.ts';
import { requestImport } from '../../../../services/portability/request-import.ts';
import { serializeImport } from '../../../../services/portability/serialize.ts';

const Body = z.object({
  type: z.enum(IMPORT_TYPES),
  mode: z.enum(IMPORT_MODES).default('merge'),
  data: z.string().optional(),
});

const tooLarge = () => new AppError(422, `Validation failed: the file is too large (at most ${MAX_IMPORT_BYTES / 1048576} MB)`);

/** The CSV text: the uploaded file `data`, else the `data` field. */
async function csvText(request: FastifyRequest, field: string | undefined): Promise<string> {
  const file = request.uploads.find((u) => u.fieldname === 'data');
  if (file) {
    if (file.size > MAX_IMPORT_BYTES) throw tooLarge();
    return importText(await readFile(file.path));
  }
  if (field === undefined) throw new AppError(422, 'Validation failed: data is missing (the CSV file)');
  if (Buffer.byteLength(field) > MAX_IMPORT_BYTES) throw tooLarge();
  return field;
}

export const createImportRoute: RouteGroup = (app, ctx) => {
  app.post('/api/v1/imports', { config: { auth: { mode: 'user', scope: 'write' } } }, async (request, reply) => {
    const me = currentAccount(request);
    const b = parseInput(Body, paramsOf(request));
    const row = await requestImport(ctx, me, { type: b.type, mode: b.mode, text: await csvText(request, b.data) });
    reply.status(202);
    return serializeImport(ctx.config, row, ctx.clock.now());
  });
};
