import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig: notifications', () => {
  const secret = 'k'.repeat(32);

  it('has no SMTP and no webhooks by default, and 12 delivery attempts', () => {
    const config = loadConfig({});
    expect(config.smtp).toBeUndefined();
    expect(config.webhooks).toBeUndefined();
    expect(config.notifyMaxAttempts).toBe(12);
  });

  it('reads SMTP, webhooks and the attempts', () => {
    const config = loadConfig({
      SMTP_URL: 'smtps://user:p%40ss@smtp.region.example:465',
      MAIL_FROM: 'Samverkan <noreply@region.example>',
      WEBHOOK_URLS: 'https://a.example/hook, https://b.example/hook,https://a.example/hook',
      WEBHOOK_SECRET: secret,
      NOTIFY_MAX_ATTEMPTS: '5',
    });
    expect(config.smtp).toEqual({ url: 'smtps://user:p%40ss@smtp.region.example:465', from: 'Samverkan <noreply@region.example>' });
    expect(config.webhooks).toEqual({ urls: ['https://a.example/hook', 'https://b.example/hook'], secret });
    expect(config.notifyMaxAttempts).toBe(5);
  });

  it.each([
    [{ SMTP_URL: 'http://smtp.example', MAIL_FROM: 'a@b.se' }, /^SMTP_URL must be smtp:\/\//],
    [{ SMTP_URL: 'smtp://user:hemligt@', MAIL_FROM: 'a@b.se' }, /^SMTP_URL must be/],
    [{ SMTP_URL: 'smtp://smtp.example' }, /^MAIL_FROM must be set with SMTP_URL/],
    [{ SMTP_URL: 'smtp://smtp.example', MAIL_FROM: 'Samverkan <noreply>' }, /^MAIL_FROM must be an e-mail address/],
    [{ MAIL_FROM: 'a@b.se' }, /^MAIL_FROM is set but SMTP_URL is not/],
    [{ WEBHOOK_URLS: 'https://a.example/hook' }, /^WEBHOOK_SECRET must be set with WEBHOOK_URLS, at least 32 characters/],
    [{ WEBHOOK_URLS: 'https://a.example/hook', WEBHOOK_SECRET: 'short' }, /^WEBHOOK_SECRET must be set/],
    [
      { WEBHOOK_URLS: 'ftp://a.example/hook', WEBHOOK_SECRET: secret },
      /^WEBHOOK_URLS must be http\(s\) URLs separated by commas; not http\(s\): "ftp:\/\/a.example\/hook"/,
    ],
    [{ WEBHOOK_URLS: 'hook', WEBHOOK_SECRET: secret }, /^WEBHOOK_URLS must be http\(s\) URLs separated by commas; not a URL: "hook"/],
    [{ WEBHOOK_URLS: 'https://u:p@a.example/hook', WEBHOOK_SECRET: secret }, /^WEBHOOK_URLS must not carry credentials/],
    [{ WEBHOOK_URLS: 'http://a.example/hook', WEBHOOK_SECRET: secret, NODE_ENV: 'production' }, /^WEBHOOK_URLS must use https in production/],
    [{ NOTIFY_MAX_ATTEMPTS: '0' }, /^NOTIFY_MAX_ATTEMPTS must be a whole number from 1 to 100, but is "0"/],
    [{ NODE_ENV: 'production' }, /^HISTORY_SIGNING_KEY must be set in production \(NODE_ENV=production\): "<key id>:<secret>"/],
    [{ HISTORY_SIGNING_KEY: `k1:short` }, /^HISTORY_SIGNING_KEY must be "<key id>:<secret>".*; the value given is not \(it is not repeated here\)$/],
    [{ HISTORY_SIGNING_KEY: secret }, /^HISTORY_SIGNING_KEY must be "<key id>:<secret>"/],
    [
      { HISTORY_SIGNING_KEY: `k1:${secret}`, HISTORY_SIGNING_KEYS_OLD: `k1:${secret}` },
      /^HISTORY_SIGNING_KEY and HISTORY_SIGNING_KEYS_OLD name the key id "k1" twice/,
    ],
    [{ HISTORY_SIGNING_KEYS_OLD: `k0:${secret}` }, /^HISTORY_SIGNING_KEYS_OLD is set but HISTORY_SIGNING_KEY is not/],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads the history signing key and the older ones kept for verifying', () => {
    expect(loadConfig({ HISTORY_SIGNING_KEY: ` 2026-2:${secret} `, HISTORY_SIGNING_KEYS_OLD: `2026-1:${secret}x, 2025.a:${secret}y` }).historySigning).toEqual({
      current: { id: '2026-2', secret },
      old: [
        { id: '2026-1', secret: `${secret}x` },
        { id: '2025.a', secret: `${secret}y` },
      ],
    });
    expect(loadConfig({}).historySigning).toBeUndefined();
    expect(() => loadConfig({ HISTORY_SIGNING_KEY: 'k1:short-and-secret' })).not.toThrow(/short-and-secret/);
  });

  it('never repeats an SMTP URL (it may hold a password) in its message', () => {
    expect(() => loadConfig({ SMTP_URL: 'smtp://user:hemligt@', MAIL_FROM: 'a@b.se' })).not.toThrow(/hemligt/);
  });
});

describe('loadConfig: the escalation sweep', () => {
  it('sweeps every 30 seconds by default, and as often as ESCALATION_SWEEP_SECONDS says', () => {
    expect(loadConfig({}).escalationSweepSeconds).toBe(30);
    expect(loadConfig({ ESCALATION_SWEEP_SECONDS: '5' }).escalationSweepSeconds).toBe(5);
  });

  it.each(['0', '1.5', '3601', 'often'])('refuses ESCALATION_SWEEP_SECONDS=%s naming the variable', (value) => {
    expect(() => loadConfig({ ESCALATION_SWEEP_SECONDS: value })).toThrow(
      new ConfigError(`ESCALATION_SWEEP_SECONDS must be a whole number from 1 to 3600, but is "${value}"`),
    );
  });
});
