/**
 * Debitura's case files (`GET /cases/{id}/files`) as Casedesk shows them. The answer's shape
 * is not documented beyond a temporary signed `url` per file (docs/debitura.md "Documents"),
 * so the usual spellings are read leniently: a list, or one under `items`/`files`/`data`.
 * A link's expiry is taken from the item when Debitura names it, else from the signed URL
 * itself (Azure's `se`, S3's `X-Amz-Date` + `X-Amz-Expires`, a plain `expires`); a link
 * whose expiry is unknown is treated as short-lived (LINK_ASSUMED_MS).
 */

export type DebituraFile = {
  id: string | null;
  fileName: string;
  documentType: string | null;
  description: string | null;
  sizeBytes: number | null;
  uploadedAt: string | null;
  url: string | null;
  /** When the link stops working (ISO); never kept or shown past it. */
  linkExpiresAt: string | null;
};

/** How long a link with no stated expiry is trusted. */
export const LINK_ASSUMED_MS = 5 * 60_000;

type Item = Record<string, unknown>;

export function normalizeFiles(answer: unknown, now = Date.now()): DebituraFile[] {
  const list = Array.isArray(answer) ? answer : listIn(answer);
  return list.flatMap((raw) => {
    if (!raw || typeof raw !== 'object') return [];
    const item = raw as Item;
    const fileName = text(item, 'fileName', 'name', 'originalFileName', 'originalName', 'title');
    if (!fileName) return [];
    const url = text(item, 'url', 'downloadUrl', 'link', 'sasUrl');
    return [
      {
        id: text(item, 'id', 'fileId', 'documentId'),
        fileName,
        documentType: text(item, 'documentType', 'type'),
        description: text(item, 'description'),
        sizeBytes: number(item, 'size', 'sizeBytes', 'fileSize', 'length'),
        uploadedAt: text(item, 'createdAt', 'uploadedAt', 'dateCreated', 'created', 'uploadDate'),
        url,
        linkExpiresAt: url ? linkExpiry(item, url, now) : null,
      },
    ];
  });
}

function listIn(answer: unknown): unknown[] {
  if (!answer || typeof answer !== 'object') return [];
  for (const key of ['items', 'files', 'data', 'documents']) {
    const value = (answer as Item)[key];
    if (Array.isArray(value)) return value;
  }
  return [];
}

function text(item: Item, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = item[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
    if (typeof value === 'number') return String(value);
  }
  return null;
}

function number(item: Item, ...keys: string[]): number | null {
  for (const key of keys) {
    const value = item[key];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return null;
}

function linkExpiry(item: Item, url: string, now: number): string {
  const stated = text(item, 'expiresAt', 'urlExpiresAt', 'expiry', 'expires', 'validUntil');
  const statedAt = stated ? Date.parse(stated) : NaN;
  if (!Number.isNaN(statedAt)) return new Date(statedAt).toISOString();
  const fromUrl = expiryInUrl(url);
  return new Date(fromUrl ?? now + LINK_ASSUMED_MS).toISOString();
}

/** The expiry a signed URL carries in its query, in ms, or null. */
export function expiryInUrl(url: string): number | null {
  let params: URLSearchParams;
  try {
    params = new URL(url).searchParams;
  } catch {
    return null;
  }
  const se = params.get('se');
  if (se && !Number.isNaN(Date.parse(se))) return Date.parse(se);
  const amzDate = params.get('X-Amz-Date');
  const amzExpires = Number(params.get('X-Amz-Expires'));
  if (amzDate && Number.isFinite(amzExpires)) {
    const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
    if (match) {
      const [, y, mo, d, h, mi, s] = match;
      return Date.UTC(+y, +mo - 1, +d, +h, +mi, +s) + amzExpires * 1000;
    }
  }
  const expires = params.get('expires') ?? params.get('Expires');
  if (expires && /^\d{9,13}$/.test(expires)) return expires.length > 10 ? Number(expires) : Number(expires) * 1000;
  return null;
}
