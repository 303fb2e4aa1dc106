// Rails-style nested parameters, as Mastodon clients send them in query strings, forms and
// multipart bodies: `media_ids[]=1&media_ids[]=2`, `poll[options][]=a`, `fields_attributes[0][name]=x`.
export type ParamValue = string | ParamValue[] | { [key: string]: ParamValue };
export type Params = { [key: string]: ParamValue };

const MAX_DEPTH = 5;
const MAX_KEYS = 1000;

function splitKey(key: string): string[] | null {
  const m = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
  if (!m) return null;
  const parts = [m[1]!];
  const rest = m[2] ?? '';
  for (const seg of rest.matchAll(/\[([^[\]]*)\]/g)) parts.push(seg[1]!);
  return parts.length > MAX_DEPTH + 1 ? null : parts;
}

function isObject(v: ParamValue | undefined): v is { [key: string]: ParamValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function buildNestedParams(entries: Iterable<[string, string]>): Params {
  const root: Params = Object.create(null) as Params;
  let count = 0;
  for (const [rawKey, value] of entries) {
    if (++count > MAX_KEYS) break;
    const parts = splitKey(rawKey);
    if (!parts) {
      root[rawKey] = value;
      continue;
    }
    let node: Params = root;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (part === '__proto__' || part === 'constructor' || part === 'prototype') break;
      const last = i === parts.length - 1;
      const next = parts[i + 1];
      if (last) {
        if (part === '') continue; // handled by the parent as an array push
        node[part] = value;
        break;
      }
      if (next === '') {
        // key[] -> array of strings (deeper nesting under [] is not used by Mastodon's API)
        const existing = node[part];
        const arr = Array.isArray(existing) ? existing : [];
        arr.push(value);
        node[part] = arr;
        break;
      }
      const child = node[part];
      if (!isObject(child)) node[part] = Object.create(null) as Params;
      node = node[part] as Params;
    }
  }
  return root;
}

export function parseQueryString(qs: string): Params {
  return buildNestedParams(new URLSearchParams(qs).entries());
}
