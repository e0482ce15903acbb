// Electronegativity gate (DESIGN §9): a static scan of the Electron glue that fails on any HIGH or MEDIUM
// finding not explained in electronegativity-allowlist.json. Plain Node, no dependencies: the scanner is
// run through npx so that its old typescript/eslint never enter the project's dependency tree.
//
// It scans the TypeScript sources of electron/main and electron/preload (it parses TS), not the bundle in
// out/: the bundle mixes core into main, so findings would point at bundle lines and could not be
// allowlisted per file. Test files are left out: they hold deliberately insecure samples.
//
// The scanner exits 0 even with findings, and with -o it drops parse errors silently and writes the CSV
// asynchronously, so this gate also: runs it once more without -o to catch files it could not parse, and
// fails on an allowlist entry that matches nothing (which also catches a CSV that lost its rows).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TOOL = '@doyensec/electronegativity@1.10.3';
const SCANNED = ['electron/main', 'electron/preload'];
const GATED = new Set(['HIGH', 'MEDIUM']);
// AvailableSecurityFixesGlobalCheck looks up Electron releases on the network.
const EXCLUDED_CHECKS = 'AvailableSecurityFixesGlobalCheck';
const ALLOWLIST = join(ROOT, 'tests/security/electronegativity-allowlist.json');

function fail(message) {
  console.error(`electronegativity gate: ${message}`);
  process.exit(1);
}

function electronVersion() {
  const path = join(ROOT, 'node_modules/electron/package.json');
  if (!existsSync(path)) fail('node_modules/electron is missing; run npm ci first.');
  return JSON.parse(readFileSync(path, 'utf8')).version;
}

function runTool(args) {
  const result = spawnSync('npx', ['--yes', TOOL, ...args], {
    encoding: 'utf8',
    shell: process.platform === 'win32',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) fail(`could not run npx: ${result.error.message}`);
  if (result.status !== 0) fail(`${TOOL} exited with ${result.status}:\n${result.stderr}`);
  return `${result.stdout}\n${result.stderr}`;
}

/** RFC 4180 CSV: quoted fields, "" inside quotes, newlines inside quotes. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      if (row.some((value) => value.trim() !== '')) rows.push(row);
      row = [];
      field = '';
    } else {
      field += char;
    }
  }
  row.push(field);
  if (row.some((value) => value.trim() !== '')) rows.push(row);
  return rows;
}

function readFindings(csvPath) {
  if (!existsSync(csvPath)) fail('the scanner wrote no report.');
  const [header, ...rows] = parseCsv(readFileSync(csvPath, 'utf8'));
  const columns = (header ?? []).map((name) => name.trim());
  for (const needed of ['issue', 'severity', 'confidence', 'filename', 'location']) {
    if (!columns.includes(needed)) fail(`unexpected report header: ${columns.join(', ')}`);
  }
  return rows.map((values) => {
    const finding = Object.fromEntries(columns.map((name, i) => [name, (values[i] ?? '').trim()]));
    return { ...finding, filename: finding.filename.split('\\').join('/') };
  });
}

function readAllowlist() {
  const entries = JSON.parse(readFileSync(ALLOWLIST, 'utf8'));
  if (!Array.isArray(entries)) fail('the allowlist must be a JSON array.');
  for (const entry of entries) {
    const complete = [entry.check, entry.file, entry.why].every((value) => typeof value === 'string');
    if (!complete || entry.why.trim().length < 20) {
      fail(`allowlist entry needs "check", "file" and a "why" sentence: ${JSON.stringify(entry)}`);
    }
  }
  return entries;
}

function printTable(rows) {
  const headers = ['severity', 'check', 'where', 'verdict'];
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ');
  console.log(line(headers));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));
}

function main() {
  const version = electronVersion();
  const work = mkdtempSync(join(tmpdir(), 'mamori-electronegativity-'));
  try {
    const source = join(work, 'src');
    for (const dir of SCANNED) {
      cpSync(join(ROOT, dir), join(source, dir), {
        recursive: true,
        filter: (path) => !/\.test\.[cm]?[jt]sx?$/.test(basename(path)),
      });
    }
    const common = ['-i', source, '-e', version, '-r'];

    const cliOutput = runTool([...common, '-l', 'SandboxJSCheck']);
    const unparsed = cliOutput.split('\n').filter((text) => text.includes('Error parsing'));
    if (unparsed.length > 0) fail(`the scanner could not parse every file:\n${unparsed.join('\n')}`);

    const csvPath = join(work, 'report.csv');
    runTool([...common, '-o', csvPath, '-x', EXCLUDED_CHECKS]);
    const findings = readFindings(csvPath);
    const allowlist = readAllowlist();

    const isAllowed = (finding) =>
      allowlist.some((entry) => entry.check === finding.issue && entry.file === finding.filename);
    const table = [];
    const blocking = [];
    for (const finding of findings) {
      const gated = GATED.has(finding.severity.toUpperCase());
      const verdict = !gated ? 'not gated' : isAllowed(finding) ? 'allowlisted' : 'BLOCKING';
      if (verdict === 'BLOCKING') blocking.push(finding);
      table.push([finding.severity, finding.issue, `${finding.filename}:${finding.location}`, verdict]);
    }
    const stale = allowlist.filter(
      (entry) => !findings.some((finding) => entry.check === finding.issue && entry.file === finding.filename),
    );

    console.log(`Electronegativity ${TOOL.split('@').pop()} on ${SCANNED.join(', ')} (Electron ${version})`);
    if (table.length > 0) printTable(table);
    else console.log('no findings');

    if (stale.length > 0) {
      fail(
        `allowlist entries that match no finding (remove them, or the scan lost files):\n` +
          stale.map((entry) => `  ${entry.check} ${entry.file}`).join('\n'),
      );
    }
    if (blocking.length > 0) {
      fail(`${blocking.length} HIGH/MEDIUM finding(s) not in ${basename(ALLOWLIST)}.`);
    }
    console.log(`OK: ${findings.length} finding(s), none blocking.`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
