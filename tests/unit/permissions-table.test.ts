import fs from 'node:fs';
import { expect, test } from 'vitest';
import { permissionsTable } from '../../scripts/permissions-table.ts';

test('the README shows the very role table the hub enforces', () => {
  const readme = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  expect(readme).toContain(permissionsTable());
});
