/**
 * `tsx bench/profile-page.ts [page.html]`: the extension's main-thread tasks on one corpus page
 * (after a warm-up page), in order, with the script events inside the longest ones. A tool for
 * finding where the content script's time goes; bench:page gives the figures.
 */
import {
  extensionTasksFromTrace,
  KYODO_URL,
  launchWithExtension,
  loadFixturePages,
  loadKyodoHtml,
  servePage,
  settledMarkCount,
  startTracing,
} from '../tests/e2e/harness';

const file = process.argv[2] ?? 'yahoo-2.html';
const p = loadFixturePages().find((x) => x.file === file)!;
const h = await launchWithExtension();
try {
  await servePage(h.context, p.url, p.html);
  await servePage(h.context, KYODO_URL, loadKyodoHtml());
  const warm = await h.context.newPage();
  await warm.goto(KYODO_URL);
  await settledMarkCount(warm);
  await warm.close();
  for (let run = 0; run < 2; run++) {
    const page = await h.context.newPage();
    const tracing = await startTracing(h.context, page);
    await page.goto(p.url, { waitUntil: 'load' });
    const marks = await settledMarkCount(page);
    const events = await tracing.stop();
    await page.close();
    const tasks = extensionTasksFromTrace(events, h.extensionId).filter((t) => t.threadName === 'CrRendererMain');
    const t0 = tasks[0]?.startUs ?? 0;
    console.log(
      `run ${run}: ${marks} marks, ${tasks.length} tasks, total ${tasks.reduce((a, t) => a + t.extensionMs, 0).toFixed(1)} ms`,
    );
    for (const t of tasks)
      if (t.extensionMs > 1)
        console.log(
          `  +${((t.startUs - t0) / 1000).toFixed(0)} ms: task ${t.taskMs.toFixed(1)} ms, ext ${t.extensionMs.toFixed(1)} ms`,
        );
    const inLongest = events.filter(
      (e) =>
        e.ph === 'X' &&
        (e.dur ?? 0) > 1000 &&
        /EvaluateScript|FunctionCall|v8\.|Layout|UpdateLayoutTree|RunMicrotasks|TimerFire|GC|Parse/.test(e.name),
    );
    const longest = [...tasks].sort((a, b) => b.extensionMs - a.extensionMs).slice(0, 3);
    for (const t of longest) {
      console.log(`  longest at +${((t.startUs - t0) / 1000).toFixed(0)}:`);
      for (const e of inLongest)
        if (e.ts >= t.startUs && e.ts <= t.startUs + t.taskMs * 1000 && e.pid === t.pid && e.tid === t.tid)
          console.log(`    ${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)} ms ${JSON.stringify(e.args?.data ?? {}).slice(0, 120)}`);
    }
  }
} finally {
  await h.close();
}
