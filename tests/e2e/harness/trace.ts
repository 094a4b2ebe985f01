import type { BrowserContext, Page } from 'playwright-core';

/** One event of a Chromium trace (Trace Event Format); timestamps and durations are in microseconds. */
export interface TraceEvent {
  /** Event name, e.g. 'RunTask', 'FunctionCall', 'EvaluateScript'. */
  name: string;
  /** Comma-separated trace categories. */
  cat?: string;
  /** Phase: 'X' complete, 'B'/'E' begin/end, 'M' metadata, … */
  ph: string;
  /** Start time in microseconds. */
  ts: number;
  /** Duration in microseconds ('X' events). */
  dur?: number;
  /** Process id. */
  pid: number;
  /** Thread id. */
  tid: number;
  /** Event arguments; script events carry args.data.url. */
  args?: Record<string, unknown>;
}

/** Trace categories that give top-level tasks (RunTask) and the scripts run inside them. */
export const TRACE_CATEGORIES: readonly string[] = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'];

/** A main-thread task at or above this length is a long task (the Long Tasks API threshold). */
export const LONG_TASK_MS = 50;

/** A top-level task in which the extension ran script. */
export interface ExtensionTask {
  /** 'RunTask', or the script event's name when no enclosing RunTask was traced. */
  name: string;
  /** Start, in trace microseconds. */
  startUs: number;
  /** Length of the whole task in milliseconds (what the Long Tasks API would report). */
  taskMs: number;
  /** Milliseconds of that task spent inside the extension's own script events (union of their spans). */
  extensionMs: number;
  /** Extension script URLs that ran in the task. */
  urls: string[];
  /** Process id. */
  pid: number;
  /** Thread id. */
  tid: number;
  /** Thread name from the trace metadata ('CrRendererMain', 'ServiceWorker thread'…), if known. */
  threadName: string | null;
}

/** Events that run or compile a script and name its URL. */
const SCRIPT_EVENT_NAMES = new Set([
  'EvaluateScript',
  'FunctionCall',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'v8.run',
  'v8.callFunction',
  'v8.callModuleMethodSync',
  'v8.callModuleMethodAsync',
  'v8.produceCache',
  'v8.produceModuleCache',
]);

/** Names of scheduler tasks: the unit the Long Tasks API measures. */
const TOP_LEVEL_TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/** Threads that run an event loop with JavaScript (background compile threads do not block anything). */
const SCRIPT_THREAD = /^CrRendererMain$|Worker thread$/;

