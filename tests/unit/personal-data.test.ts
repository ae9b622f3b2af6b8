import { expect, test } from 'vitest';
import { maskMobile, maskName } from '../../shared/masking.ts';
import { REDACTED_PATHS, withRedaction } from '../../server/log-redaction.ts';
import Fastify from 'fastify';

test('mobile numbers and names are masked for screens and other visitors', () => {
  expect(maskMobile('13812341234')).toBe('138****1234');
  expect(maskMobile('+86 138 1234 1234')).toBe('138****1234');
  expect(maskMobile('12')).toBe('**');
  expect(maskName('张三')).toBe('张*');
  expect(maskName('欧阳娜娜')).toBe('欧***');
  expect(maskName('李')).toBe('李*');
  expect(maskName('  ')).toBe('');
});

test('the hub logger replaces secrets and personal data wherever a line carries them', () => {
  const lines: string[] = [];
  const app = Fastify({ logger: withRedaction({ level: 'info', stream: { write: (line: string) => void lines.push(line) } }) });
  app.log.info({ password: 'hunter2-hunter2', account: { password: 'x', mobile: '13812341234' }, mobile: '13900001111', deviceToken: 'abc' }, 'test');
  const text = lines.join('');
  for (const secret of ['hunter2', '13812341234', '13900001111', '"abc"']) expect(text).not.toContain(secret);
  expect(text).toContain('[redacted]');
  expect(REDACTED_PATHS).toContain('req.headers.cookie');
});
