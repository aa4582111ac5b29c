import { describe, expect, it } from 'vitest';
import { isSharedHost } from '../../src/intel/shared-hosts.ts';

describe('isSharedHost', () => {
  it('knows shorteners, document hosts and redirectors', () => {
    for (const host of ['bit.ly', 'docs.google.com', 'sites.google.com', 'forms.gle', 'storage.googleapis.com']) {
      expect(isSharedHost(host), host).toBe(true);
    }
    expect(isSharedHost('www.google.com')).toBe(true);
    expect(isSharedHost('translate.google.co.jp')).toBe(true);
    expect(isSharedHost('s3.dualstack.us-east-1.amazonaws.com')).toBe(true);
    expect(isSharedHost('contoso-my.sharepoint.com')).toBe(true);
  });

  it('treats the apex of a hosting platform as shared', () => {
    expect(isSharedHost('github.io')).toBe(true);
    expect(isSharedHost('duckdns.org')).toBe(true);
  });

  it('leaves hosts an attacker chose and controls to host-level listing', () => {
    for (const host of [
      'user.github.io',
      'x.duckdns.org',
      'phish-bucket.s3.amazonaws.com',
      'account.blob.core.windows.net',
      'sagawa-xx.top',
      'google.com.sagawa-xx.top',
      '203.0.113.7',
    ]) {
      expect(isSharedHost(host), host).toBe(false);
    }
  });
});
