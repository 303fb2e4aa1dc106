// /settings/applications: the development page. Own applications, each with client key,
// secret and an access token for oneself (shown once: tokens are stored hashed).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import type { RouteGroup } from '../routes.ts';
import { listAppsOwnedBy } from '../../db/repos/oauth.ts';
import { AppError } from '../../domain/errors.ts';
import { TOP_LEVEL_SCOPES, GRANULAR_SCOPES } from '../../domain/scopes.ts';
import type { WebSession } from '../../services/auth/web-sessions.ts';
import { createDeveloperApp, deleteDeveloperApp, regenerateDeveloperToken, type DeveloperApp } from '../../services/oauth/developer-apps.ts';
import { errorBox, h, hidden, messagePage, sendPage } from './page.ts';
import { csrfToken, csrfValid, field, formBody, webSessionOf } from './session.ts';
import { signedInBar } from './sign-in.ts';

const OFFERED_SCOPES = [...TOP_LEVEL_SCOPES, ...GRANULAR_SCOPES.filter((s) => !s.startsWith('admin:'))];

async function listPage(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, session: WebSession, status = 200, error?: string) {
  const csrf = csrfToken(ctx, request, reply, session);
  const apps = await listAppsOwnedBy(ctx.db, session.login.account.id);
  const rows = apps.map(
    (a) => h`<tr><td><strong>${a.name}</strong><br><small>${a.scopes}</small></td><td>
<form method="post" action="/settings/applications/${a.id}/regenerate">${hidden('csrf_token', csrf)}<button type="submit">Regenerate access token</button></form>
<form method="post" action="/settings/applications/${a.id}/delete">${hidden('csrf_token', csrf)}<button type="submit">Delete</button></form></td></tr>`,
  );
  const checks = OFFERED_SCOPES.map((s) => h`<label style="display:inline-block;margin-right:1rem"><input type="checkbox" name="scopes[]" value="${s}"${['read', 'write', 'follow'].includes(s) ? h` checked` : ''}> ${s}</label>`);
  return sendPage(
    reply,
    status,
    'Development',
    h`${signedInBar(session.login.account.username, csrf)}${errorBox(error ?? null)}<h2>Your applications</h2>${apps.length ? h`<table>${rows}</table>` : h`<p>None yet.</p>`}
<h2>New application</h2><form method="post" action="/settings/applications">${hidden('csrf_token', csrf)}
<label for="name">Application name</label><input type="text" id="name" name="name" maxlength="60" required>
<label for="redirect_uri">Redirect URI</label><input type="text" id="redirect_uri" name="redirect_uri" value="urn:ietf:wg:oauth:2.0:oob">
<fieldset><legend>Scopes</legend>${checks}</fieldset><button type="submit">Submit</button></form>`,
  );
}

function credentialsPage(reply: FastifyReply, created: DeveloperApp) {
  return sendPage(
    reply,
    200,
    `Application: ${created.app.name}`,
    h`<table><tr><td>Client key</td><td><code id="client_id">${created.app.client_id}</code></td></tr>
<tr><td>Client secret</td><td><code id="client_secret">${created.app.client_secret}</code></td></tr>
<tr><td>Your access token</td><td><code id="access_token">${created.accessToken}</code></td></tr>
<tr><td>Scopes</td><td>${created.app.scopes}</td></tr></table>
<p class="notice">Copy the access token now: it is not shown again (you can regenerate it).</p><p><a href="/settings/applications">Back to your applications</a></p>`,
  );
}

async function guarded(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): Promise<WebSession | null> {
  const session = await webSessionOf(ctx, request);
  if (!session) {
    await reply.redirect(`/auth/sign_in?return_to=${encodeURIComponent('/settings/applications')}`, 303);
    return null;
  }
  if (request.method === 'POST' && !csrfValid(request, session, formBody(request).csrf_token)) {
    await messagePage(reply, 403, 'Development', 'Your form expired. Please go back and try again.');
    return null;
  }
  return session;
}

export const applicationsRoutes: RouteGroup = (app, ctx) => {
  app.get('/settings/applications', async (request, reply) => {
    const session = await guarded(ctx, request, reply);
    return session ? listPage(ctx, request, reply, session) : reply;
  });

  app.post('/settings/applications', async (request, reply) => {
    const session = await guarded(ctx, request, reply);
    if (!session) return reply;
    const body = formBody(request);
    const raw = body.scopes;
    const scopes = (Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : raw && typeof raw === 'object' ? Object.values(raw) : []).filter((s): s is string => typeof s === 'string');
    try {
      const created = await createDeveloperApp(ctx, session.login.account.id, { name: field(body, 'name'), redirectUri: field(body, 'redirect_uri'), scopes: scopes.length ? scopes : ['read'] });
      return credentialsPage(reply, created);
    } catch (err) {
      if (err instanceof AppError && err.status === 422) return listPage(ctx, request, reply, session, 422, err.publicMessage.replace(/^Validation failed: /, ''));
      throw err;
    }
  });

  app.post<{ Params: { id: string } }>('/settings/applications/:id/regenerate', async (request, reply) => {
    const session = await guarded(ctx, request, reply);
    if (!session) return reply;
    try {
      return credentialsPage(reply, await regenerateDeveloperToken(ctx, session.login.account.id, request.params.id));
    } catch (err) {
      if (err instanceof AppError && err.status === 404) return messagePage(reply, 404, 'Development', 'No such application.');
      throw err;
    }
  });

  app.post<{ Params: { id: string } }>('/settings/applications/:id/delete', async (request, reply) => {
    const session = await guarded(ctx, request, reply);
    if (!session) return reply;
    try {
      await deleteDeveloperApp(ctx, session.login.account.id, request.params.id);
    } catch (err) {
      if (err instanceof AppError && err.status === 404) return messagePage(reply, 404, 'Development', 'No such application.');
      throw err;
    }
    return reply.redirect('/settings/applications', 303);
  });
};
