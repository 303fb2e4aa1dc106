// Solves a proof-of-work challenge off the page's main thread: a second of hashing must not
// freeze the form the person is typing into.
import { solveProofOfWork } from '../../../api/proof-of-work-solver.ts';

self.onmessage = (event: MessageEvent<{ challenge: string; difficulty: number }>) => {
  const { challenge, difficulty } = event.data;
  self.postMessage({ nonce: solveProofOfWork(challenge, difficulty) });
};
