import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeAccount, makeContact } from './fixtures';
import { birthdayGreeting, mailtoUrl } from './greeting';

const de = {
  subject: 'Herzlichen Glückwunsch{#age} zum {age}. Geburtstag{/age}, {salutation} {title} {lastName}!',
  body: '{#mr}Sehr geehrter{/mr}{#ms}Sehr geehrte{/ms}{#other}Guten Tag{/other} {salutation} {title} {firstName} {lastName},\n\nalles Gute{#age} zum {age}. Geburtstag{/age} wünscht Ihnen das Team von {company}.\n\n{sender}',
};

describe('birthdayGreeting', () => {
  it('fills every placeholder', () => {
    const contact = makeContact({ salutation: 'mr', title: 'Dr.', firstName: 'Jürgen', lastName: 'Groß' });
    const g = birthdayGreeting(de, contact, makeAccount(), 'de', { age: 60, sender: 'Eva Schäfer' });
    expect(g.subject).toBe('Herzlichen Glückwunsch zum 60. Geburtstag, Herr Dr. Groß!');
    expect(g.body).toBe('Sehr geehrter Herr Dr. Jürgen Groß,\n\nalles Gute zum 60. Geburtstag wünscht Ihnen das Team von Müller Haustechnik GmbH.\n\nEva Schäfer');
  });

  it('drops sections whose value is unknown and collapses the gaps', () => {
    const g = birthdayGreeting(de, makeContact({ salutation: 'none', title: '' }), makeAccount({ kind: 'private' }), 'de');
    expect(g.subject).toBe('Herzlichen Glückwunsch, Weber!');
    expect(g.body.split('\n')[0]).toBe('Guten Tag Anna Weber,');
    const ms = birthdayGreeting(de, makeContact({ salutation: 'ms' }), makeAccount(), 'de');
    expect(ms.body.split('\n')[0]).toBe('Sehr geehrte Frau Anna Weber,');
    expect(g.body).not.toMatch(/\{|\}/);
  });

  it('uses English salutations and leaves unknown placeholders visible', () => {
    const g = birthdayGreeting({ subject: 'Happy birthday, {salutation} {lastName} {nickname}', body: '{firstName}' }, makeContact(), makeAccount(), 'en');
    expect(g).toEqual({ subject: 'Happy birthday, Ms Weber {nickname}', body: 'Anna' });
  });
});

describe('mailtoUrl', () => {
  it('percent-encodes subject and body as UTF-8 with CRLF line breaks', () => {
    const url = mailtoUrl('anna.weber@example.de', 'Glückwunsch & alles Gute?', 'Liebe Anna,\nviele Grüße + 100%');
    expect(url).toBe('mailto:anna.weber@example.de?subject=Gl%C3%BCckwunsch%20%26%20alles%20Gute%3F&body=Liebe%20Anna%2C%0D%0Aviele%20Gr%C3%BC%C3%9Fe%20%2B%20100%25');
    expect(mailtoUrl(['a@x.de', 'b@y.de'], '', '')).toBe('mailto:a@x.de,b@y.de');
  });

  it('round-trips any text through percent-decoding', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (subject, body) => {
      const url = mailtoUrl('a@x.de', subject, body);
      const query = url.split('?')[1] ?? '';
      const params = Object.fromEntries(query.split('&').filter(Boolean).map((p) => p.split('=') as [string, string]));
      expect(decodeURIComponent(params.subject ?? '')).toBe(subject);
      expect(decodeURIComponent(params.body ?? '')).toBe(body.replace(/\r\n|\r|\n/g, '\r\n'));
      expect(url).not.toMatch(/[ \n+]/);
    }));
  });

  it('survives lone surrogates', () => {
    expect(mailtoUrl('a@x.de', 'a\uD800b', '')).toBe('mailto:a@x.de?subject=a%EF%BF%BDb');
  });
});
