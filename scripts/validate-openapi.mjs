// `npm run validate:openapi`: checks openapi/dealreg.openapi.json with a standard OpenAPI validator
// (@seriousme/openapi-schema-validator reads its meta-schemas from disk, so it runs in Node, not the browser).
import { Validator } from '@seriousme/openapi-schema-validator';

const file = new URL('../openapi/dealreg.openapi.json', import.meta.url);
const validator = new Validator();
const result = await validator.validate(file.pathname);
if (!result.valid) {
  console.error(`openapi/dealreg.openapi.json is not a valid OpenAPI ${validator.version ?? ''} document:`);
  console.error(JSON.stringify(result.errors, null, 2));
  process.exit(1);
}
console.log(`openapi/dealreg.openapi.json: valid OpenAPI ${validator.version}`);
