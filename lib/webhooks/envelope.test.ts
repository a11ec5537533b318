import { describe, expect, it } from 'vitest';
import { hasTestClassification, parseEnvelope, parseTimestamp } from './envelope';

const valid = {
  id: 'evt-1',
  event: 'case.assigned',
  timestamp: '2026-11-20T10:15:00Z',
  data: { reference: 'Q8OAXF3W' },
};

describe('parseEnvelope', () => {
  it('accepts the documented envelope', () => {
    const result = parseEnvelope(JSON.stringify(valid));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.envelope).toMatchObject({
      id: 'evt-1',
      type: 'case.assigned',
      isKnownType: true,
      caseReference: 'Q8OAXF3W',
      isTest: false,
    });
    expect(result.envelope.occurredAt.toISOString()).toBe('2026-11-20T10:15:00.000Z');
  });

  it('accepts PascalCase keys and display-form event names', () => {
    const result = parseEnvelope(
      JSON.stringify({
        Id: 'e',
        Event: 'Payment.Created',
        Timestamp: '2026-11-20T10:15:00Z',
        Data: { Reference: 'R1' },
      }),
    );
    expect(result.ok && result.envelope.type).toBe('payment.created');
    expect(result.ok && result.envelope.caseReference).toBe('R1');
  });

  it('marks unknown event types without refusing them', () => {
    const result = parseEnvelope(JSON.stringify({ ...valid, event: 'case.teleported' }));
    expect(result.ok && result.envelope.isKnownType).toBe(false);
    expect(result.ok && result.envelope.type).toBe('case.teleported');
  });

  it.each([
    ['not json', 'invalid_json'],
    ['[1,2]', 'not_an_object'],
    ['null', 'not_an_object'],
    [JSON.stringify({ ...valid, id: undefined }), 'missing_id'],
    [JSON.stringify({ ...valid, id: '' }), 'missing_id'],
    [JSON.stringify({ ...valid, id: { x: 1 } }), 'invalid_id'],
    [JSON.stringify({ ...valid, id: 'x'.repeat(201) }), 'invalid_id'],
    [JSON.stringify({ ...valid, event: undefined }), 'missing_event'],
    [JSON.stringify({ ...valid, event: 42 }), 'missing_event'],
    [JSON.stringify({ ...valid, timestamp: undefined }), 'missing_timestamp'],
    [JSON.stringify({ ...valid, timestamp: 'yesterday' }), 'invalid_timestamp'],
    [JSON.stringify({ ...valid, timestamp: '99999-01-01T00:00:00Z' }), 'invalid_timestamp'],
    [JSON.stringify({ ...valid, data: undefined }), 'missing_data'],
    [JSON.stringify({ ...valid, data: [] }), 'missing_data'],
    [JSON.stringify({ ...valid, data: 'x' }), 'missing_data'],
  ])('refuses %s as %s', (body, reason) => {
    expect(parseEnvelope(body)).toEqual({ ok: false, reason });
  });

  it('gives no case reference for a reference too long to index', () => {
    const result = parseEnvelope(JSON.stringify({ ...valid, data: { reference: 'R'.repeat(5000) } }));
    expect(result.ok && result.envelope.caseReference).toBeNull();
  });
});

describe('test classification', () => {
  it.each([
    [{ classification: 'test' }],
    [{ classification: 'Test' }],
    [{ data: { classification: 'test' } }],
    [{ metadata: { classification: 'test' } }],
    [{ data: { case: { classification: 'test' } } }],
    [{ data: { isTestCase: true } }],
    [{ isTest: true }],
  ])('finds %j', (envelope) => expect(hasTestClassification(envelope)).toBe(true));

  it('is false for live events', () => {
    expect(hasTestClassification({ classification: 'live', data: { isTestCase: false } })).toBe(false);
  });
});

describe('parseTimestamp', () => {
  it('reads ISO text and unix seconds or milliseconds', () => {
    expect(parseTimestamp('2026-11-20T10:15:00.123+01:00')?.toISOString()).toBe('2026-11-20T09:15:00.123Z');
    expect(parseTimestamp(1_795_000_000)?.getTime()).toBe(1_795_000_000_000);
    expect(parseTimestamp(1_795_000_000_000)?.getTime()).toBe(1_795_000_000_000);
    expect(parseTimestamp('2026-13-45T00:00:00Z')).toBeNull();
    expect(parseTimestamp(true)).toBeNull();
  });
});
