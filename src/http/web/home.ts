// GET /: what a visitor sees until the web app (its own issue) takes this path over: the
// instance's name and description, and how to join or connect an app.
import type { RouteGroup } from '../routes.ts';
import { loadInstanceSettings } from '../../services/instance/instance-settings.ts';
import { sendAppShell } from './app-shell.ts';
import { h, sendPage } from './page.ts';

export const homeRoutes: RouteGroup = (app, ctx) => {
  app.get('/', async (request, reply) => {
    // The built web app takes over the front page; this page remains for servers without it.
    if (/\btext\/html\b/.test(String(request.headers.accept ?? ''))) {
      if (await sendAppShell(ctx, request, reply)) return reply;
    }
    const settings = await loadInstanceSettings(ctx);
    const joinable = settings.registrationsMode !== 'closed';
    return sendPage(
      reply,
      200,
      settings.title,
      h`${settings.shortDescription ? h`<p>${settings.shortDescription}</p>` : ''}
<p>This is a Parley server. Use it with any app that speaks the Mastodon API (Tusky, Ivory, Elk, Phanpy and others): enter <code>${ctx.config.domain}</code> as your server.</p>
<p>${joinable ? h`<a href="/auth/sign_up">Create an account</a> · ` : ''}<a href="/auth/sign_in">Sign in</a> · <a href="/settings/applications">Applications and access tokens</a></p>
<p class="notice">The web app is not built: run <code>npm run build</code>.</p>`,
    );
  });
};
