// Validates an AsyncAPI document with the AsyncAPI Initiative's own parser (the one its CLI and Studio use) and
// prints every diagnostic; exits 1 when there is an error. Usage: node lint-asyncapi.mjs docs/asyncapi.yaml
import { Parser, fromFile } from '@asyncapi/parser';

const severities = ['error', 'warning', 'info', 'hint'];
const { diagnostics } = await fromFile(new Parser(), process.argv[2]).parse();
for (const d of diagnostics) {
  console.log(`${severities[d.severity] ?? d.severity} ${d.code}: ${d.message} at ${JSON.stringify(d.path)}`);
}
const errors = diagnostics.filter((d) => d.severity === 0).length;
console.log(`${errors} errors, ${diagnostics.length - errors} other diagnostics`);
process.exit(errors === 0 ? 0 : 1);
