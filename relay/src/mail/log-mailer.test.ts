// Without SMTP_URL the relay prints each email to its log, so the demo shows what it would send.
import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { createLogMailer } from './log-mailer.js';

describe('log mailer', () => {
  it('should print sender, recipients, subject, Message-ID, attachments and the text part, and accept every recipient', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const log = pino({ level: 'info' }, sink) as unknown as FastifyBaseLogger;
    const mailer = createLogMailer(log, 'PromoterOS <no-reply@promoteros.local>');
    const receipt = await mailer.send({
      to: ['robin@agency.example', 'pat@promoter.example'],
      subject: 'Confirmed: Night Shift at Harbour Stage',
      text: 'Hello Robin,\n\nThe show is confirmed.',
      html: '<p>Hello Robin,</p>',
      messageId: '<job-7.event-confirmed@promoteros.local>',
      attachments: [{ filename: 'confirmation.pdf', content: new Uint8Array(1234), contentType: 'application/pdf' }],
    });
    expect(receipt).toEqual({
      accepted: ['robin@agency.example', 'pat@promoter.example'],
      rejected: [],
      response: '250 logged',
    });
    const { msg, level } = JSON.parse(lines.join('')) as { msg: string; level: number };
    expect(level).toBe(30); // info: routine in development (npm start keeps it in its log file)
    expect(msg).toBe(
      [
        'EMAIL (SMTP_URL not set, not sent)',
        'From: PromoterOS <no-reply@promoteros.local>',
        'To: robin@agency.example, pat@promoter.example',
        'Subject: Confirmed: Night Shift at Harbour Stage',
        'Message-ID: <job-7.event-confirmed@promoteros.local>',
        'Attachments: confirmation.pdf (1234 bytes)',
        '',
        'Hello Robin,',
        '',
        'The show is confirmed.',
      ].join('\n'),
    );
  });

  it('should warn, and leave the text out, in production', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const log = pino({ level: 'info' }, sink) as unknown as FastifyBaseLogger;
    const mailer = createLogMailer(log, 'PromoterOS <no-reply@promoteros.local>', false);
    await mailer.send({
      to: 'robin@agency.example',
      subject: 'You are invited',
      text: 'Accept: https://relay.example/invite?token=secret-invitation-token',
      html: '<p>Accept</p>',
    });
    const { msg, level } = JSON.parse(lines.join('')) as { msg: string; level: number };
    expect(level).toBe(40); // warn: mail that should have gone out did not
    expect(msg).toContain('To: robin@agency.example');
    expect(msg).toContain('(text not logged in production)');
    expect(msg).not.toContain('secret-invitation-token');
  });
});
