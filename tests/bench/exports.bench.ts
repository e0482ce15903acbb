/**
 * Printed summaries (issue 12 target: a decision brief of a case with 50 timeline entries renders
 * to PDF in under 2 s, median). Timed through core (`exports:savePdf`: build the redacted summary,
 * render it in a fresh Chromium page as Electron's hidden print window would, hash it, write it,
 * record it), beside the rendering alone of the same job (the baseline). Needs the built renderer.
 */
import { join } from 'node:path';
import type { CaseDetail } from '../../electron/common/caseDetail';
import type { PrintJob } from '../../electron/core/index';
import { intake } from '../fixtures/cases';
import { team } from '../fixtures/team';
import { ok, removeDir, tempDir } from '../fixtures/vault';
import { closeBrowser, renderSummaryPdf } from '../e2e/harness';
import type { Benchmark } from './benchmarks';
import { measure } from './measure';

const TIMELINE = 50;
const RUNS = Number(process.env.MAMORI_BENCH_EXPORT_RUNS ?? 7);

export const exportsBenchmark: Benchmark = {
  name: 'exports',
  async run() {
    const dirs: string[] = [];
    const out = tempDir('mamori-bench-exports-');
    const jobs: PrintJob[] = [];
    let n = 0;
    const { core, as } = await team(dirs, undefined, {
      exportPlatform: {
        renderPdf: async (job) => {
          jobs.push(job);
          return renderSummaryPdf(job);
        },
        chooseSavePath: async () => join(out, `brief-${n++}.pdf`),
        print: async () => true,
      },
    });
    try {
      await as('officer.a');
      let d = await ok<CaseDetail>(core, 'cases:create', intake({ familyName: 'BENCHMARK' }));
      for (let i = 0; i < TIMELINE - 1; i++) {
        d = await ok<CaseDetail>(core, 'cases:addNote', { caseId: d.id, noteType: 'general', body: `Synthetic note ${i + 1}: a visit, a call or a referral, written out in a few sentences so the brief has weight.`, sealed: false });
      }
      const request = { caseId: d.id, profile: 'decision-brief', recipient: 'Case file (benchmark)', purpose: 'Benchmark of the decision brief', locale: 'ja' };
      const through = await measure(() => ok(core, 'exports:savePdf', request), RUNS);
      const job = jobs[jobs.length - 1];
      const alone = await measure(() => renderSummaryPdf(job), RUNS);
      return [{ name: `decision brief to PDF (${TIMELINE} timeline entries, through core)`, size: TIMELINE, ...through, baseline_ms: alone.median_ms }];
    } finally {
      await core.close();
      await closeBrowser();
      for (const dir of dirs) removeDir(join(dir, '..'));
      removeDir(out);
    }
  },
};