interface Span {
  name: string;
  start: number;
  end: number;
  pid: number;
  tid: number;
  args: Record<string, unknown> | undefined;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

function scriptUrl(args: Record<string, unknown> | undefined): string | null {
  const data = asRecord(args?.['data']);
  const url = data?.['url'] ?? args?.['fileName'];
  return typeof url === 'string' ? url : null;
}

function threadKey(pid: number, tid: number): string {
  return `${pid}:${tid}`;
}

/** Turns 'X' events and matched 'B'/'E' pairs into spans. */
function toSpans(events: readonly TraceEvent[]): Span[] {
  const spans: Span[] = [];
  const open = new Map<string, TraceEvent[]>();
  const sorted = events.filter((e) => e.ph === 'X' || e.ph === 'B' || e.ph === 'E').sort((a, b) => a.ts - b.ts);
  for (const event of sorted) {
    if (event.ph === 'X') {
      spans.push({
        name: event.name,
        start: event.ts,
        end: event.ts + (event.dur ?? 0),
        pid: event.pid,
        tid: event.tid,
        args: event.args,
      });
      continue;
    }
    const key = threadKey(event.pid, event.tid);
    const stack = open.get(key) ?? [];
    open.set(key, stack);
    if (event.ph === 'B') {
      stack.push(event);
      continue;
    }
    const begin = stack.pop();
    if (begin) {
      // An 'E' event may carry extra args; the 'B' event names the script.
      const args = { ...(begin.args ?? {}), ...(event.args ?? {}) };
      spans.push({ name: begin.name, start: begin.ts, end: event.ts, pid: begin.pid, tid: begin.tid, args });
    }
  }
  // By start, and outer spans before the spans they contain.
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Length of the union of [start, end] intervals. */
function unionLength(intervals: Array<[number, number]>): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let curStart = -Infinity;
  let curEnd = -Infinity;
  for (const [start, end] of sorted) {
    if (start > curEnd) {
      if (curEnd > curStart) total += curEnd - curStart;
      curStart = start;
      curEnd = end;
    } else if (end > curEnd) {
      curEnd = end;
    }
  }
  if (curEnd > curStart) total += curEnd - curStart;
  return total;
}

/** Lists the top-level tasks (per thread) that ran script from chrome-extension://EXTENSIONID/. */
export function extensionTasksFromTrace(events: readonly TraceEvent[], extensionId: string): ExtensionTask[] {
  return scriptTasksFromTrace(events, `chrome-extension://${extensionId}/`);
}

/** Lists the top-level tasks (per thread) that ran script whose URL starts with `prefix`. */
export function scriptTasksFromTrace(events: readonly TraceEvent[], prefix: string): ExtensionTask[] {
  const threadNames = new Map<string, string>();
  for (const event of events) {
    const name = asRecord(event.args)?.['name'];
    if (event.ph === 'M' && event.name === 'thread_name' && typeof name === 'string') {
      threadNames.set(threadKey(event.pid, event.tid), name);
    }
  }
  const isScriptThread = (key: string): boolean => {
    const name = threadNames.get(key);
    return name === undefined || SCRIPT_THREAD.test(name);
  };

  // Per thread: outermost scheduler tasks, and extension script spans.
  const tasksByThread = new Map<string, Span[]>();
  const scriptsByThread = new Map<string, Span[]>();
  for (const span of toSpans(events)) {
    const key = threadKey(span.pid, span.tid);
    if (!isScriptThread(key)) continue;
    if (TOP_LEVEL_TASK_NAMES.has(span.name)) {
      const list = tasksByThread.get(key) ?? [];
      list.push(span);
      tasksByThread.set(key, list);
    } else if (SCRIPT_EVENT_NAMES.has(span.name) && scriptUrl(span.args)?.startsWith(prefix)) {
      const list = scriptsByThread.get(key) ?? [];
      list.push(span);
      scriptsByThread.set(key, list);
    }
  }

  const result: ExtensionTask[] = [];
  for (const [key, scripts] of scriptsByThread) {
    // Spans come sorted by start; drop tasks nested in another task (nested run loops).
    const topLevel: Span[] = [];
    for (const task of tasksByThread.get(key) ?? []) {
      const last = topLevel[topLevel.length - 1];
      if (last && task.start >= last.start && task.end <= last.end) continue;
      topLevel.push(task);
    }

    const grouped = new Map<Span, Span[]>();
    for (const script of scripts) {
      // The task that contains the script's start; scripts outside any traced task stand for themselves.
      const owner =
        topLevel.find((t) => script.start >= t.start && script.start <= t.end) ??
        [...grouped.keys()].find((t) => !TOP_LEVEL_TASK_NAMES.has(t.name) && script.start >= t.start && script.end <= t.end) ??
        script;
      const list = grouped.get(owner) ?? [];
      list.push(script);
      grouped.set(owner, list);
    }

    for (const [task, inside] of grouped) {
      const extensionUs = unionLength(inside.map((s): [number, number] => [s.start, Math.min(s.end, task.end)]));
      result.push({
        name: task.name,
        startUs: task.start,
        taskMs: (task.end - task.start) / 1000,
        extensionMs: extensionUs / 1000,
        urls: [...new Set(inside.map((s) => scriptUrl(s.args) ?? ''))],
        pid: task.pid,
        tid: task.tid,
        threadName: threadNames.get(key) ?? null,
      });
    }
  }
  return result.sort((a, b) => a.startUs - b.startUs);
}

/** Options of longTasksFromTrace. */
export interface LongTaskOptions {
  /** Keep only durations at or above this many milliseconds (default 0: all). */
  minMs?: number;
  /** 'task': the whole top-level task (default, like the Long Tasks API); 'extension': only the extension's script time in it. */
  measure?: 'task' | 'extension';
}

/** Durations in ms of the top-level tasks that ran the extension's scripts, longest first. */
export function longTasksFromTrace(events: readonly TraceEvent[], extensionId: string, options: LongTaskOptions = {}): number[] {
  const { minMs = 0, measure = 'task' } = options;
  return extensionTasksFromTrace(events, extensionId)
    .map((t) => (measure === 'task' ? t.taskMs : t.extensionMs))
    .filter((ms) => ms >= minMs)
    .sort((a, b) => b - a);
}

function isTraceEvent(value: unknown): value is TraceEvent {
  const record = asRecord(value);
  return (
    record !== undefined &&
    typeof record['name'] === 'string' &&
    typeof record['ph'] === 'string' &&
    typeof record['ts'] === 'number' &&
    typeof record['pid'] === 'number' &&
    typeof record['tid'] === 'number'
  );
}

/** A trace being recorded. */
export interface TraceRecording {
  /** Ends tracing and returns every event collected. */
  stop(): Promise<TraceEvent[]>;
}

/** Starts a Chromium trace through a CDP session on `page` (works with persistent contexts). */
export async function startTracing(
  context: BrowserContext,
  page: Page,
  categories: readonly string[] = TRACE_CATEGORIES,
): Promise<TraceRecording> {
  const session = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', ({ value }) => {
    for (const event of value) if (isTraceEvent(event)) events.push(event);
  });
  await session.send('Tracing.start', {
    traceConfig: { includedCategories: [...categories] },
    transferMode: 'ReportEvents',
  });
  return {
    async stop(): Promise<TraceEvent[]> {
      const complete = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
      await session.send('Tracing.end');
      await complete;
      await session.detach().catch(() => undefined);
      return events;
    },
  };
}

/** Runs `action` while tracing and returns its result with the trace events. */
export async function recordTrace<T>(
  context: BrowserContext,
  page: Page,
  action: () => Promise<T>,
  categories: readonly string[] = TRACE_CATEGORIES,
): Promise<{ result: T; events: TraceEvent[] }> {
  const recording = await startTracing(context, page, categories);
  let result: T;
  try {
    result = await action();
  } catch (error) {
    await recording.stop().catch(() => undefined);
    throw error;
  }
  return { result, events: await recording.stop() };
}
