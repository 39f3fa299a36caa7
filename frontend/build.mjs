// Builds OCG Share's static assets from npm packages into ocgshare/static/ (run by `make assets`).
import * as sass from "sass";
import { cpSync, mkdirSync, writeFileSync } from "node:fs";

const out = "ocgshare/static";
const sheets = ["govuk", "moj", "app"];

mkdirSync(`${out}/css`, { recursive: true });
for (const name of sheets) {
  const result = sass.compile(`frontend/${name}.scss`, {
    style: "compressed",
    loadPaths: ["."],
    importers: [new sass.NodePackageImporter()],
    quietDeps: true,
  });
  writeFileSync(`${out}/css/${name}.css`, result.css);
}

const copies = {
  "node_modules/govuk-frontend/dist/govuk/assets": `${out}/govuk/assets`,
  "node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js": `${out}/govuk/govuk-frontend.min.js`,
  "node_modules/@ministryofjustice/frontend/moj/assets": `${out}/moj/assets`,
  "node_modules/@ministryofjustice/frontend/moj/moj-frontend.min.js": `${out}/moj/moj-frontend.min.js`,
  "node_modules/htmx.org/dist/htmx.min.js": `${out}/htmx/htmx.min.js`,
  "frontend/init.mjs": `${out}/js/init.mjs`,
  "frontend/enabled.js": `${out}/js/enabled.js`,
};
for (const [from, to] of Object.entries(copies)) {
  cpSync(from, to, { recursive: true });
}
console.log(`assets built into ${out}/`);
