// The transparency report, public: /about/transparency as a page readable without JavaScript,
// and /api/v1/instance/transparency as JSON.
import type { RouteGroup } from '../routes.ts';
import { loadInstanceSettings } from '../../services/instance/instance-settings.ts';
import { transparencyReport, type TransparencyMonth } from '../../services/moderation/transparency.ts';
import { h, sendPage, type Html } from './page.ts';

const hours = (n: number | null) => (n === null ? '–' : `${n} h`);
const list = (counts: Record<string, number>) => {
  const entries = Object.entries(counts).sort(([a], [b]) => a.localeCompare(b));
  return entries.length ? entries.map(([k, v]) => `${k.replace(/^account\./, '')}: ${v}`).join(', ') : 'none';
};

function row(m: TransparencyMonth): Html {
  return h`<tr><th scope="row">${m.month}</th><td>${m.reports.total}</td><td>${list(m.reports.by_category)}</td><td>${list(m.actions)}</td><td>${hours(m.first_response_hours.median)}</td><td>${hours(m.first_response_hours.p95)}</td><td>${m.first_response_hours.unanswered}</td><td>${m.appeals.received} (${m.appeals.approved} approved, ${m.appeals.rejected} rejected, ${m.appeals.pending} pending)</td></tr>`;
}

export const transparencyRoutes: RouteGroup = (app, ctx) => {
  app.get('/api/v1/instance/transparency', { config: { auth: { mode: 'none' } } }, async () => ({ months: await transparencyReport(ctx) }));

  app.get('/about/transparency', async (_request, reply) => {
    const [months, settings] = await Promise.all([transparencyReport(ctx), loadInstanceSettings(ctx)]);
    const table = months.length
      ? h`<table><caption>The last twelve months, newest first</caption><thead><tr><th scope="col">Month</th><th scope="col">Reports</th><th scope="col">By category</th><th scope="col">Actions taken</th><th scope="col">Median first response</th><th scope="col">95th percentile</th><th scope="col">Unanswered</th><th scope="col">Appeals</th></tr></thead><tbody>${months.map(row)}</tbody></table>`
      : h`<p>No reports or moderation actions yet.</p>`;
    return sendPage(reply, 200, `Transparency report of ${settings.title}`, h`<p>How this server's moderators handled reports, month by month, counted from the moderation audit log. Only numbers are published.</p>${table}<p><a href="/api/v1/instance/transparency">The same figures as JSON</a></p>`);
  });
};
