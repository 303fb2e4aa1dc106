// Admin-written keyword rules: words, phrases or regular expressions, each with its own action
// and reason. Regular expressions are untrusted input (an admin can paste "(a+)+$" from anywhere):
// they run in a separate V8 context whose execution is cut off after a time limit: a catastrophic
// backtracking match never yields, so nothing on the same thread can stop it otherwise.
import vm from 'node:vm';
import { z } from 'zod';
import { foldText } from '../normalise-text.ts';
import { POLICY_ACTIONS, stricter, type ContentPolicy, type PolicyAction, type PolicyDecision } from '../pipeline.ts';

// Case-insensitive, Unicode-aware ("ä" is a letter, \p{L} works).
const FLAGS = 'iu';
// A word boundary that knows non-ASCII letters, unlike \b.
const bounded = (rule: KeywordRule, source: string) => (rule.whole_word ? `(?<![\\p{L}\\p{N}_])(?:${source})(?![\\p{L}\\p{N}_])` : source);
// Only syntax characters: with the u flag, escaping anything else ("\-") is itself an error.
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function regexSyntaxError(source: string): string | null {
  try {
    new RegExp(source, FLAGS);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const ruleSchema = z
  .strictObject({
    pattern: z.string().min(1),
    regex: z.boolean().default(false),
    whole_word: z.boolean().default(true),
    action: z.enum(POLICY_ACTIONS).exclude(['accept']),
    /** Shown to the author on reject, to moderators always. */
    reason: z.string().trim().min(1),
  })
  .superRefine((rule, ctx) => {
    if (!rule.regex) return;
    const error = regexSyntaxError(rule.pattern);
    if (error) ctx.addIssue({ code: 'custom', path: ['pattern'], message: `invalid regular expression: ${error}` });
  });

export const keywordsOptionsSchema = z.strictObject({
  rules: z.array(ruleSchema).min(1),
  /** How long all the rules together may run on one text before the check fails (and the post is held). */
  regex_timeout_ms: z.number().int().min(1).max(1000).default(50),
});
export type KeywordsOptions = z.infer<typeof keywordsOptionsSchema>;
export type KeywordRule = KeywordsOptions['rules'][number];

export class RegexTimeoutError extends Error {
  constructor(rule: KeywordRule, ms: number) {
    super(`keyword rule ${JSON.stringify(rule.pattern)} ran longer than ${ms} ms (catastrophic backtracking?): fix or remove it`);
    this.name = 'RegexTimeoutError';
  }
}

/**
 * Runs the admin's regular expressions in a separate V8 context with a time limit. A limit on wall
 * time can also be hit by an innocent pattern when the machine is busy (a pause of tens of
 * milliseconds is enough), so a timeout is retried once before it counts: a runaway pattern
 * costs twice the limit, a false alarm needs two stalls in a row.
 */
function createSandboxedMatcher(sources: string[], timeoutMs: number): (text: string) => { hits: number[] } | { runaway: number } {
  // Patterns cross into the sandbox as data and are compiled there once; only numbers come back.
  const sandbox = vm.createContext({ sources, flags: FLAGS, text: '', hits: [] as number[], current: -1 });
  new vm.Script('const regexes = sources.map((source) => new RegExp(source, flags));').runInContext(sandbox);
  const run = new vm.Script('hits = []; for (let i = 0; i < regexes.length; i++) { current = i; if (regexes[i].test(text)) hits.push(i); }');
  return (text) => {
    sandbox.text = text;
    for (let attempt = 1; ; attempt++) {
      try {
        run.runInContext(sandbox, { timeout: timeoutMs });
        return { hits: [...(sandbox.hits as number[])] };
      } catch (error) {
        if ((error as { code?: string }).code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw error;
        if (attempt === 2) return { runaway: sandbox.current as number };
      }
    }
  };
}

/** Returns the indexes of the rules that match a text. Throws RegexTimeoutError on a runaway pattern. */
function createMatcher(rules: readonly KeywordRule[], timeoutMs: number): (text: string) => number[] {
  // Plain words become escaped literals: they cannot backtrack, so they run here, at full speed.
  const plain = rules.flatMap((rule, index) => (rule.regex ? [] : [{ index, regex: new RegExp(bounded(rule, escapeRegExp(foldText(rule.pattern))), FLAGS) }]));
  const regexIndexes = rules.flatMap((rule, index) => (rule.regex ? [index] : []));
  const sandboxed = regexIndexes.length > 0 ? createSandboxedMatcher(regexIndexes.map((i) => bounded(rules[i]!, rules[i]!.pattern)), timeoutMs) : null;
  return (text) => {
    const hits = plain.filter(({ regex }) => regex.test(text)).map(({ index }) => index);
    if (!sandboxed) return hits;
    const result = sandboxed(text);
    if ('runaway' in result) throw new RegexTimeoutError(rules[regexIndexes[result.runaway]!]!, timeoutMs);
    return [...hits, ...result.hits.map((i) => regexIndexes[i]!)].sort((a, b) => a - b);
  };
}

export function createKeywordsPolicy(options: KeywordsOptions, name = 'keywords'): ContentPolicy {
  const match = createMatcher(options.rules, options.regex_timeout_ms);
  return {
    name,
    needs: [],
    async check(subject): Promise<PolicyDecision> {
      // Links are matched too, so a rule on a domain works whether or not the text spells the URL out.
      const hits = match(foldText([subject.text, ...subject.links].join('\n')));
      let decisive: KeywordRule | undefined;
      let action: PolicyAction = 'accept';
      for (const index of hits) {
        const rule = options.rules[index]!;
        if (stricter(action, rule.action) !== action) {
          action = rule.action;
          decisive = rule;
        }
      }
      return decisive ? { action, reason: decisive.reason, score: hits.length } : { action: 'accept' };
    },
  };
}
