// The client's side of Parley's proof of work (the rule: src/domain/proof-of-work.ts): count up
// nonces in base 36 until SHA-256("<challenge>:<nonce>") starts with `difficulty` zero bits.
// Shared by the web app (in a Web Worker) and the server's sign-in and sign-up pages, which
// serve this very function's source to the browser: so it must stay one self-contained function
// with no imports and nothing from outside its body. SHA-256 is written out because WebCrypto's
// digest is asynchronous, and awaiting a million promises costs more than the hashing itself.

/** Returns the nonce. `onProgress` is called every 65,536 attempts with the count so far. */
export function solveProofOfWork(challenge: string, difficulty: number, onProgress?: (tried: number) => void): string {
  const K = new Uint32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
    0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
    0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
  ]);
  const W = new Uint32Array(64);
  const H = new Uint32Array(8);
  const mid = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const prefix = `${challenge}:`;
  // Challenges are ASCII (base64url and dots), so a character is a byte.
  const bytes = new Uint8Array(prefix.length + 40 + 72);

  /** Runs the compression function on the 64 bytes at `offset` into `state`. */
  function compress(state: Uint32Array, offset: number): void {
    for (let i = 0; i < 16; i++) {
      const o = offset + i * 4;
      W[i] = (bytes[o]! << 24) | (bytes[o + 1]! << 16) | (bytes[o + 2]! << 8) | bytes[o + 3]!;
    }
    for (let i = 16; i < 64; i++) {
      const w15 = W[i - 15]!;
      const w2 = W[i - 2]!;
      const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
      const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
      W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
    }
    let a = state[0]!, b = state[1]!, c = state[2]!, d = state[3]!, e = state[4]!, f = state[5]!, g = state[6]!, h = state[7]!;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i]! + W[i]!) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    state[0] = (state[0]! + a) | 0;
    state[1] = (state[1]! + b) | 0;
    state[2] = (state[2]! + c) | 0;
    state[3] = (state[3]! + d) | 0;
    state[4] = (state[4]! + e) | 0;
    state[5] = (state[5]! + f) | 0;
    state[6] = (state[6]! + g) | 0;
    state[7] = (state[7]! + h) | 0;
  }

  /** Leading zero bits of SHA-256 of the first `length` bytes, the blocks before `fromBlock` being hashed into `mid` already. */
  function zeroBitsOf(length: number, fromBlock: number): number {
    // Padding: 0x80, zeros, then the bit length; the message is short (a few blocks at most).
    bytes[length] = 0x80;
    const blocks = Math.ceil((length + 9) / 64);
    const end = blocks * 64;
    for (let i = length + 1; i < end - 4; i++) bytes[i] = 0;
    const bits = length * 8;
    bytes[end - 4] = bits >>> 24;
    bytes[end - 3] = (bits >>> 16) & 0xff;
    bytes[end - 2] = (bits >>> 8) & 0xff;
    bytes[end - 1] = bits & 0xff;
    H.set(mid);
    for (let blk = fromBlock; blk < blocks; blk++) compress(H, blk * 64);
    // Difficulties above 64 bits are not asked for (the server allows at most 28).
    return H[0] !== 0 ? Math.clz32(H[0]!) : 32 + Math.clz32(H[1]!);
  }

  for (let i = 0; i < prefix.length; i++) bytes[i] = prefix.charCodeAt(i);
  // The blocks wholly inside the challenge are the same for every nonce: hashed once (the
  // "midstate"), which halves the work for the usual 70-byte challenge.
  const fixedBlocks = Math.floor(prefix.length / 64);
  for (let blk = 0; blk < fixedBlocks; blk++) compress(mid, blk * 64);
  for (let n = 0; ; n++) {
    const nonce = n.toString(36);
    for (let i = 0; i < nonce.length; i++) bytes[prefix.length + i] = nonce.charCodeAt(i);
    if (zeroBitsOf(prefix.length + nonce.length, fixedBlocks) >= difficulty) return nonce;
    if (onProgress && (n & 0xffff) === 0xffff) onProgress(n + 1);
  }
}
