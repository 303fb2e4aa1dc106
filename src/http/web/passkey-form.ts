// The "Sign in with a passkey" / "Use your passkey" buttons of the sign-in pages. The server puts
// the request options (with a fresh challenge) into the form; a small script asks the browser's
// WebAuthn API for an assertion, puts it in the form as JSON and sends it. Without JavaScript or
// WebAuthn the button says so and the password (and code) forms still work.
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import type { FastifyReply } from 'fastify';
import type { RouteGroup } from '../routes.ts';
import { h, type Html } from './page.ts';

export const PASSKEY_SCRIPT = '/auth/passkey.js';

/** A form posting an assertion for `options` to `action`, with the given hidden fields. */
export function passkeyForm(input: { action: string; options: PublicKeyCredentialRequestOptionsJSON; fields: Html; label: string }): Html {
  return h`<form method="post" action="${input.action}" data-passkey="${JSON.stringify(input.options)}">${input.fields}<input type="hidden" name="credential" value="">
<button type="submit">${input.label}</button><p class="passkey-status" role="status" aria-live="polite"></p><noscript><p>Passkeys need JavaScript.</p></noscript></form>`;
}

// Plain WebAuthn: base64url <-> ArrayBuffer is all the glue the JSON options need.
const PAGE_SCRIPT = `(function () {
  var forms = document.querySelectorAll('form[data-passkey]');
  var supported = !!(window.PublicKeyCredential && navigator.credentials && navigator.credentials.get);
  function toBuffer(s) {
    s = s.replace(/-/g, '+').replace(/_/g, '/');
    while (s.length % 4) s += '=';
    var bin = atob(s), out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out.buffer;
  }
  function toBase64url(buffer) {
    var bytes = new Uint8Array(buffer), bin = '';
    for (var i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
    return btoa(bin).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
  }
  Array.prototype.forEach.call(forms, function (form) {
    var status = form.querySelector('.passkey-status');
    var button = form.querySelector('button');
    if (!supported) {
      button.disabled = true;
      status.textContent = 'This browser cannot use passkeys.';
      return;
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var o = JSON.parse(form.getAttribute('data-passkey'));
      var publicKey = {
        challenge: toBuffer(o.challenge),
        timeout: o.timeout,
        rpId: o.rpId,
        userVerification: o.userVerification,
        allowCredentials: (o.allowCredentials || []).map(function (c) {
          return { type: 'public-key', id: toBuffer(c.id), transports: c.transports };
        })
      };
      button.disabled = true;
      status.textContent = 'Waiting for your passkey…';
      navigator.credentials.get({ publicKey: publicKey }).then(function (cred) {
        var r = cred.response;
        form.querySelector('input[name=credential]').value = JSON.stringify({
          id: cred.id,
          rawId: toBase64url(cred.rawId),
          type: cred.type,
          authenticatorAttachment: cred.authenticatorAttachment || undefined,
          clientExtensionResults: cred.getClientExtensionResults(),
          response: {
            clientDataJSON: toBase64url(r.clientDataJSON),
            authenticatorData: toBase64url(r.authenticatorData),
            signature: toBase64url(r.signature),
            userHandle: r.userHandle ? toBase64url(r.userHandle) : undefined
          }
        });
        status.textContent = 'Signing in…';
        form.submit();
      }, function () {
        button.disabled = false;
        status.textContent = 'No passkey was used. You can try again.';
      });
    });
  });
})();
`;

function sendScript(reply: FastifyReply): FastifyReply {
  return reply.header('content-type', 'text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(PAGE_SCRIPT);
}

export const passkeyScriptRoutes: RouteGroup = (app) => {
  app.get(PASSKEY_SCRIPT, async (_request, reply) => sendScript(reply));
};
