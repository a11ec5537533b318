import { randomBytes, randomUUID } from 'node:crypto';
import { expect, test } from './support/fixtures';
import { assignFromDebitura } from './support/debitura-case';

/**
 * Case documents in a real Chromium: a collector uploads a file from the case page, follows
 * it from "Sending to Debitura" to "Uploaded to Debitura", and finds it in Debitura's list
 * (the fake Debitura) with a working temporary link; a type Debitura refuses is refused on
 * the page before anything is sent.
 */
test.describe.configure({ timeout: 120_000 });

const RUN = randomBytes(3).toString('hex').toUpperCase();
const CASE = { id: randomUUID(), reference: `E2E-DOC-${RUN}` };
const CONTENT = `Demand letter for ${CASE.reference}`;

test.beforeAll(async ({ webhooks }) => {
  await assignFromDebitura(webhooks, {
    caseId: CASE.id,
    reference: CASE.reference,
    lifecycle: 'Active',
    grossMajor: 300,
    debtorType: 'Person',
  });
});

test('a collector uploads a document and finds it in Debitura with a working link', async ({
  page,
  signInAs,
  request,
}) => {
  await signInAs('collector');
  await page.goto(`/cases/${CASE.reference}`);
  const panel = page.getByRole('region', { name: 'Documents' });
  await expect(panel.getByText('Debitura holds no files for this case yet.')).toBeVisible();

  // A type Debitura refuses: said on the page, nothing sent.
  await panel
    .getByLabel('File', { exact: true })
    .setInputFiles({ name: 'setup.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
  await panel.getByRole('button', { name: 'Upload to Debitura' }).click();
  await expect(
    panel.getByRole('status').filter({ hasText: 'Debitura does not accept this type of file' }),
  ).toBeVisible();
  await expect(panel.getByTestId('document-upload')).toHaveCount(0);

  await panel
    .getByLabel('File', { exact: true })
    .setInputFiles({ name: 'demand-letter.pdf', mimeType: 'application/pdf', buffer: Buffer.from(CONTENT) });
  await panel.getByLabel('Kind of document').selectOption({ label: 'Demand letter' });
  await panel.getByLabel('Description (optional)').fill('Sent by post on Monday');
  await panel.getByRole('button', { name: 'Upload to Debitura' }).click();
  await expect(panel.getByText('demand-letter.pdf is stored and on its way to Debitura.')).toBeVisible();
  await expect(panel.getByTestId('document-upload')).toContainText('Uploaded to Debitura', { timeout: 30_000 });

  const link = panel.getByTestId('document-files').getByRole('link', { name: 'demand-letter.pdf' });
  await expect(link).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByTestId('document-files')).toContainText('Demand letter');
  await expect(panel.getByTestId('document-files')).toContainText('Sent by post on Monday');
  const download = await request.get((await link.getAttribute('href'))!);
  expect(download.status()).toBe(200);
  expect(await download.text()).toBe(CONTENT);
});
