import { describe, expect, it } from 'vitest';
import { checkFile, extensionOf, MAX_DOCUMENT_BYTES } from './rules';

describe('document rules', () => {
  it('reads the extension case-insensitively, only after the last dot', () => {
    expect(extensionOf('Invoice 2026.PDF')).toBe('pdf');
    expect(extensionOf('archive.tar.gz')).toBe('gz');
    expect(extensionOf('README')).toBe('');
    expect(extensionOf('folder.pdf/evil')).toBe('');
  });

  it("accepts Debitura's extensions up to 25 MB and names what is wrong otherwise", () => {
    expect(checkFile({ name: 'letter.docx', size: MAX_DOCUMENT_BYTES })).toBeNull();
    expect(checkFile({ name: 'scan.jpeg', size: 1 })).toBeNull();
    expect(checkFile({ name: 'letter.docx', size: MAX_DOCUMENT_BYTES + 1 })).toBe('too_large');
    expect(checkFile({ name: 'tool.exe', size: 10 })).toBe('unsupported_type');
    expect(checkFile({ name: 'noextension', size: 10 })).toBe('unsupported_type');
    expect(checkFile({ name: 'empty.txt', size: 0 })).toBe('empty');
    expect(checkFile({ name: '   ', size: 10 })).toBe('bad_name');
    expect(checkFile(null)).toBe('missing');
  });
});
