// Request shapes of the filters endpoints (v2 and v1). Types and enums are checked here; blank
// values and limits are the services' business (src/services/filters/limits.ts).
import { z } from 'zod';
import { FILTER_ACTIONS, FILTER_CONTEXTS } from '../../../../serializers/filter.ts';
import { MAX_EXPIRES_IN, MAX_KEYWORDS_PER_FILTER } from '../../../../services/filters/limits.ts';
import { zArray, zBool, zInt } from '../../../validation.ts';

export const zContexts = zArray(z.enum(FILTER_CONTEXTS), 20);

/** Seconds; an empty value or null means "never expires". */
export const zExpiresIn = z.preprocess((v) => (v === '' ? null : v), z.union([z.null(), zInt(1, MAX_EXPIRES_IN)]));

export const KeywordBody = z.object({ keyword: z.string().optional(), whole_word: zBool.optional() });

export const FilterBody = z.object({
  title: z.string().optional(),
  context: zContexts.optional(),
  filter_action: z.enum(FILTER_ACTIONS).optional(),
  expires_in: zExpiresIn.optional(),
  keywords_attributes: zArray(KeywordBody.extend({ id: z.string().max(100).optional(), _destroy: zBool.optional() }), MAX_KEYWORDS_PER_FILTER).optional(),
});

export const FilterStatusBody = z.object({ status_id: z.string().max(100) });

export const read = { config: { auth: { mode: 'user', scope: 'read:filters' } } } as const;
export const write = { config: { auth: { mode: 'user', scope: 'write:filters' } } } as const;
export type WithId = { Params: { id: string } };
