// Two ways of reading HTML for script that someone smuggled in:
// - allowListProblems: the strict grammar of the fragments src/text/ renders (content, note,
//   field values): only <p>, <br />, <a> and <span>, only their known attributes, http(s)
//   links, balanced tags and the five entities escapeHtml writes. Anything else is a finding.
// - executableHtml: whole pages and third-party-looking HTML, read twice: by a real parser
//   (happy-dom, as a browser builds its DOM) and by a lexical tag scan (which also sees tags a
//   parser would hide inside <noscript> or <template>, where browsers may still run them).
import { Window, type Document } from 'happy-dom';

// Tag -> attributes it may carry, in what src/text/html.ts and render-text.ts emit.
const ALLOWED: Record<string, ReadonlySet<string>> = {
  p: new Set(),
  br: new Set(),
  a: new Set(['href', 'class', 'rel', 'target', 'translate']),
  span: new Set(['class', 'translate']),
};
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

// One token at a time, anchored where the previous one ended (sticky): a tag, a run of plain
// text, or an entity. Whatever matches none of them is a stray "<", ">", "&" or quote (all of
// which escapeHtml writes as entities).
const TOKEN = /<(\/?)([a-z]+)((?:\s+[a-z-]+="[^"<>]*")*)\s*(\/?)>|[^<>&"']+|&(amp|lt|gt|quot|#39);/y;
const ATTRIBUTE = /\s+([a-z-]+)="([^"<>]*)"/g;

const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (_m, name: string) => ENTITIES[name]!);

/** Everything in `html` that is not the allow-listed, well-formed HTML our renderer writes. */
export function allowListProblems(html: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < html.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(html);
    if (!m) {
      problems.push(`unexpected ${JSON.stringify(html.slice(at, at + 20))} at ${at}`);
      break;
    }
    const [, closing, tag, attributes, selfClosing] = m;
    if (tag === undefined) continue; // text or entity
    const allowed = ALLOWED[tag];
    if (!allowed) {
      problems.push(`tag <${tag}> is not allowed`);
      continue;
    }
    if (closing) {
      if (open.pop() !== tag) problems.push(`</${tag}> closes nothing open`);
      continue;
    }
    for (const [, name, value] of attributes!.matchAll(ATTRIBUTE)) {
      if (!allowed.has(name!)) problems.push(`<${tag} ${name}> is not allowed`);
      if (name === 'href' && !/^https?:\/\//i.test(decode(value!))) problems.push(`href ${JSON.stringify(value)} is not an http(s) URL`);
    }
    if (tag === 'br') {
      if (!selfClosing) problems.push('<br> must be written <br />');
      continue;
    }
    if (selfClosing) problems.push(`<${tag} /> must not be self-closing`);
    if ((tag === 'p' || tag === 'a') && open.includes(tag)) problems.push(`<${tag}> nested in <${tag}>`);
    open.push(tag);
  }
  if (open.length) problems.push(`unclosed ${open.map((t) => `<${t}>`).join('')}`);
  return problems;
}

/** What src/text/ shows of typed text in paragraphs: trimmed, CR LF as LF, at most one blank line. */
export const asRendered = (text: string) => text.replace(/\r\n?/g, '\n').trim().replace(/\n{3,}/g, '\n\n');

/** The text a reader sees in a fragment that passed allowListProblems: line breaks as "\n", paragraphs as "\n\n". */
export function fragmentText(html: string): string {
  return decode(html.replace(/<br \/>/g, '\n').replace(/<\/p><p>/g, '\n\n').replace(/<[^>]*>/g, ''));
}

// Elements that run script, load a document or rewrite where links go, in a page we serve.
// (<noscript> is not among them: the forms use it for a notice, and the lexical scan below
// reads the tags inside it anyway.)
const DANGEROUS_TAGS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'svg', 'math', 'template', 'xmp', 'plaintext', 'portal']);
// The one script a page may load: the server's own, same-origin (CSP script-src 'self'), in
// exactly the shape page.ts writes it, with a path of plain characters that escaped text
// cannot produce (the sign-in and sign-up forms' proof-of-work solver).
const OWN_SCRIPT = /<script src="\/(?!\/)[\w./-]+" defer><\/script>/g;
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'data', 'background', 'xlink:href', 'srcset', 'ping', 'cite', 'manifest']);
// What a browser ignores inside a URL scheme (tabs, newlines, leading controls and spaces).
const withoutSchemeNoise = (url: string) => [...url].filter((c) => c.charCodeAt(0) > 0x20).join('');

function attributeProblems(tag: string, name: string, value: string): string[] {
  const problems: string[] = [];
  if (name.startsWith('on')) problems.push(`<${tag} ${name}=…> is an event handler`);
  if (URL_ATTRIBUTES.has(name) && /^(javascript|vbscript|data):/i.test(withoutSchemeNoise(value))) problems.push(`<${tag} ${name}="${value.slice(0, 40)}"> is a script URL`);
  if (name === 'style' && /expression\(|javascript:|url\(/i.test(value)) problems.push(`<${tag} style> can load or run code`);
  if (tag === 'meta' && name === 'http-equiv' && /refresh|set-cookie/i.test(value)) problems.push(`<meta http-equiv="${value}">`);
  return problems;
}

let window: Window | null = null;

function parse(html: string): Document {
  window ??= new Window({
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true, disableComputedStyleRendering: true },
  });
  return new window.DOMParser().parseFromString(html, 'text/html');
}

// Deliberately blind to quotes: a browser reads "<noscript><p title="</noscript><img ...>"
// as a live <img> (noscript holds raw text when script is on), and no "<" or ">" of ours is
// ever inside an attribute value (h escapes them), so any "<tag" is an opening somewhere.
const LEXICAL_TAG = /<([a-zA-Z][a-zA-Z0-9:-]*)([^>]*)>/g;
const LEXICAL_ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Script a browser could run in a served page (or a fragment), as a list of findings. */
export function executableHtml(page: string): string[] {
  const html = page.replace(OWN_SCRIPT, '');
  const problems: string[] = [];
  for (const el of parse(html).querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (DANGEROUS_TAGS.has(tag)) problems.push(`parsed a <${tag}> element`);
    for (const attr of el.attributes) problems.push(...attributeProblems(tag, attr.name.toLowerCase(), attr.value ?? ''));
  }
  for (const m of html.matchAll(LEXICAL_TAG)) {
    const tag = m[1]!.toLowerCase();
    if (DANGEROUS_TAGS.has(tag)) problems.push(`tag <${tag}> in the markup`);
    for (const a of m[2]!.matchAll(LEXICAL_ATTRIBUTE)) {
      const value = a[2] ?? a[3] ?? a[4] ?? '';
      // The lexical scan sees entity-encoded values; a browser decodes them first.
      problems.push(...attributeProblems(tag, a[1]!.toLowerCase(), decodeEntities(value)));
    }
  }
  return [...new Set(problems)];
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', tab: '\t', newline: '\n' }[name.toLowerCase()] ?? whole;
  });
}

export async function closeHtmlParser(): Promise<void> {
  await window?.happyDOM.close();
  window = null;
}

/** The text a browser shows for a page's body (or a fragment), tags gone and entities decoded. */
export function visibleText(html: string): string {
  return parse(html).body.textContent ?? '';
}
