import { describe, expect, it } from 'vitest';
import { expiryInUrl, LINK_ASSUMED_MS, normalizeFiles } from './debitura-files';

const NOW = Date.UTC(2026, 10, 30, 12, 0, 0);

describe("Debitura's file list", () => {
  it('reads a plain list and one wrapped in items, skipping entries without a name', () => {
    const file = { id: 7, fileName: 'letter.pdf', size: 120, url: 'https://files.example/x?se=2026-11-30T12:10:00Z' };
    expect(normalizeFiles([file, { id: 8 }], NOW)).toEqual([
      {
        id: '7',
        fileName: 'letter.pdf',
        documentType: null,
        description: null,
        sizeBytes: 120,
        uploadedAt: null,
        url: file.url,
        linkExpiresAt: '2026-11-30T12:10:00.000Z',
      },
    ]);
    expect(normalizeFiles({ items: [{ name: 'a.txt' }] }, NOW)[0]).toMatchObject({ fileName: 'a.txt', url: null });
    expect(normalizeFiles(null, NOW)).toEqual([]);
  });

  it("prefers the expiry Debitura states, then the URL's, else a short assumed lifetime", () => {
    const stated = normalizeFiles([{ fileName: 'a.pdf', url: 'https://x/a', expiresAt: '2026-11-30T13:00:00Z' }], NOW);
    expect(stated[0].linkExpiresAt).toBe('2026-11-30T13:00:00.000Z');
    const unknown = normalizeFiles([{ fileName: 'a.pdf', url: 'https://x/a' }], NOW);
    expect(Date.parse(unknown[0].linkExpiresAt!)).toBe(NOW + LINK_ASSUMED_MS);
  });

  it('understands S3 and epoch-style signed URLs', () => {
    expect(expiryInUrl('https://s3/x?X-Amz-Date=20261130T120000Z&X-Amz-Expires=600')).toBe(NOW + 600_000);
    expect(expiryInUrl(`https://x/y?expires=${NOW / 1000}`)).toBe(NOW);
    expect(expiryInUrl('not a url')).toBeNull();
  });
});
