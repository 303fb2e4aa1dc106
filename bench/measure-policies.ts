// Measures the built-in policies on this machine, for docs/moderation-policies.md:
//   npx node bench/measure-policies.ts
// (Timings do not belong in unit tests; this prints them instead.)
import sharp from 'sharp';
import { loadNsfwModel, classifyImage } from '../src/moderation/nsfw-model.ts';
import { runPolicies, type PolicySubject } from '../src/moderation/pipeline.ts';
import { buildPolicies } from '../src/moderation/registry.ts';

const print = (line: string) => process.stdout.write(`${line}\n`);

async function timeEach(label: string, times: number, fn: () => Promise<unknown>): Promise<void> {
  await fn(); // warm-up
  const start = performance.now();
  for (let i = 0; i < times; i++) await fn();
  const each = (performance.now() - start) / times;
  print(`${label}: ${each >= 1 ? `${each.toFixed(1)} ms` : `${(each * 1000).toFixed(0)} µs`} each (${times} runs)`);
}

const text: PolicySubject = {
  kind: 'status',
  accountId: 'a',
  accountCreatedAt: new Date().toISOString(),
  text: 'Had a lovely walk by the river this morning, the herons were out and the cafe had fresh bread. '.repeat(5),
  mentions: 1,
  links: ['https://example.com/walk'],
  images: [],
  recentPosts: Array.from({ length: 20 }, (_, i) => ({ createdAt: new Date(Date.now() - i * 600_000).toISOString(), text: 'earlier', links: [] })),
};
const reportError = (policy: string, error: unknown) => print(`error in ${policy}: ${String(error)}`);

const rules = Array.from({ length: 50 }, (_, i) => ({ pattern: `word${i}`, action: 'hold', reason: 'r' }));
const regexRules = Array.from({ length: 50 }, (_, i) => ({ pattern: `sp[a4]m+${i}\\b`, regex: true, action: 'hold', reason: 'r' }));
for (const [label, config] of [
  ['profanity', [{ policy: 'profanity' }]],
  ['spam', [{ policy: 'spam' }]],
  ['keywords (50 plain rules)', [{ policy: 'keywords', rules }]],
  ['keywords (50 regex rules)', [{ policy: 'keywords', rules: regexRules }]],
  ['profanity + spam + keywords (100 rules)', [{ policy: 'profanity' }, { policy: 'spam' }, { policy: 'keywords', rules: [...rules, ...regexRules] }]],
] as const) {
  const policies = buildPolicies(config);
  await timeEach(`text check, ${label}, ${text.text.length} chars`, 2000, () => runPolicies(policies, text, { reportError }));
}

const hostile = buildPolicies([{ policy: 'keywords', rules: [{ pattern: '(a+)+$', regex: true, whole_word: false, action: 'reject', reason: 'x' }] }]);
const started = performance.now();
const verdict = await runPolicies(hostile, { ...text, text: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' }, { reportError: () => {} });
print(`catastrophic regex (a+)+$ on 30 a's and '!': ${verdict.action} after ${(performance.now() - started).toFixed(0)} ms`);

let start = performance.now();
await loadNsfwModel();
print(`nsfw model load (import tfjs, start wasm backend, load MobileNetV2): ${(performance.now() - start).toFixed(0)} ms`);
const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#6a9fd0', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).jpeg().toBuffer();
const small = await sharp(photo).resize(400).webp().toBuffer();
start = performance.now();
await classifyImage(photo);
print(`first image (first inference): ${(performance.now() - start).toFixed(0)} ms`);
await timeEach('classify a 1600x1200 JPEG (decode + resize + inference)', 20, () => classifyImage(photo));
await timeEach('classify a 400x300 WebP (decode + resize + inference)', 20, () => classifyImage(small));
