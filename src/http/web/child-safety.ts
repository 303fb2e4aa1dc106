// /about/child-safety: the server's published standard against child sexual abuse and
// exploitation (CSAE) and its point of contact, as Google Play and the App Store require of apps
// with user content. Public, readable without JavaScript.
import type { RouteGroup } from '../routes.ts';
import { getSetting } from '../../db/repos/settings.ts';
import { loadInstanceSettings } from '../../services/instance/instance-settings.ts';
import { h, sendPage } from './page.ts';

export const childSafetyRoutes: RouteGroup = (app, ctx) => {
  app.get('/about/child-safety', async (_request, reply) => {
    const settings = await loadInstanceSettings(ctx);
    const contact = (await getSetting(ctx.db, ctx.config, 'child_safety_contact')) || settings.contactEmail;
    const reach = contact
      ? h`<p>Contact for child safety: <a href="mailto:${contact}">${contact}</a>. Reports are read by the server's administrators and answered with priority.</p>`
      : h`<p>Contact for child safety: this server's administrators have not published an address yet; use the report button on any post or profile, which reaches the moderators directly.</p>`;
    return sendPage(
      reply,
      200,
      `Child safety standard of ${settings.title}`,
      h`<p>${settings.title} does not tolerate child sexual abuse material (CSAM) or any content or behaviour that sexualises, grooms, exploits or endangers children. This applies to posts, replies, direct messages, profiles, pictures, video and links.</p>
<ul>
<li>Such content is removed and the account responsible is suspended as soon as a moderator confirms it; it is never restored on appeal.</li>
<li>Anyone can report a post, profile or message with the report button; reports about children's safety are handled before all others.</li>
<li>Where the law requires it, the server's operators report confirmed material to the competent authorities (for example NCMEC in the United States, or the national hotline of the INHOPE network) and preserve what the law asks them to preserve.</li>
<li>Moderation decisions are logged and published in aggregate in the <a href="/about/transparency">transparency report</a>.</li>
</ul>
${reach}`,
    );
  });
};
