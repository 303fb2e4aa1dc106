// Outgoing e-mail. Without SMTP configured, mail is not sent and callers are told so.
import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  readonly enabled: boolean;
  send(mail: Mail): Promise<void>;
}

export function createMailer(config: Config): Mailer {
  const smtp = config.smtp;
  if (!smtp) {
    return {
      enabled: false,
      async send() {
        throw new Error('SMTP is not configured');
      },
    };
  }
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
  });
  return {
    enabled: true,
    async send(mail) {
      await transport.sendMail({ from: smtp.from, ...mail });
    },
  };
}

/** Collects mail in memory: tests read what would have been sent. */
export function createMemoryMailer(): Mailer & { sent: Mail[] } {
  const sent: Mail[] = [];
  return {
    enabled: true,
    sent,
    async send(mail) {
      sent.push(mail);
    },
  };
}
