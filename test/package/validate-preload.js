// Preloaded (node -r) into node-red-dev by test/package/validate.js.
// node-red-dev downloads the Flow Library catalogue for two checks (P08 similar package names, N01 node
// type names unique across the catalogue). That host is not reachable from CI/offline machines, and the
// CLI then aborts before running any other check. We answer only that one URL with an empty catalogue,
// so every other check (npm registry lookups, the acorn parse of each node's .html, examples,
// dependencies) still runs for real.
'use strict';
const path = require('path');

const CATALOGUE_URL = 'https://catalogue.nodered.org/catalogue.json';
const cliDir = path.dirname(require.resolve('node-red-dev/package.json'));
// The axios copy node-red-dev's own libs resolve (it may be nested under node-red-dev/node_modules).
const axios = require(require.resolve('axios', { paths: [path.join(cliDir, 'src', 'libs')] }));
const realGet = axios.get.bind(axios);

axios.get = function offlineCatalogueGet(url, ...rest) {
  if (url === CATALOGUE_URL) {
    process.env.CTI_VALIDATE_CATALOGUE_STUBBED = '1';
    return Promise.resolve({ status: 200, data: { modules: [] } });
  }
  return realGet(url, ...rest);
};
