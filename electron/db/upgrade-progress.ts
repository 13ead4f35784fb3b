import type { UpgradeStep } from './open.js';

type Translate = (key: 'upgrade.start' | 'upgrade.step' | 'upgrade.done', params: Record<string, string | number>) => string;

/**
 * Lines for whoever waits while an existing register is upgraded (the CLI on stderr, `npm run web` on
 * its console): where it starts, each step, and how long it took. A new register (from version 0) is
 * made in a moment and says nothing.
 */
export function upgradeReporter(write: (line: string) => void, t: Translate, clock: () => number = Date.now): (step: UpgradeStep) => void {
  let started = 0;
  return (step) => {
    if (step.from === 0) return;
    if (step.done === 0) {
      started = clock();
      write(t('upgrade.start', { from: step.from, total: step.total }));
    }
    if (step.done < step.total) write(t('upgrade.step', { step: step.done + 1, total: step.total, version: step.version }));
    else write(t('upgrade.done', { version: step.version, seconds: Math.round((clock() - started) / 100) / 10 }));
  };
}
