// Proof of work for the web app's sign-up (the server's rule: /about/proof-of-work). Solved in a
// Web Worker; where there is none (old browsers, the test environment) on the main thread.
import { solveProofOfWork } from '../../../api/proof-of-work-solver.ts';
import type { Api } from '../api/endpoints.ts';

export type PowPurpose = 'sign_up' | 'sign_in' | 'api';

export function solveInWorker(challenge: string, difficulty: number): Promise<string> {
  if (typeof Worker === 'undefined') return Promise.resolve().then(() => solveProofOfWork(challenge, difficulty));
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./proof-of-work.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ nonce: string }>) => {
      worker.terminate();
      resolve(e.data.nonce);
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'The proof of work could not be computed'));
    };
    worker.postMessage({ challenge, difficulty });
  });
}

/**
 * Starts solving a fresh challenge at once (while the person fills in the form); the promise
 * gives the proof to send, or null when the server asks for none.
 */
export async function prepareProof(api: Pick<Api, 'proofOfWork'>, purpose: PowPurpose): Promise<{ proof: string | null; expiresAt: number }> {
  const c = await api.proofOfWork(purpose);
  if (!c.required) return { proof: null, expiresAt: Infinity };
  const nonce = await solveInWorker(c.challenge, c.difficulty);
  return { proof: `${c.challenge}:${nonce}`, expiresAt: Date.parse(c.expires_at) };
}
