/**
 * Vitest's default reporter, which also says what is running when it has printed nothing for a while and the
 * output is not a terminal (CI, a pipe, a log file). In a terminal the default reporter shows running tests live;
 * in a log it prints a test file only when the file ends, and the browser tests were minutes of silence (a
 * beforeAll loading every page of the site, files of hundreds of page checks). Each such line names the files
 * running, what each is doing (a hook and since when, or how many of its tests are done) and the whole run's count:
 *
 *   … 3 min 20 s: running |site| tests/e2e/layout.test.ts (beforeAll for 1 min 05 s); |site| tests/e2e/old-frames.test.ts (12 of 40 tests done); 1204 tests done
 */
import type { ReportedHookContext, TestCase, TestModule, Vitest } from 'vitest/node';
import { DefaultReporter } from 'vitest/reporters';

export interface ProgressOptions {
  /** Milliseconds without a line after which a progress line is printed (30 s by default). */
  every?: number;
  /** Whether the output is a terminal, where the default reporter's live summary is enough (as detected if unset). */
  isTTY?: boolean;
}

interface Running {
  module: TestModule;
  started: number;
  hook?: { name: string; started: number };
}

export function duration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes} min ${String(seconds % 60).padStart(2, '0')} s` : `${seconds} s`;
}

const tests = (n: number) => `${n} ${n === 1 ? 'test' : 'tests'}`;

export default class ProgressReporter extends DefaultReporter {
  private readonly every: number;
  private readonly running = new Map<string, Running>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private lastLine = Date.now();
  private runStart = Date.now();
  private done = 0;

  constructor({ every = 30_000, ...options }: ProgressOptions = {}) {
    super(options);
    this.every = every;
  }

  override onInit(ctx: Vitest): void {
    super.onInit(ctx);
    this.runStart = this.lastLine = Date.now();
    if (this.isTTY) return;
    this.timer = setInterval(() => this.tick(), Math.min(this.every, 1000));
    this.timer.unref();
  }

  override log(...messages: unknown[]): void {
    this.lastLine = Date.now();
    super.log(...messages);
  }

  onTestModuleStart(module: TestModule): void {
    this.running.set(module.id, { module, started: Date.now() });
  }

  override onTestModuleEnd(module: TestModule): void {
    this.running.delete(module.id);
    super.onTestModuleEnd(module);
  }

  /** The file a beforeAll or afterAll hook runs in (per-test hooks are short: they are left to the test count). */
  private runningHook(hook: ReportedHookContext): Running | undefined {
    if (hook.name !== 'beforeAll' && hook.name !== 'afterAll') return undefined;
    return this.running.get((hook.entity.type === 'module' ? hook.entity : hook.entity.module).id);
  }

  override onHookStart(hook: ReportedHookContext): void {
    super.onHookStart(hook);
    const running = this.runningHook(hook);
    if (running) running.hook = { name: hook.name, started: Date.now() };
  }

  override onHookEnd(hook: ReportedHookContext): void {
    super.onHookEnd(hook);
    const running = this.runningHook(hook);
    if (running) delete running.hook;
  }

  override onTestCaseResult(test: TestCase): void {
    this.done++;
    super.onTestCaseResult(test);
  }

  override onTestRunEnd(): void {
    clearInterval(this.timer);
    super.onTestRunEnd();
  }

  private tick(): void {
    const now = Date.now();
    if (now - this.lastLine < this.every) return;
    this.log(this.progressLine(now));
  }

  private progressLine(now: number): string {
    const files = [...this.running.values()].map(({ module, hook }) => {
      const project = module.project.name ? `|${module.project.name}| ` : '';
      const name = `${project}${this.relative(module.moduleId)}`;
      if (hook) return `${name} (${hook.name} for ${duration(now - hook.started)})`;
      const all = [...module.children.allTests()];
      const finished = all.filter((test) => test.result().state !== 'pending').length;
      return `${name} (${finished} of ${tests(all.length)} done)`;
    });
    const what =
      files.length > 0 ? `running ${files.join('; ')}` : 'no test file running (a global setup or collecting)';
    return `… ${duration(now - this.runStart)}: ${what}; ${tests(this.done)} done`;
  }
}
