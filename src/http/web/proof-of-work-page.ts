// /about/proof-of-work: how a client answers Parley's proof-of-work challenge. The API's 429
// answer to an anonymous client past its soft quota links here. Public, no JavaScript needed.
import type { RouteGroup } from '../routes.ts';
import { powDifficulty } from '../../services/abuse/proof-of-work.ts';
import { h, sendPage } from './page.ts';

export const proofOfWorkPageRoutes: RouteGroup = (app, ctx) => {
  app.get('/about/proof-of-work', async (_request, reply) => {
    const difficulty = await powDifficulty(ctx);
    const state = difficulty === 0 ? h`<p>This server does not ask for proof of work at the moment.</p>` : h`<p>This server currently asks for <strong>${difficulty}</strong> zero bits: about 2<sup>${difficulty}</sup> hashes, a second or so in a browser.</p>`;
    return sendPage(
      reply,
      200,
      'Proof of work',
      h`<p>Instead of a CAPTCHA run by another company, this server asks some requests to prove a little work was spent on them. It costs a person's browser about a second; it costs someone sending millions of requests millions of seconds.</p>
${state}
<h2>When it is asked</h2>
<ul>
<li>The sign-in and sign-up forms solve a challenge by themselves, in the background, while you type.</li>
<li>A client that is not signed in and has made many API requests from one address answers <code>429</code> with <code>{"error": "...", "proof_of_work": {...}}</code>. Signed-in clients are never asked.</li>
</ul>
<h2>How to answer</h2>
<ol>
<li>Take <code>proof_of_work.challenge</code> from that answer, or ask for one: <code>GET /api/v1/parley/proof_of_work?purpose=api</code>.</li>
<li>Find a nonce of 1 to 32 letters or digits (counting up in base 36 is fine) such that the SHA-256 of <code>&lt;challenge&gt;:&lt;nonce&gt;</code> (UTF-8) starts with <code>difficulty</code> zero bits.</li>
<li>Send <code>X-Parley-Proof: &lt;challenge&gt;:&lt;nonce&gt;</code> with your requests. A solved API challenge keeps working from the same address until it expires (<code>expires_at</code>, ten minutes); then solve a new one.</li>
<li>For the API sign-up (<code>POST /api/v1/accounts</code>) a solved <code>purpose=sign_up</code> challenge may be sent as the <code>proof</code> parameter; it can be used once. Mastodon clients that send none still work, within the sign-up rate limit and the server's registration mode.</li>
</ol>`,
    );
  });
};
