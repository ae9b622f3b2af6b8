/**
 * npm run permissions:table — prints the role table of the README from shared/permissions.ts,
 * the table the hub's guard reads. A unit test checks that the README holds exactly this.
 */
import { fileURLToPath } from 'node:url';
import { PERMISSIONS, PRINCIPALS } from '../shared/permissions.ts';

export function permissionsTable(): string {
  const header = `| action | ${PRINCIPALS.join(' | ')} | scope | what |`;
  const rule = `| --- | ${PRINCIPALS.map(() => ':-:').join(' | ')} | --- | --- |`;
  const rows = Object.entries(PERMISSIONS).map(([action, permission]) => {
    const cells = PRINCIPALS.map((principal) => ((permission.allowed as readonly string[]).includes(principal) ? '✓' : '·'));
    return `| \`${action}\` | ${cells.join(' | ')} | ${permission.scope} | ${permission.what} |`;
  });
  return [header, rule, ...rows].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(permissionsTable());
