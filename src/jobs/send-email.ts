// Sends one e-mail. A retry after a failure may send it twice, which beats never sending it.
import type { AppContext } from '../context.ts';
import { JOB } from './types.ts';

export function registerSendEmail(ctx: AppContext): void {
  ctx.queue.register(JOB.sendEmail, async (payload) => {
    const { to, subject, text } = payload;
    if (typeof to !== 'string' || typeof subject !== 'string' || typeof text !== 'string') {
      ctx.log.error({ payload: Object.keys(payload) }, 'send_email job without to/subject/text: dropped');
      return;
    }
    if (!ctx.mailer.enabled) {
      ctx.log.warn({ to }, 'SMTP is not configured: e-mail not sent');
      return;
    }
    await ctx.mailer.send({ to, subject, text });
  });
}
