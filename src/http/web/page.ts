// The server-rendered pages' frame: every interpolated value goes through `h` (escaping), the
// pages cannot be framed (clickjacking of the consent page), and nothing is cached.
import type { FastifyReply } from 'fastify';
import { escapeHtml } from '../../text/html.ts';

/** Marks a string as already-safe HTML. */
export interface Html {
  readonly __html: string;
}

export const raw = (s: string): Html => ({ __html: s });

type Value = string | number | Html | null | undefined | false | readonly Value[];

function render(v: Value): string {
  if (v === null || v === undefined || v === false) return '';
  if (Array.isArray(v)) return v.map(render).join('');
  if (typeof v === 'object') return (v as Html).__html;
  return escapeHtml(String(v));
}

/** Tagged template that escapes every interpolation unless it is Html. */
export function h(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return raw(out);
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#222}
label{display:block;margin:.75rem 0 .25rem}input[type=text],input[type=email],input[type=password],input[type=url],textarea{width:100%;padding:.4rem;box-sizing:border-box}
button{padding:.5rem 1rem;margin:.5rem .5rem .5rem 0}.error{color:#a00;background:#fee;padding:.5rem}.notice{background:#efe;padding:.5rem}
code{word-break:break-all;background:#f4f4f4;padding:.1rem .3rem}table{border-collapse:collapse}td{padding:.2rem .5rem;vertical-align:top}`;

const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; media-src 'self'; frame-ancestors 'none'; base-uri 'none'";

/**
 * An async helper that sends a page must `await` the reply this returns: it settles once the
 * answer is on the wire. A helper that resolves earlier lets the route's promise end while the
 * onSend hooks still run, and Fastify then answers a second time ("Reply was already sent").
 *
 * `head` adds to the document head (the public pages' link-preview tags). `script` names the
 * same-origin scripts a page may run (the forms' proof of work, the passkey buttons); pages have
 * none otherwise.
 */
export function sendPage(reply: FastifyReply, status: number, title: string, body: Html, head: Html = raw(''), script?: string | readonly string[]): FastifyReply {
  const scripts = (typeof script === 'string' ? [script] : (script ?? [])).filter(Boolean);
  const scriptTag = scripts.map((src) => h`<script src="${src}" defer></script>`);
  const doc = h`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="referrer" content="no-referrer"><title>${title} - Parley</title>${head}<style>${raw(STYLE)}</style>${scriptTag}</head><body><h1>${title}</h1>${body}</body></html>`;
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('x-frame-options', 'DENY')
    .header('content-security-policy', scripts.length > 0 ? `${PAGE_CSP}; script-src 'self'; worker-src 'self'` : PAGE_CSP)
    .send(doc.__html);
}

export function messagePage(reply: FastifyReply, status: number, title: string, message: string): FastifyReply {
  return sendPage(reply, status, title, h`<p>${message}</p>`);
}

export function errorBox(message: string | null): Html {
  return message ? h`<p class="error" role="alert">${message}</p>` : raw('');
}

export function hidden(name: string, value: string | null | undefined): Html {
  return value === null || value === undefined ? raw('') : h`<input type="hidden" name="${name}" value="${value}">`;
}

export const PUBLIC_STYLE = `article{border-top:1px solid #ddd;padding:.75rem 0}article header{font-size:.9rem;color:#555}
.avatar{width:48px;height:48px;border-radius:8px;vertical-align:middle;margin-right:.5rem}.invisible{display:none}.ellipsis::after{content:"…"}
.media-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:4px;margin:.5rem 0}.media-grid img,.media-grid video{width:100%;max-height:360px;object-fit:cover;border-radius:6px}.media-grid audio{width:100%}
@media (prefers-color-scheme:dark){body{background:#111;color:#eee}article header{color:#aaa}a{color:#8cf}}`;
