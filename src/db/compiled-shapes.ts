// For hot statements whose Kysely building costs more CPU than running them: build and compile
// the statement once per shape with named placeholder values, then reuse its SQL text with the
// real values put in parameter order.
import { CompiledQuery, type RawBuilder } from 'kysely';
import type { Db } from './client.ts';

const shapes = new WeakMap<Db, Map<string, CompiledQuery<unknown>>>();

/** A placeholder value standing for the parameter `name` while a shape is compiled. */
export const slot = (name: string): string => `\u0000${name}`;

export function fromShape<R>(db: Db, key: string, build: () => RawBuilder<R>, values: Record<string, unknown>): CompiledQuery<R> {
  let byKey = shapes.get(db);
  if (!byKey) shapes.set(db, (byKey = new Map()));
  let template = byKey.get(key);
  if (!template) {
    template = build().compile(db) as CompiledQuery<unknown>;
    byKey.set(key, template);
  }
  const parameters = template.parameters.map((p) => {
    if (typeof p !== 'string' || !p.startsWith('\u0000')) return p;
    const name = p.slice(1);
    if (!(name in values)) throw new Error(`no value for slot ${name} of ${key}`);
    return values[name];
  });
  return CompiledQuery.raw(template.sql, parameters) as CompiledQuery<R>;
}
