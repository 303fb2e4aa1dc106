// Proof of work on the server-rendered sign-in and sign-up forms (src/services/abuse/). The page
// carries a fresh challenge; a small script solves it in a Web Worker while the person types and
// fills in the nonce; the server checks it, once, before looking at the password. Without
// JavaScript the form cannot be sent (the notice says so): failing closed is the point.
import type { FastifyReply } from 'fastify';
import { solveProofOfWork } from '../../../api/proof-of-work-solver.ts';
import type { AppContext } from '../../context.ts';
import { checkProof, issueChallenge, proofProblemText, type PowPurpose } from '../../services/abuse/proof-of-work.ts';
import type { RouteGroup } from '../routes.ts';
import { h, raw, type Html } from './page.ts';

export const POW_SCRIPT = '/auth/proof-of-work.js';
const WORKER = '/auth/proof-of-work-worker.js';

/** The form's hidden fields and notice, and the attribute its <form> needs; empty when proof of work is off. */
export async function powFormParts(ctx: AppContext, purpose: Extract<PowPurpose, 'sign_in' | 'sign_up'>): Promise<{ attribute: Html; fields: Html; enabled: boolean }> {
  const c = await issueChallenge(ctx, purpose);
  if (!c) return { attribute: raw(''), fields: raw(''), enabled: false };
  return {
    attribute: h` data-pow="${c.difficulty}"`,
    fields: h`<input type="hidden" name="pow_challenge" value="${c.challenge}"><input type="hidden" name="pow_nonce" value="">
<p class="pow-status" role="status" aria-live="polite"></p><noscript><p class="error">This form needs JavaScript: your browser solves a small puzzle instead of a CAPTCHA (<a href="/about/proof-of-work">why</a>).</p></noscript>`,
    enabled: true,
  };
}

/** What is wrong with the form's proof, as a sentence for the person; null when it is good. */
export async function powFormProblem(ctx: AppContext, purpose: Extract<PowPurpose, 'sign_in' | 'sign_up'>, challenge: string, nonce: string): Promise<string | null> {
  const problem = await checkProof(ctx, purpose, challenge && nonce ? `${challenge}:${nonce}` : null);
  if (!problem) return null;
  return problem === 'missing' ? 'Your browser did not finish its check. Please enable JavaScript and try again.' : `${proofProblemText(problem)}. Please try again.`;
}

// The page script: start solving at once; if the person submits first, wait and send when done.
const PAGE_SCRIPT = `(function () {
  var form = document.querySelector('form[data-pow]');
  if (!form) return;
  var nonce = form.querySelector('input[name=pow_nonce]');
  var status = form.querySelector('.pow-status');
  var solved = false, waiting = false;
  var worker = new Worker(${JSON.stringify(WORKER)});
  worker.onmessage = function (e) {
    nonce.value = e.data.nonce;
    solved = true;
    worker.terminate();
    if (waiting) { status.textContent = ''; form.submit(); }
  };
  worker.postMessage({ challenge: form.querySelector('input[name=pow_challenge]').value, difficulty: Number(form.getAttribute('data-pow')) });
  form.addEventListener('submit', function (event) {
    if (solved) return;
    event.preventDefault();
    waiting = true;
    status.textContent = 'Checking your browser (about a second)…';
  });
})();
`;

const WORKER_SCRIPT = `var solve = (${solveProofOfWork.toString()});
self.onmessage = function (e) { self.postMessage({ nonce: solve(e.data.challenge, e.data.difficulty) }); };
`;

function sendScript(reply: FastifyReply, source: string): FastifyReply {
  return reply
    .header('content-type', 'text/javascript; charset=utf-8')
    .header('cache-control', 'public, max-age=3600')
    // A worker runs under its own response's policy: it needs nothing from the network.
    .header('content-security-policy', "default-src 'none'")
    .send(source);
}

export const proofOfWorkFormRoutes: RouteGroup = (app) => {
  app.get(POW_SCRIPT, async (_request, reply) => sendScript(reply, PAGE_SCRIPT));
  app.get(WORKER, async (_request, reply) => sendScript(reply, WORKER_SCRIPT));
};
