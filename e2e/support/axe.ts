import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** The WCAG 2.1 AA rule sets (axe tags) the product promises. */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);
const TARGETS_SHOWN = 3;

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

function describe(violation: Violation) {
  const nodes = violation.nodes.slice(0, TARGETS_SHOWN).map((node) => {
    const summary = (node.failureSummary ?? '').split('\n').slice(1).join(' ').trim();
    return `    ${node.target.join(' ')}: ${summary}`;
  });
  const more = violation.nodes.length - TARGETS_SHOWN;
  if (more > 0) nodes.push(`    ...and ${more} more`);
  return `${violation.impact} ${violation.id}: ${violation.help}\n${nodes.join('\n')}`;
}

/**
 * Scans the page as it is now with axe-core and records (softly, so one run reports every
 * page) any serious or critical violation, naming the rule and the first elements so the
 * failure says what to fix. Minor and moderate findings are attached to the test report.
 */
export async function expectNoSeriousA11yViolations(page: Page, label: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  const blocking = violations.filter((violation) => BLOCKING.has(violation.impact ?? ''));
  const others = violations.filter((violation) => !BLOCKING.has(violation.impact ?? ''));
  if (others.length) await test.info().attach(`axe ${label} (minor)`, { body: others.map(describe).join('\n\n') });
  expect.soft(blocking.map(describe), `serious or critical accessibility violations on ${label}`).toEqual([]);
}
