// Every job type and its handler. Handlers receive ids, load fresh state, and are idempotent.
import type { AppContext } from '../context.ts';

type Registration = (ctx: AppContext) => void;

const registrations: Registration[] = [];

export function registerJobHandlers(ctx: AppContext): void {
  for (const register of registrations) register(ctx);
}
