// Runs graphql-http's GraphQL over HTTP conformance audits against a
// GraphQL endpoint and prints each result. Exits 1 when a MUST fails.
//
//   node audit.mjs [url]        (default http://127.0.0.1:8080/graphql)
import { serverAudits } from 'graphql-http';

const url = process.argv[2] ?? 'http://127.0.0.1:8080/graphql';
const tally = {}; // "MUST ok" → count
let mustFailed = 0;

for (const audit of serverAudits({ url })) {
  const result = await audit.fn().catch((err) => ({ status: 'error', reason: `${err}` }));
  const level = audit.name.split(' ')[0]; // MUST, SHOULD or MAY
  const ok = result.status === 'ok';
  let line = `${ok ? 'ok  ' : 'FAIL'} ${audit.id} ${audit.name}`;
  if (!ok) {
    line += `\n       ${result.reason}`;
    if (level === 'MUST') mustFailed++;
  }
  await result.response?.body?.cancel().catch(() => {}); // free the connection
  console.log(line);
  const key = `${level} ${ok ? 'ok' : 'failed'}`;
  tally[key] = (tally[key] ?? 0) + 1;
}

console.log('\n' + ['MUST', 'SHOULD', 'MAY']
  .map((l) => `${l}: ${tally[`${l} ok`] ?? 0} ok, ${tally[`${l} failed`] ?? 0} failed`)
  .join('; '));
process.exit(mustFailed > 0 ? 1 : 0);
